package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/** RedisString: creation, binary safety, parsing, comparison, appending, retaining, freeing. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class StringsIT {
  private static final String NOT_INTEGER = "ERR value is not an integer or out of range";
  private static final String NOT_FLOAT = "ERR value is not a valid float";

  @Test
  void everyCreateStringVariantMakesTheExpectedString(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.STR.CREATE", "bytes", "héllo")).isEqualTo("héllo");
    assertThat(send(jedis, "JRMTEST.API.STR.CREATE", "text", "héllo")).isEqualTo("héllo");
    assertThat(send(jedis, "JRMTEST.API.STR.CREATE", "long", "-9223372036854775808"))
        .isEqualTo("-9223372036854775808");
    assertThat(send(jedis, "JRMTEST.API.STR.CREATE", "copy", "copied")).isEqualTo("copied");
    assertThat(send(jedis, "JRMTEST.API.STR.CREATE", "format", "id")).isEqualTo("id|7");
    assertThat(send(jedis, "JRMTEST.API.STR.CREATE", "bytes", "")).isEqualTo("");
  }

  @Test
  void stringsAreBinarySafe(Jedis jedis) {
    byte[] binary = {0, 'a', 0, (byte) 0xff, (byte) 0xc3, (byte) 0x28, (byte) 0x80, 0};
    assertThat(
            sendBytes(
                jedis, "JRMTEST.API.STR.CREATE", "bytes".getBytes(StandardCharsets.UTF_8), binary))
        .isEqualTo(binary);
    assertThat(
            sendBytes(
                jedis, "JRMTEST.API.STR.CREATE", "copy".getBytes(StandardCharsets.UTF_8), binary))
        .isEqualTo(binary);
    byte[] big = new byte[1 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    assertThat(
            sendBytes(
                jedis, "JRMTEST.API.STR.CREATE", "bytes".getBytes(StandardCharsets.UTF_8), big))
        .isEqualTo(big);
  }

  @Test
  void integerParsingIsStrict(Jedis jedis) {
    assertThat(parse(jedis, "42")).containsExactly(42L, "42");
    assertThat(parse(jedis, "-9223372036854775808").get(0)).isEqualTo(Long.MIN_VALUE);
    assertThat(parse(jedis, "9223372036854775807").get(0)).isEqualTo(Long.MAX_VALUE);
    for (String refused :
        List.of(
            "9223372036854775808",
            "-9223372036854775809",
            " 1",
            "1 ",
            "",
            "+1",
            "01",
            "1.0",
            "0x10",
            "inf",
            "1e3")) {
      assertThat(parse(jedis, refused).get(0))
          .as("'%s' as integer", refused)
          .isEqualTo(NOT_INTEGER);
    }
  }

  @Test
  void doubleParsingIsStrict(Jedis jedis) {
    assertThat(parse(jedis, "1.5").get(1)).isEqualTo("1.5");
    assertThat(parse(jedis, "1e3").get(1)).isEqualTo("1000");
    assertThat(parse(jedis, "-0.25").get(1)).isEqualTo("-0.25");
    assertThat(parse(jedis, "inf").get(1)).isEqualTo("inf");
    assertThat(parse(jedis, "-inf").get(1)).isEqualTo("-inf");
    for (String refused : List.of("1e400", "nan", " 1", "1 ", "", "1.5x", "abc")) {
      assertThat(parse(jedis, refused).get(1)).as("'%s' as double", refused).isEqualTo(NOT_FLOAT);
    }
  }

  @Test
  void stringsCompareByTheirBytes(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.STR.COMPARE", "abc", "abd")).isEqualTo(List.of(-1L, -1L));
    assertThat(send(jedis, "JRMTEST.API.STR.COMPARE", "abd", "abc")).isEqualTo(List.of(1L, 1L));
    assertThat(send(jedis, "JRMTEST.API.STR.COMPARE", "same", "same")).isEqualTo(List.of(0L, 0L));
    // A prefix comes first, and numbers compare as text, not as values.
    assertThat(send(jedis, "JRMTEST.API.STR.COMPARE", "ab", "abc")).isEqualTo(List.of(-1L, -1L));
    assertThat(send(jedis, "JRMTEST.API.STR.COMPARE", "10", "9")).isEqualTo(List.of(-1L, -1L));
    assertThat(send(jedis, "JRMTEST.API.STR.COMPARE", "", "a")).isEqualTo(List.of(-1L, -1L));
    // Bytes are unsigned: 0xff sorts after 'a'.
    byte[] high = {(byte) 0xff};
    assertThat(
            jedis.sendCommand(
                command("JRMTEST.API.STR.COMPARE"), high, "a".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(List.of(1L, 1L));
  }

  @Test
  void appendGrowsACreatedString(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.STR.APPEND", "base")).isEqualTo("base");
    assertThat(send(jedis, "JRMTEST.API.STR.APPEND", "base", "-bytes", "-tëxt", ""))
        .isEqualTo("base-bytes-tëxt");
    assertThat(send(jedis, "JRMTEST.API.STR.APPEND", "12", "34")).isEqualTo("1234");
    String longPiece = "x".repeat(100_000);
    assertThat(send(jedis, "JRMTEST.API.STR.APPEND", "", longPiece, longPiece))
        .isEqualTo(longPiece + longPiece);
  }

  @Test
  void appendRefusesStringsTheModuleDidNotCreateOrShares(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.STR.APPENDARGV", "arg"))
        .hasMessage("ERR only a string the module created can be appended to");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.STR.APPENDSHARED", "sharedkey"))
        .hasMessage("ERR cannot append to a string that is referenced more than once");
    assertThat(jedis.get("sharedkey")).isEqualTo("shared");
  }

  @Test
  void retainedStringsOutliveAutoMemoryUntilClosed(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.STR.RETAIN", "kept")).isEqualTo("OK");
    // Commands in between reuse the memory auto memory freed; the retained strings must not care.
    send(jedis, "JRMTEST.API.AUTO.STRINGS", "1000", "auto");
    assertThat(send(jedis, "JRMTEST.API.STR.RETAINED")).isEqualTo(List.of("created:kept", "kept"));
    assertThat(send(jedis, "JRMTEST.API.STR.RETAINED", "+more"))
        .isEqualTo(List.of("created:kept+more", "kept"));
    assertThat(send(jedis, "JRMTEST.API.STR.RELEASE")).isEqualTo("OK");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.STR.RETAINED"))
        .hasMessage("ERR java.lang.IllegalStateException: this RedisString was freed");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void retainAndCloseLeaveNothingBehind(Jedis jedis) {
    send(jedis, "JRMTEST.API.STR.RETAINCYCLE", "1000");
    long before = Info.usedMemory(jedis);
    assertThat(send(jedis, "JRMTEST.API.STR.RETAINCYCLE", "100000")).isEqualTo(100000L);
    // A leaked reference per cycle would be megabytes.
    assertThat(Info.usedMemory(jedis) - before).isLessThan(512 * 1024);
  }

  @Test
  void aStringThatWasNotRetainedDiesWithItsCommand(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.API.STR.ESCAPE")).isEqualTo("KEPT");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.STR.ESCAPE"))
        .hasMessage(
            "ERR java.lang.IllegalStateException: this Context belongs to a call that has returned");
  }

  @Test
  void stringsFreedEarlyUnderAutoMemoryAreNotFreedAgain(Jedis jedis) {
    for (int i = 0; i < 3; i++) {
      assertThat(send(jedis, "JRMTEST.API.STR.FREEEARLY", "10000"))
          .isEqualTo("this RedisString was freed");
    }
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  /** [integer or error line, double or error line]. */
  private static List<Object> parse(Jedis jedis, String value) {
    List<?> reply = (List<?>) send(jedis, "JRMTEST.API.STR.PARSE", value);
    return reply.stream()
        .map(e -> e instanceof Exception error ? (Object) error.getMessage() : e)
        .toList();
  }

  private static byte[] sendBytes(Jedis jedis, String name, byte[]... args) {
    return (byte[]) jedis.sendCommand(command(name), args);
  }

  private static ProtocolCommand command(String name) {
    return () -> name.getBytes(StandardCharsets.UTF_8);
  }
}
