package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The helloworld string, expiry, sorted-set and hash commands, as a client sees them. */
@RedisServerTest(modules = @LoadModule(path = "target/helloworld.so"))
class HelloKeysIT {
  private static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void toggleCaseSwapsTheCaseOfAsciiLetters(Jedis jedis) {
    jedis.set("s", "Hello World 123 é");
    assertThat(send(jedis, "HELLO.TOGGLE.CASE", "s")).isEqualTo("OK");
    assertThat(jedis.get("s")).isEqualTo("hELLO wORLD 123 é");
    assertThat(send(jedis, "HELLO.TOGGLE.CASE", "s")).isEqualTo("OK");
    assertThat(jedis.get("s")).isEqualTo("Hello World 123 é");
  }

  @Test
  void toggleCaseLeavesNumbersEmptyStringsAndMissingKeysAlone(Jedis jedis) {
    jedis.set("num", "12345");
    jedis.set("empty", "");
    assertThat(send(jedis, "HELLO.TOGGLE.CASE", "num")).isEqualTo("OK");
    assertThat(send(jedis, "HELLO.TOGGLE.CASE", "empty")).isEqualTo("OK");
    assertThat(send(jedis, "HELLO.TOGGLE.CASE", "missing")).isEqualTo("OK");
    assertThat(jedis.get("num")).isEqualTo("12345");
    assertThat(jedis.get("empty")).isEmpty();
    assertThat(jedis.exists("missing")).isFalse();
  }

  @Test
  void toggleCaseWantsAString(Jedis jedis) {
    jedis.rpush("list", "a");
    assertThatThrownBy(() -> send(jedis, "HELLO.TOGGLE.CASE", "list")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.TOGGLE.CASE"))
        .hasMessage("ERR wrong number of arguments for 'hello.toggle.case' command");
  }

  @Test
  void moreExpireExtendsAnExistingTimeToLive(Jedis jedis) {
    jedis.set("k", "v");
    jedis.pexpire("k", 100_000);
    assertThat(send(jedis, "HELLO.MORE.EXPIRE", "k", "50000")).isEqualTo("OK");
    assertThat(jedis.pttl("k")).isBetween(140_000L, 150_000L);
    assertThat(send(jedis, "HELLO.MORE.EXPIRE", "k", "-20000")).isEqualTo("OK");
    assertThat(jedis.pttl("k")).isBetween(120_000L, 130_000L);
  }

  @Test
  void moreExpireLeavesKeysWithoutExpiryAndNegativeResultsAlone(Jedis jedis) {
    jedis.set("forever", "v");
    jedis.set("k", "v");
    jedis.pexpire("k", 100_000);
    assertThat(send(jedis, "HELLO.MORE.EXPIRE", "forever", "50000")).isEqualTo("OK");
    assertThat(send(jedis, "HELLO.MORE.EXPIRE", "k", "-500000")).isEqualTo("OK");
    assertThat(send(jedis, "HELLO.MORE.EXPIRE", "missing", "1000")).isEqualTo("OK");
    assertThat(jedis.pttl("forever")).isEqualTo(-1L);
    assertThat(jedis.pttl("k")).isBetween(90_000L, 100_000L);
    assertThat(jedis.exists("missing")).isFalse();
  }

  @Test
  void moreExpireRefusesABadTime(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.MORE.EXPIRE", "k", "soon"))
        .hasMessage("ERR invalid expire time");
    assertThatThrownBy(() -> send(jedis, "HELLO.MORE.EXPIRE", "k", "1.5"))
        .hasMessage("ERR invalid expire time");
    assertThatThrownBy(() -> send(jedis, "HELLO.MORE.EXPIRE", "k"))
        .hasMessage("ERR wrong number of arguments for 'hello.more.expire' command");
  }

  @Test
  void zsumRangeSumsTheScoresBothWays(Jedis jedis) {
    jedis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.5));
    assertThat(send(jedis, "HELLO.ZSUMRANGE", "z", "1", "3")).isEqualTo(List.of("6", "6"));
    assertThat(send(jedis, "HELLO.ZSUMRANGE", "z", "-inf", "+inf"))
        .isEqualTo(List.of("10.5", "10.5"));
    assertThat(send(jedis, "HELLO.ZSUMRANGE", "z", "3", "1")).isEqualTo(List.of("0", "0"));
  }

  @Test
  void zsumRangeRefusesBadRangesAndOtherTypes(Jedis jedis) {
    jedis.set("text", "t");
    assertThatThrownBy(() -> send(jedis, "HELLO.ZSUMRANGE", "z", "a", "3"))
        .hasMessage("ERR invalid range");
    assertThatThrownBy(() -> send(jedis, "HELLO.ZSUMRANGE", "z", "(1", "3"))
        .hasMessage("ERR invalid range");
    assertThatThrownBy(() -> send(jedis, "HELLO.ZSUMRANGE", "text", "1", "2"))
        .hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.ZSUMRANGE", "missing", "1", "2"))
        .hasMessage(WRONGTYPE);
  }

  @Test
  void lexRangeRepliesWithTheElementsInTheRange(Jedis jedis) {
    jedis.zadd("people", Map.of("Anna:52", 0.0, "Bob:30", 0.0, "Carl:17", 0.0, "Dora:88", 0.0));
    assertThat(send(jedis, "HELLO.LEXRANGE", "people", "[A", "[C", "0", "100"))
        .isEqualTo(List.of("Anna:52", "Bob:30"));
    assertThat(send(jedis, "HELLO.LEXRANGE", "people", "(Anna:52", "+", "0", "100"))
        .isEqualTo(List.of("Bob:30", "Carl:17", "Dora:88"));
    assertThat(send(jedis, "HELLO.LEXRANGE", "people", "[Z", "[A", "0", "100"))
        .isEqualTo(List.of());
  }

  @Test
  void lexRangeRefusesBadRangesAndOtherTypes(Jedis jedis) {
    jedis.zadd("people", 0, "Anna:52");
    jedis.set("text", "t");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEXRANGE", "people", "A", "B", "0", "1"))
        .hasMessage("invalid range"); // no ERR code, as in C
    assertThatThrownBy(() -> send(jedis, "HELLO.LEXRANGE", "text", "-", "+", "0", "1"))
        .hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.LEXRANGE", "missing", "-", "+", "0", "1"))
        .hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.LEXRANGE", "people", "-", "+", "0"))
        .hasMessage("ERR wrong number of arguments for 'hello.lexrange' command");
  }

  @Test
  void hashCopySetsOneFieldToTheValueOfAnother(Jedis jedis) {
    jedis.hset("h", "a", "1");
    assertThat(send(jedis, "HELLO.HCOPY", "h", "a", "b")).isEqualTo(1L);
    assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("a", "1", "b", "1"));
    assertThat(send(jedis, "HELLO.HCOPY", "h", "nofield", "c")).isEqualTo(0L);
    assertThat(jedis.hexists("h", "c")).isFalse();
    assertThat(send(jedis, "HELLO.HCOPY", "missing", "a", "b")).isEqualTo(0L);
    assertThat(jedis.exists("missing")).isFalse();
  }

  @Test
  void hashCopyWantsAHash(Jedis jedis) {
    jedis.set("text", "t");
    assertThatThrownBy(() -> send(jedis, "HELLO.HCOPY", "text", "a", "b")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.HCOPY", "h", "a"))
        .hasMessage("ERR wrong number of arguments for 'hello.hcopy' command");
  }
}
