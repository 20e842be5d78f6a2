package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * Each downcall backend, chosen with {@code jrm.backend=}, serves the same commands: replies, keys,
 * {@code Call}, a data type saved and loaded in process and written by a BGSAVE child. The rest of
 * the suite runs on the default (jni); {@code JRM_BACKEND=jna} runs it on JNA.
 */
class BackendsIT {
  private static final Path EXAMPLE_MODULE = Path.of(System.getProperty("jrm.example.module"));

  @ParameterizedTest
  @ValueSource(strings = {"jni", "jna"})
  void everyBackendServesTheExampleModule(String backend) throws Exception {
    try (RedisServer server =
            RedisServer.builder()
                .module(EXAMPLE_MODULE, "jrm.backend=" + backend)
                .config("enable-debug-command", "yes")
                .start();
        Jedis jedis = server.client()) {
      assertThat(server.logTail(20)).contains("(backend " + backend + ")");
      assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(0L);
      assertThat(send(jedis, "HELLO.PUSH.NATIVE", "list", "abc")).isEqualTo(1L);
      assertThat(send(jedis, "HELLO.PUSH.CALL", "list", "de")).isEqualTo(2L);
      assertThat(send(jedis, "HELLO.LIST.SUM.LEN", "list")).isEqualTo(5L);
      assertThat(send(jedis, "ZADD", "z", "1.5", "a", "2.5", "b")).isEqualTo(2L);
      assertThat(send(jedis, "HELLO.ZSUMRANGE", "z", "0", "10")).isEqualTo(List.of("4", "4"));
      assertThat(send(jedis, "HELLOTYPE.INSERT", "t", "7")).isEqualTo(1L);
      assertThat(send(jedis, "HELLOTYPE.INSERT", "t", "-3")).isEqualTo(2L);
      assertThat(send(jedis, "DEBUG", "RELOAD")).isEqualTo("OK");
      assertThat(send(jedis, "HELLOTYPE.RANGE", "t", "0", "10")).isEqualTo(List.of(-3L, 7L));
      assertThat(send(jedis, "BGSAVE")).isEqualTo("Background saving started");
      assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(0L);
    }
  }

  @Test
  void anUnknownBackendFailsTheLoad() {
    assertThatThrownBy(
            () -> RedisServer.builder().module(EXAMPLE_MODULE, "jrm.backend=ffm").start().close())
        .hasMessageContaining("JRM: jrm.backend (or JRM_BACKEND) takes jni or jna, got 'ffm'");
  }
}
