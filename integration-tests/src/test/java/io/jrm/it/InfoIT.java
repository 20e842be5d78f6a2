package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The module's own INFO sections ({@code Context.registerInfoFunc}) and reading INFO. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class InfoIT {
  @AfterEach
  void noInfoFunction(Jedis jedis) {
    send(jedis, "JRMTEST.INFO.SET", "none");
  }

  @Test
  void theModuleSectionsFollowTheHeapSection(Jedis jedis) {
    send(jedis, "JRMTEST.INFO.SET", "fields");
    String info = jedis.info("jrmtest");
    assertThat(info)
        .containsSubsequence(
            "# jrmtest_heap\r\n",
            "# jrmtest\r\njrmtest_text:hello\r\njrmtest_name:x\r\n",
            "# jrmtest_numbers\r\n",
            "jrmtest_signed:-2\r\n",
            "jrmtest_unsigned:18446744073709551614\r\n",
            "jrmtest_double:3.5",
            "jrmtest_db0:keys=3,expires=1\r\n");
  }

  @Test
  void aSectionAskedForAloneComesAlone(Jedis jedis) {
    send(jedis, "JRMTEST.INFO.SET", "fields");
    String info = jedis.info("jrmtest_numbers");
    assertThat(info).contains("jrmtest_signed:-2").doesNotContain("jrmtest_text", "heap");
    assertThat(jedis.info("everything")).contains("jrmtest_text:hello", "used_memory");
    assertThat(jedis.info()).doesNotContain("jrmtest_text");
  }

  @Test
  void aRedisStringField(Jedis jedis) {
    send(jedis, "JRMTEST.INFO.SET", "string");
    assertThat(jedis.info("jrmtest_copy")).contains("jrmtest_value:from-a-RedisString\r\n");
  }

  @Test
  void anInfoFunctionThatThrowsKeepsWhatItAddedAndIsLogged(Jedis jedis, RedisServer server) {
    send(jedis, "JRMTEST.INFO.SET", "throws");
    assertThat(jedis.info("jrmtest")).contains("jrmtest_heap", "jrmtest_before:1");
    assertThat(server.logTail(50))
        .contains("INFO of jrmtest failed: java.lang.IllegalStateException: info boom");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aFieldBeforeAnySectionIsRefusedNotAddedToTheHeapSection(Jedis jedis, RedisServer server) {
    send(jedis, "JRMTEST.INFO.SET", "early");
    assertThat(jedis.info("jrmtest")).contains("jrmtest_heap").doesNotContain("jrmtest_early");
    assertThat(server.logTail(50)).contains("add a section before its fields");
  }

  @Test
  void anInfoContextKeptPastItsInfoIsRefused(Jedis jedis) {
    send(jedis, "JRMTEST.INFO.SET", "fields");
    jedis.info("jrmtest");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.INFO.KEPT"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("belongs to an INFO that has returned");
  }

  @Test
  void javaReadsServerInfoFieldsOfEveryKind(Jedis jedis, RedisServer server) {
    assertThat(send(jedis, "JRMTEST.INFO.GET", "c", "replication", "role")).isEqualTo("master");
    assertThat(send(jedis, "JRMTEST.INFO.GET", "s", "replication", "role")).isEqualTo("master");
    assertThat(send(jedis, "JRMTEST.INFO.GET", "i", "server", "tcp_port"))
        .isEqualTo(String.valueOf(server.port()));
    assertThat(send(jedis, "JRMTEST.INFO.GET", "d", "stats", "expired_stale_perc"))
        .isEqualTo("0.0");
    send(jedis, "JRMTEST.INFO.SET", "fields");
    assertThat(send(jedis, "JRMTEST.INFO.GET", "u", "jrmtest_numbers", "jrmtest_unsigned"))
        .isEqualTo("18446744073709551614");
    assertThat(send(jedis, "JRMTEST.INFO.GET", "i", "jrmtest_numbers", "jrmtest_signed"))
        .isEqualTo("-2");
  }

  @Test
  void anAbsentOrNonNumericFieldIsEmpty(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.INFO.GET", "c", "replication", "no_such_field")).isNull();
    assertThat(send(jedis, "JRMTEST.INFO.GET", "s", "badsection", "redis_version")).isNull();
    assertThat(send(jedis, "JRMTEST.INFO.GET", "i", "replication", "role")).isNull();
    assertThat(send(jedis, "JRMTEST.INFO.GET", "d", "server", "redis_version")).isNull();
  }
}
