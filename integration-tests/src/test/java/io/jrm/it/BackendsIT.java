package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * Each downcall backend, chosen with {@code jrm.backend=}, serves the same commands: replies, keys,
 * {@code Call}, a data type saved and loaded in process and written by a BGSAVE child. The rest of
 * the suite runs on the default, the fastest backend of the JVM the stub finds (ffm on Java 22+,
 * jni before); the build runs it again on Temurin 25 with ffm, and a subset with {@code
 * JRM_BACKEND=jna}.
 */
class BackendsIT {
  private static final Path EXAMPLE_MODULE = Path.of(System.getProperty("jrm.example.module"));

  private static final Pattern JAVA_VERSION = Pattern.compile("on Java (\\d+)");

  @ParameterizedTest
  @ValueSource(strings = {"jni", "jna", "ffm"})
  void everyBackendServesTheExampleModule(String backend) throws Exception {
    try (RedisServer server =
            RedisServer.builder()
                .module(EXAMPLE_MODULE, "jrm.backend=" + backend)
                .config("enable-debug-command", "yes")
                .start();
        Jedis jedis = server.client()) {
      String log = server.logTail(20);
      if (backend.equals("ffm") && javaFeature(log) < 22) {
        assertThat(log)
            .contains("JRM: jrm.backend=ffm needs Java 22 or later, this is Java ")
            .contains("(backend jni)");
      } else {
        assertThat(log).contains("(backend " + backend + ")");
      }
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
  void theDefaultIsTheFastestBackendOfTheJava() {
    String requested = System.getenv().getOrDefault("JRM_BACKEND", "");
    try (RedisServer server = RedisServer.builder().module(EXAMPLE_MODULE).start()) {
      String log = server.logTail(20);
      boolean ffm = javaFeature(log) >= 22 && (requested.isEmpty() || requested.equals("ffm"));
      String expected = ffm ? "ffm" : requested.equals("jna") ? "jna" : "jni";
      assertThat(log).contains("(backend " + expected + ")");
    }
  }

  @Test
  void anUnknownBackendFailsTheLoad() {
    assertThatThrownBy(
            () -> RedisServer.builder().module(EXAMPLE_MODULE, "jrm.backend=jnr").start().close())
        .hasMessageContaining("JRM: jrm.backend (or JRM_BACKEND) takes jni, jna or ffm, got 'jnr'");
  }

  /** The feature version of the Java the load log line names. */
  private static int javaFeature(String log) {
    Matcher version = JAVA_VERSION.matcher(log);
    assertThat(version.find()).as("the load log line names the Java version: %s", log).isTrue();
    return Integer.parseInt(version.group(1));
  }
}
