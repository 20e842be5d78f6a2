package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Automatic memory management: what a command creates with auto memory on and never closes is freed
 * when it returns, and without it try-with-resources frees the same. Measured in {@code
 * used_memory}, which counts Redis's allocator only (not the JVM's heap).
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class AutoMemoryIT {
  private static final String N = "100000";

  /** Far below what 100,000 leaked objects take (several MB), far above the noise. */
  private static final long TOLERANCE = 512 * 1024;

  @BeforeEach
  void value(Jedis jedis) {
    jedis.set("k", "v".repeat(100));
  }

  @Test
  void aLeakIsMeasurable(Jedis jedis) {
    // Without this control, "used_memory did not grow" could mean the measure sees nothing.
    long grown = growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.STRINGS", N, "leak"));
    assertThat(grown).isGreaterThan(2 * 1024 * 1024);
  }

  @Test
  void autoMemoryFreesStrings(Jedis jedis) {
    assertThat(growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.STRINGS", N, "auto")))
        .isLessThan(TOLERANCE);
  }

  @Test
  void autoMemoryFreesCallReplies(Jedis jedis) {
    assertThat(growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.REPLIES", N, "auto", "k")))
        .isLessThan(TOLERANCE);
  }

  @Test
  void autoMemoryClosesKeys(Jedis jedis) {
    assertThat(growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.KEYS", N, "auto", "k")))
        .isLessThan(TOLERANCE);
  }

  @Test
  void tryWithResourcesFreesEverythingWithoutAutoMemory(Jedis jedis) {
    assertThat(growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.STRINGS", N, "manual")))
        .isLessThan(TOLERANCE);
    assertThat(growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.REPLIES", N, "manual", "k")))
        .isLessThan(TOLERANCE);
    assertThat(growth(jedis, () -> send(jedis, "JRMTEST.API.AUTO.KEYS", N, "manual", "k")))
        .isLessThan(TOLERANCE);
  }

  @Test
  void theCommandsDidTheirWork(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.AUTO.STRINGS", "10", "auto")).isEqualTo(10L);
    assertThat(send(jedis, "JRMTEST.API.AUTO.REPLIES", "10", "auto", "k")).isEqualTo(1000L);
    assertThat(send(jedis, "JRMTEST.API.AUTO.REPLIES", "10", "manual", "k")).isEqualTo(1000L);
    assertThat(send(jedis, "JRMTEST.API.AUTO.KEYS", "10", "auto", "k")).isEqualTo("STRING");
    assertThat(send(jedis, "JRMTEST.API.AUTO.KEYS", "10", "manual", "k")).isEqualTo("STRING");
  }

  /** How much used_memory grew over {@code command}, after a warm-up run of it. */
  private static long growth(Jedis jedis, Supplier<Object> command) {
    command.get(); // first runs may grow tables for good; only what stays per run matters
    long before = Info.usedMemory(jedis);
    command.get();
    return Info.usedMemory(jedis) - before;
  }
}
