package io.jrm.it;

import static io.jrm.it.TypeServers.awaitBgsave;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * MODULE UNLOAD of a Java module: its commands are gone, its Java state too, the JVM and the
 * process carry on (a fork after the unload still works), and loading it again gives a fresh
 * module. noonload has no data types; jrmtest has, which Redis itself refuses to unload.
 */
class ModuleUnloadIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final Path UNLOADABLE = Path.of(System.getProperty("jrm.no-onload.module"));

  /**
   * Twenty loads and unloads may grow RSS by the JVM's heap and code caches, never by one per
   * cycle.
   */
  private static final long RSS_GROWTH_BOUND = 256L << 20;

  @Test
  void anUnloadedModuleHasNoCommandsAndLoadsAgainWithFreshState() {
    try (RedisServer server = withModuleCommand().module(UNLOADABLE).start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "NOONLOAD.INCR")).isEqualTo(1L);
      assertThat(send(jedis, "NOONLOAD.INCR")).isEqualTo(2L);
      assertThat(send(jedis, "NOONLOAD.TIMEOUT", "10")).isEqualTo("TIMEOUT");

      assertThat(send(jedis, "MODULE", "UNLOAD", "noonload")).isEqualTo("OK");
      assertThatThrownBy(() -> send(jedis, "NOONLOAD.PING"))
          .hasMessageContaining("unknown command");
      assertThat(send(jedis, "MODULE", "LIST").toString()).doesNotContain("noonload");
      assertThat(server.logTail(20))
          .contains("JRM: unloading noonload", "Module noonload unloaded");

      assertThat(send(jedis, "MODULE", "LOAD", UNLOADABLE.toString())).isEqualTo("OK");
      assertThat(send(jedis, "NOONLOAD.INCR")).isEqualTo(1L);
      assertThat(send(jedis, "NOONLOAD.TIMEOUT", "10")).isEqualTo("TIMEOUT");
      assertThat(send(jedis, "NOONLOAD.PING")).isEqualTo("PONG");
    }
  }

  @Test
  void twentyUnloadsAndLoadsKeepWorkingWithinABoundedRss() {
    try (RedisServer server = withModuleCommand().module(UNLOADABLE).start();
        Jedis jedis = server.client()) {
      long rssBefore = rss(jedis);
      for (int i = 0; i < 20; i++) {
        assertThat(send(jedis, "NOONLOAD.INCR")).as("cycle %d", i).isEqualTo(1L);
        assertThat(send(jedis, "NOONLOAD.TIMEOUT", "1")).isEqualTo("TIMEOUT");
        assertThat(send(jedis, "MODULE", "UNLOAD", "noonload")).isEqualTo("OK");
        assertThat(send(jedis, "MODULE", "LOAD", UNLOADABLE.toString())).isEqualTo("OK");
      }
      assertThat(send(jedis, "NOONLOAD.PING")).isEqualTo("PONG");
      assertThat(rss(jedis) - rssBefore).isLessThan(RSS_GROWTH_BOUND);
    }
  }

  @Test
  void bgsaveAfterAnUnloadSucceeds() throws InterruptedException {
    try (RedisServer server = withModuleCommand().module(UNLOADABLE).start();
        Jedis jedis = server.client()) {
      jedis.set("k", "v");
      assertThat(send(jedis, "MODULE", "UNLOAD", "noonload")).isEqualTo("OK");
      assertThat(jedis.bgsave()).isEqualTo("Background saving started");
      assertThat(awaitBgsave(jedis, Duration.ofSeconds(20))).isEqualTo("ok");
      assertThat(jedis.get("k")).isEqualTo("v");
    }
  }

  @Test
  void anOpenDetachedContextRefusesTheUnloadUntilClosed() {
    try (RedisServer server = withModuleCommand().module(UNLOADABLE).start();
        Jedis jedis = server.client()) {
      assertThat(send(jedis, "NOONLOAD.DETACHED", "open")).isEqualTo("open");
      assertThatThrownBy(() -> send(jedis, "MODULE", "UNLOAD", "noonload"))
          .hasMessageContaining("Error unloading module");
      assertThat(server.logTail(20))
          .contains("JRM: noonload cannot be unloaded: 1 detached thread-safe context(s)");
      assertThat(send(jedis, "NOONLOAD.PING")).isEqualTo("PONG");

      assertThat(send(jedis, "NOONLOAD.DETACHED", "close")).isEqualTo("close");
      assertThat(send(jedis, "MODULE", "UNLOAD", "noonload")).isEqualTo("OK");
    }
  }

  @Test
  void redisRefusesToUnloadAModuleWithDataTypes() {
    try (RedisServer server = withModuleCommand().module(TEST_MODULE).start();
        Jedis jedis = server.client()) {
      assertThatThrownBy(() -> send(jedis, "MODULE", "UNLOAD", "jrmtest"))
          .hasMessageContaining(
              "Error unloading module: the module exports one or more module-side data types");
      assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
    }
  }

  private static long rss(Jedis jedis) {
    return Long.parseLong(Info.field(jedis, "memory", "used_memory_rss"));
  }

  private static RedisServer.Builder withModuleCommand() {
    return RedisServer.builder().config("enable-module-command", "yes");
  }
}
