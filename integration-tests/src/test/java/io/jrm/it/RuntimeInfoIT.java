package io.jrm.it;

import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * INFO {@code <module>_jrm}: the collectors' counts and times, the data type values alive, their
 * serialized forms' bytes, the values waiting for the next fork and the JRM part of its pause.
 */
@Timeout(60)
class RuntimeInfoIT {
  private static final String SECTION = "jrmtest_jrm";

  private static long field(Jedis jedis, String name) {
    return Long.parseLong(Info.field(jedis, SECTION, "jrmtest_" + name));
  }

  /** Waits, 10 s at most, until the serialization timer has left no value waiting. */
  private static void awaitNothingPending(Jedis jedis) throws InterruptedException {
    for (int i = 0; i < 200 && field(jedis, "values_pending_serialization") > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(field(jedis, "values_pending_serialization")).isZero();
  }

  @Test
  void valuesSnapshotsPendingWritesAndTheForkPrepareTime() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      assertThat(field(jedis, "values")).isZero();
      assertThat(field(jedis, "last_fork_prepare_usec")).isEqualTo(-1);

      send(jedis, "JRMTEST.TYPE.FILL", "rich", "v:", "100", "10");
      assertThat(field(jedis, "values")).isEqualTo(100);
      assertThat(field(jedis, "values_pending_serialization")).isBetween(0L, 100L);
      // Serialized between commands, not at the next fork: none is left waiting without a fork.
      awaitNothingPending(jedis);
      long snapshots = field(jedis, "snapshot_bytes");
      assertThat(snapshots).isPositive();

      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      assertThat(awaitBgsave(jedis, Duration.ofSeconds(20))).isEqualTo("ok");
      assertThat(field(jedis, "values_pending_serialization")).isZero();
      assertThat(field(jedis, "last_fork_prepare_usec"))
          .isBetween(0L, Long.parseLong(Info.field(jedis, "stats", "latest_fork_usec")));

      send(jedis, "JRMTEST.TYPE.SET", "v:7", "number", "42");
      assertThat(field(jedis, "values_pending_serialization")).isBetween(0L, 1L);

      for (int i = 0; i < 50; i++) {
        jedis.del("v:" + i);
      }
      assertThat(field(jedis, "values")).isEqualTo(50);
      assertThat(field(jedis, "values_pending_serialization")).isZero(); // v:7 went with them
      assertThat(field(jedis, "snapshot_bytes")).isPositive().isLessThan(snapshots);
      assertThat(jedis.flushAll()).isEqualTo("OK");
      assertThat(field(jedis, "values")).isZero();
      assertThat(field(jedis, "snapshot_bytes")).isZero();
    }
  }

  @Test
  void everyCollectorHasItsCountAndTime() {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      String info = jedis.info(SECTION);
      assertThat(info)
          .startsWith("# " + SECTION + "\r\n")
          .containsPattern(
              "jrmtest_gc_[a-z0-9_]+_count:\\d+\r\njrmtest_gc_[a-z0-9_]+_time_ms:\\d+");
      assertThat(jedis.info("everything")).contains("jrmtest_values:0");
    }
  }
}
