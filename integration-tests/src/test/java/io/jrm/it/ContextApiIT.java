package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The Context API of this scope: replies, strings, calls, log and clock. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class ContextApiIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void everyReplyKindReachesTheClient(Jedis jedis) {
    List<?> reply = (List<?>) send(jedis, "JRMTEST.REPLIES");
    assertThat(reply).hasSize(8);
    assertThat(reply.subList(0, 6))
        .isEqualTo(Arrays.asList("OK", Long.MIN_VALUE, "3.5", null, "a\0b", "héllo"));
    assertThat(reply.get(6)).isEqualTo(List.of("bytes", "-42", "bytes", "id-00042"));
    assertThat(reply.get(7)).asString().contains("ERR as an element");
  }

  @Test
  void parsersReadStrictNumbers(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.PARSE", "integer", "-9223372036854775808"))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(send(jedis, "JRMTEST.PARSE", "double", "1.5e3")).isEqualTo("1500");
  }

  @Test
  void callRepliesDescribeIntegers(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.CALL", "INCRBY", "n", "5"))
        .isEqualTo(List.of("INTEGER", 0L, 5L, ":5\r\n"));
  }

  @Test
  void callRepliesDescribeStringsAndNulls(Jedis jedis) {
    jedis.set("k", "value");
    assertThat(send(jedis, "JRMTEST.CALL", "GET", "k"))
        .isEqualTo(List.of("STRING", 5L, "value", "$5\r\nvalue\r\n"));
    assertThat(send(jedis, "JRMTEST.CALL", "GET", "nokey"))
        .isEqualTo(Arrays.asList("NULL", 0L, null, "$-1\r\n"));
  }

  @Test
  void callRepliesDescribeArrays(Jedis jedis) {
    jedis.rpush("list", "x", "y");
    assertThat(send(jedis, "JRMTEST.CALL", "LRANGE", "list", "0", "-1"))
        .isEqualTo(List.of("ARRAY", 2L, "x", "*2\r\n$1\r\nx\r\n$1\r\ny\r\n"));
  }

  @Test
  void callErrorsComeBackAsErrorReplies(Jedis jedis) {
    List<?> unknown = (List<?>) send(jedis, "JRMTEST.CALL", "NOSUCHCOMMAND");
    assertThat(unknown.get(0)).isEqualTo("ERROR");
    assertThat(unknown.get(2)).asString().contains("nknown");
    jedis.set("text", "x");
    List<?> wrongType = (List<?>) send(jedis, "JRMTEST.CALL", "LPUSH", "text", "a");
    assertThat(wrongType.get(0)).isEqualTo("ERROR");
    assertThat(wrongType.get(2)).asString().startsWith("WRONGTYPE");
  }

  @Test
  void callTakesEveryKindOfJavaArgument(Jedis jedis) {
    List<?> reply = (List<?>) send(jedis, "JRMTEST.CALLTYPES", "list");
    assertThat(reply.get(0)).isEqualTo(5L);
    assertThat(reply.get(1)).isEqualTo(List.of("text", "raw", "7", "8", "2.5"));
    assertThat(reply.get(2)).isEqualTo("text");
  }

  @Test
  void logLinesReachTheRedisLogAtTheirLevel(Jedis jedis, RedisServer server) {
    assertThat(send(jedis, "JRMTEST.LOG", "marker-1")).isEqualTo("OK");
    String log = server.logTail(50);
    assertThat(log)
        .contains("<jrmtest> jrmtest WARNING marker-1", "<jrmtest> jrmtest NOTICE marker-1");
    assertThat(log).doesNotContain("jrmtest DEBUG marker-1"); // below the default loglevel
  }

  @Test
  void millisecondsIsRedisClock(Jedis jedis) {
    long before = System.currentTimeMillis();
    long redis = (Long) send(jedis, "JRMTEST.TIME");
    assertThat(redis).isBetween(before - 1000, System.currentTimeMillis() + 1000);
  }
}
