package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The garbage collector of the JVM in redis-server: the serial one up to {@code jrm.xmx=256m} (it
 * takes less memory), the JVM's own choice above, and always the one a {@code jrm.jvm-option}
 * names. The JVM's collector MXBeans say which runs: the serial collector's are "Copy" and
 * "MarkSweepCompact".
 */
class CollectorChoiceIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final List<String> SERIAL = List.of("Copy", "MarkSweepCompact");

  @Test
  void theDefaultHeapRunsTheSerialCollector() {
    assertThat(collectors()).containsExactlyInAnyOrderElementsOf(SERIAL);
  }

  @Test
  void aHeapOfTheBoundRunsTheSerialCollector() {
    assertThat(collectors("jrm.xmx=256m")).containsExactlyInAnyOrderElementsOf(SERIAL);
  }

  @Test
  void aLargerHeapKeepsTheJvmsChoice() {
    assertThat(collectors("jrm.xmx=257m")).doesNotContainAnyElementsOf(SERIAL);
  }

  @Test
  void aCollectorNamedInTheOptionsIsTheOneThatRuns() {
    assertThat(collectors("jrm.jvm-option=-XX:+UseParallelGC"))
        .containsExactlyInAnyOrder("PS Scavenge", "PS MarkSweep");
  }

  @Test
  void aCollectorTurnedOffInTheOptionsIsNotForcedOn() {
    assertThat(collectors("jrm.jvm-option=-XX:-UseSerialGC")).doesNotContainAnyElementsOf(SERIAL);
  }

  @SuppressWarnings("unchecked") // an array reply of bulk strings
  private static List<Object> collectors(String... args) {
    try (RedisServer server = RedisServer.builder().module(TEST_MODULE, args).start();
        Jedis jedis = server.client()) {
      return (List<Object>) send(jedis, "JRMTEST.COLLECTORS");
    }
  }
}
