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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * A value fetched through a {@code ReadKey} and changed in place (a module's mistake, which the
 * types cannot refuse for the Java object a data type is): memory, DEBUG RELOAD and BGSAVE with a
 * restart must all show the same value, on every backend, and the log says what happened (the
 * design in docs/keys.md).
 */
@Timeout(60)
class ReadKeyChangeIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static void bgsave(Jedis jedis) throws InterruptedException {
    assertThat(jedis.bgsave()).isEqualTo("Background saving started");
    assertThat(awaitBgsave(jedis, TIMEOUT)).isEqualTo("ok");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jni", "jna", "ffm"})
  void aChangeThroughAReadKeyReachesMemoryDebugReloadAndBgsave(String backend)
      throws InterruptedException {
    try (RedisServer server = builder("jrm.backend=" + backend).start()) {
      try (Jedis jedis = client(server)) {
        send(jedis, "JRMTEST.TYPE.SET", "k", "number", "5");
        bgsave(jedis); // serializes the value as it is: number 5
        assertThat(send(jedis, "JRMTEST.TYPE.READBUMP", "k")).isEqualTo(6L);
        assertThat(describe(jedis, "k")).startsWith("jrmtest-r:number=6;");
        bgsave(jedis);
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(describe(jedis, "k")).startsWith("jrmtest-r:number=6;");
        assertThat(send(jedis, "JRMTEST.TYPE.READBUMP", "k")).isEqualTo(7L);
        assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
        assertThat(describe(jedis, "k")).startsWith("jrmtest-r:number=7;");
        assertThat(send(jedis, "JRMTEST.TYPE.READBUMP", "k")).isEqualTo(8L);
        bgsave(jedis);
      }
      server.restart();
      try (Jedis jedis = client(server)) {
        assertThat(describe(jedis, "k")).startsWith("jrmtest-r:number=8;");
      }
      TypeServers.assertLogLine(
          server,
          "JRM: jrmtest: a jrmtest-r value fetched through a key opened for reading"
              + " was changed in place");
      assertCleanLog(server);
    }
  }

  @Test
  void valuesOnlyReadAreNotReportedAsChanged() throws InterruptedException {
    try (RedisServer server = builder().start();
        Jedis jedis = client(server)) {
      send(jedis, "JRMTEST.TYPE.SET", "k", "number", "5");
      bgsave(jedis);
      for (int i = 0; i < 3; i++) {
        assertThat(describe(jedis, "k")).startsWith("jrmtest-r:number=5;");
        bgsave(jedis);
      }
      assertThat(TypeServers.log(server)).doesNotContain("opened for reading was changed");
    }
  }
}
