package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Module configs of a Java module (jrmtest's ConfigCommands): CONFIG GET and SET reach the Java
 * getters and setters, bad values get Redis's errors or the setter's reason and keep the old value,
 * and MODULE LOADEX sets configs at load beside the module's arguments.
 */
class ModuleConfigIT {
  private static final Path TEST_MODULE = Path.of(System.getProperty("jrm.test.module"));
  private static final int LOAD_TIMEOUT_MILLIS = 60_000;

  @Test
  void configGetAndSetReachTheJavaGettersAndSetters() {
    try (RedisServer server = RedisServer.builder().module(TEST_MODULE).start();
        Jedis jedis = server.client()) {
      assertThat(configGet(jedis, "jrmtest.verbose")).isEqualTo("no");
      assertThat(configGet(jedis, "jrmtest.limit")).isEqualTo("1024");
      assertThat(configGet(jedis, "jrmtest.shards")).isEqualTo("1");
      assertThat(configGet(jedis, "jrmtest.greeting")).isEqualTo("hello");
      assertThat(configGet(jedis, "jrmtest.mode")).isEqualTo("fast");
      assertThat(configGet(jedis, "jrmtest.features")).isEqualTo("compress");

      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.limit", "2mb")).isEqualTo("OK");
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.verbose", "yes")).isEqualTo("OK");
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.greeting", "bon\0jour")).isEqualTo("OK");
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.mode", "safe")).isEqualTo("OK");
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.features", "audit encrypt")).isEqualTo("OK");

      assertThat(configGet(jedis, "jrmtest.limit")).isEqualTo("2097152");
      assertThat(configGet(jedis, "jrmtest.verbose")).isEqualTo("yes");
      assertThat(configGet(jedis, "jrmtest.greeting")).isEqualTo("bon\0jour");
      assertThat(configGet(jedis, "jrmtest.mode")).isEqualTo("safe");
      assertThat(configGet(jedis, "jrmtest.features")).isEqualTo("encrypt audit");
      // @Config fields: registered with their initial values, loaded without a loadConfigs call.
      assertThat(configGet(jedis, "jrmtest.level")).isEqualTo("3");
      assertThat(configGet(jedis, "jrmtest.motto")).isEqualTo("keep calm");
      assertThat(configGet(jedis, "jrmtest.tone")).isEqualTo("calm");
      assertThat(send(jedis, "CONFIG", "GET", "jrmtest.t*")).isEqualTo(List.of()); // hidden
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.level", "7")).isEqualTo("OK");
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.motto", "carry on")).isEqualTo("OK");
      assertThat(send(jedis, "CONFIG", "SET", "jrmtest.tone", "LOUD")).isEqualTo("OK");
      assertThat(configGet(jedis, "jrmtest.tone")).isEqualTo("loud");
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.level", "10"))
          .hasMessageContaining("argument must be between 0 and 9 inclusive");

      // verbose, limit, shards, greeting, mode, features, apply calls (one per CONFIG SET above
      // of a config with an apply function), level, motto, tone
      assertThat(send(jedis, "JRMTEST.CONFIG.VALUES"))
          .isEqualTo(List.of(1L, 2097152L, 1L, "bon\0jour", 1L, 6L, 2L, 7L, "carry on", "LOUD"));
    }
  }

  @Test
  void badValuesGetAClearErrorAndKeepTheOldValue() {
    try (RedisServer server = RedisServer.builder().module(TEST_MODULE).start();
        Jedis jedis = server.client()) {
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.limit", "2gb"))
          .hasMessageContaining("argument must be between 0 and 1073741824 inclusive");
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.limit", "-5"))
          .hasMessageContaining("argument must be a memory value");
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.mode", "slow"))
          .hasMessageContaining("must be one of the following: fast, safe");
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.shards", "4"))
          .hasMessageContaining("can't set immutable config");
      // The setter's reason, as Redis shows a C module's.
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.greeting", ""))
          .hasMessage(
              "ERR CONFIG SET failed (possibly related to argument 'jrmtest.greeting') - greeting"
                  + " must not be empty");
      // A setter that fails: an error and a log line, and the server goes on.
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.greeting", "crash"))
          .hasMessageContaining(
              "JRM: the setter of config greeting threw java.lang.IllegalStateException: a bug in"
                  + " the setter");
      assertThat(server.logTail(20)).contains("jrmtest config greeting setter threw");
      // The apply function refuses verbose with a small limit: Redis sets verbose back.
      assertThatThrownBy(() -> send(jedis, "CONFIG", "SET", "jrmtest.verbose", "yes"))
          .hasMessageContaining("verbose needs a limit of at least 1mb");

      assertThat(configGet(jedis, "jrmtest.limit")).isEqualTo("1024");
      assertThat(configGet(jedis, "jrmtest.mode")).isEqualTo("fast");
      assertThat(configGet(jedis, "jrmtest.shards")).isEqualTo("1");
      assertThat(configGet(jedis, "jrmtest.greeting")).isEqualTo("hello");
      assertThat(configGet(jedis, "jrmtest.verbose")).isEqualTo("no");
      assertThat(send(jedis, "PING")).isEqualTo("PONG");
    }
  }

  @Test
  void moduleLoadexSetsConfigsAndPassesTheArgumentsToOnLoad() {
    try (RedisServer server = RedisServer.builder().config("enable-module-command", "yes").start();
        // MODULE LOADEX starts the JVM: more than Jedis's 2 s on a loaded machine.
        Jedis jedis = new Jedis(server.host(), server.port(), LOAD_TIMEOUT_MILLIS)) {
      String path = TEST_MODULE.toString();
      // A refused value fails the load, and its configs go with it.
      assertThatThrownBy(
              () -> send(jedis, "MODULE", "LOADEX", path, "CONFIG", "jrmtest.shards", "100"))
          .hasMessageContaining("ERR");
      assertThat(send(jedis, "CONFIG", "GET", "jrmtest.*")).isEqualTo(List.of());
      assertThat(server.logTail(20))
          .contains("Issue during loading of configuration jrmtest.shards");

      assertThat(
              send(
                  jedis,
                  "MODULE",
                  "LOADEX",
                  path,
                  "CONFIG",
                  "jrmtest.shards",
                  "8",
                  "CONFIG",
                  "jrmtest.greeting",
                  "hi",
                  "ARGS",
                  "first",
                  "jrm.xmx=128m",
                  "second"))
          .isEqualTo("OK");
      assertThat(configGet(jedis, "jrmtest.shards")).isEqualTo("8");
      assertThat(configGet(jedis, "jrmtest.greeting")).isEqualTo("hi");
      assertThat(configGet(jedis, "jrmtest.limit")).isEqualTo("1024");
      // jrm.* arguments are the stub's; the others reach @OnLoad.
      assertThat(send(jedis, "JRMTEST.ARGS")).isEqualTo(List.of("first", "second"));
    }
  }

  private static String configGet(Jedis jedis, String name) {
    List<?> reply = (List<?>) send(jedis, "CONFIG", "GET", name);
    assertThat(reply).as(name).hasSize(2);
    return (String) reply.get(1);
  }
}
