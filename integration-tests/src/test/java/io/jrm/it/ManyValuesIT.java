package io.jrm.it;

import static io.jrm.it.TypeServers.assertCleanLog;
import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.it.TypeServers.builder;
import static io.jrm.it.TypeServers.client;
import static io.jrm.it.TypeServers.describe;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.RedisServer;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/** 200,000 values of a type: saved in the parent (SAVE) and in a child (BGSAVE), and loaded. */
@Timeout(90)
class ManyValuesIT {
  private static final int KEYS = 200_000;

  /** 100 keys spread over the range, the first and the last among them. */
  private static Map<String, String> sample(Jedis jedis) {
    Map<String, String> sample = new TreeMap<>();
    Random random = new Random(42);
    for (int i = 0; i < 100; i++) {
      String key = "k:" + (i == 0 ? 0 : i == 1 ? KEYS - 1 : random.nextInt(KEYS));
      sample.put(key, describe(jedis, key));
    }
    return sample;
  }

  private static String digest(Jedis jedis) {
    long started = System.nanoTime();
    String digest = TypeServers.digest(jedis);
    System.out.println(
        "ManyValuesIT: DEBUG DIGEST took " + (System.nanoTime() - started) / 1_000_000 + " ms");
    return digest;
  }

  private static long timed(Runnable step, String what, Duration limit) {
    long started = System.nanoTime();
    step.run();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.println("ManyValuesIT: " + what + " took " + took.toMillis() + " ms");
    assertThat(took).as(what).isLessThan(limit);
    return took.toMillis();
  }

  @Test
  void twoHundredThousandValuesSaveAndLoadInParentAndChild() throws InterruptedException {
    // 200,000 values hold about 190 MB of heap: over the heap guard's 80% of the default 256 MB.
    try (RedisServer server =
        builder("jrm.xmx=512m").startupTimeout(Duration.ofSeconds(60)).start()) {
      Map<String, String> sample;
      String digest;
      try (Jedis jedis = client(server)) {
        timed(
            () ->
                assertThat(
                        send(jedis, "JRMTEST.TYPE.FILL", "rich", "k:", String.valueOf(KEYS), "2"))
                    .isEqualTo((long) KEYS),
            "FILL",
            Duration.ofSeconds(20));
        sample = sample(jedis);
        assertThat(sample.get("k:" + (KEYS - 1)))
            .startsWith("jrmtest-r:number=" + (KEYS - 1) + ";");
        digest = digest(jedis);
        timed(() -> assertThat(jedis.save()).isEqualTo("OK"), "SAVE", Duration.ofSeconds(20));
      }
      timed(server::restart, "restart (load)", Duration.ofSeconds(30));
      try (Jedis jedis = client(server)) {
        assertThat(jedis.dbSize()).isEqualTo(KEYS);
        assertThat(sample(jedis)).isEqualTo(sample);
        assertThat(digest(jedis)).isEqualTo(digest);
        // Every value was just loaded: the fork serializes all of them first.
        send(jedis, "JRMTEST.TYPE.BUMP", "k:0");
        sample.put("k:0", describe(jedis, "k:0"));
        assertThat(sample.get("k:0")).startsWith("jrmtest-r:number=1;");
        timed(
            () -> {
              assertThat(jedis.bgsave()).isEqualTo("Background saving started");
              try {
                assertThat(awaitBgsave(jedis, Duration.ofSeconds(30))).isEqualTo("ok");
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
            },
            "BGSAVE",
            Duration.ofSeconds(20));
        // fork() with the pre-fork serialization of every value, the main thread blocked meanwhile.
        System.out.println(
            "ManyValuesIT: latest_fork_usec " + Info.field(jedis, "stats", "latest_fork_usec"));
      }
      timed(server::restart, "restart (load)", Duration.ofSeconds(30));
      try (Jedis jedis = client(server)) {
        assertThat(jedis.dbSize()).isEqualTo(KEYS);
        assertThat(sample(jedis)).isEqualTo(sample);
      }
      assertCleanLog(server);
    }
  }
}
