package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Typed handler parameters ({@link TypedArgumentCommands}): what each type receives, and the errors
 * a client sees for a wrong count, a bad number, a bad boolean or an unknown keyword.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class TypedArgumentsIT {
  private static final String NOT_INTEGER = "ERR value is not an integer or out of range";
  private static final String NOT_FLOAT = "ERR value is not a valid float";

  @Test
  void everyScalarTypeReceivesTheParsedArgument(Jedis jedis) {
    assertThat(scalars(jedis, "-9223372036854775808", "2147483647", "1.5", "1", "add"))
        .isEqualTo(
            List.of(
                "raw",
                "héllo",
                "bytes",
                "-9223372036854775808",
                "2147483647",
                "1.5",
                "true",
                "ADD"));
    assertThat(scalars(jedis, "0", "-2147483648", "-3", "0", "ReMoVe").subList(3, 8))
        .containsExactly("0", "-2147483648", "-3.0", "false", "REMOVE");
  }

  @Test
  void booleansAcceptOneZeroTrueFalseYesNoInAnyCase(Jedis jedis) {
    for (String yes : List.of("1", "true", "TRUE", "yes", "Yes")) {
      assertThat(scalars(jedis, "1", "1", "1", yes, "add").get(6)).isEqualTo("true");
    }
    for (String no : List.of("0", "false", "False", "no", "NO")) {
      assertThat(scalars(jedis, "1", "1", "1", no, "add").get(6)).isEqualTo("false");
    }
    assertError(
        () -> scalars(jedis, "1", "1", "1", "2", "add"),
        "ERR value is not a valid boolean (1/0, true/false, yes/no)");
  }

  @Test
  void badNumbersReplyAsRedisDoes(Jedis jedis) {
    assertError(() -> scalars(jedis, "x", "1", "1", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, " 1", "1", "1", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, "9223372036854775808", "1", "1", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, "1", "2147483648", "1", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, "1", "-2147483649", "1", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, "1", "1.0", "1", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, "1", "1", "abc", "1", "add"), NOT_FLOAT);
    assertError(() -> scalars(jedis, "1", "1", "nan", "1", "add"), NOT_FLOAT);
    // The same texts Redis's own commands give:
    assertError(() -> jedis.sendCommand(() -> "INCRBY".getBytes(), "k", "x"), NOT_INTEGER);
    assertError(() -> jedis.sendCommand(() -> "INCRBYFLOAT".getBytes(), "k", "x"), NOT_FLOAT);
  }

  @Test
  void anUnknownKeywordIsASyntaxErrorListingTheChoices(Jedis jedis) {
    assertError(
        () -> scalars(jedis, "1", "1", "1", "1", "added"),
        "ERR syntax error, expected one of: ADD, REMOVE");
  }

  @Test
  void theFirstBadArgumentIsTheOneReported(Jedis jedis) {
    assertError(() -> scalars(jedis, "1", "x", "y", "1", "add"), NOT_INTEGER);
    assertError(() -> scalars(jedis, "1", "1", "y", "1", "nope"), NOT_FLOAT);
  }

  @Test
  void aWrongCountRepliesWrongArity(Jedis jedis) {
    String scalars = "ERR wrong number of arguments for 'jrmtest.typed.scalars' command";
    assertError(() -> send(jedis, "JRMTEST.TYPED.SCALARS", "a", "b"), scalars);
    assertError(
        () -> send(jedis, "JRMTEST.TYPED.SCALARS", "a", "b", "c", "1", "1", "1", "1", "add", "x"),
        scalars);
    assertError(
        () -> send(jedis, "JRMTEST.TYPED.OPTIONAL", "1", "add", "extra"),
        "ERR wrong number of arguments for 'jrmtest.typed.optional' command");
    assertError(
        () -> send(jedis, "JRMTEST.TYPED.REST"),
        "ERR wrong number of arguments for 'jrmtest.typed.rest' command");
    assertError(
        () -> send(jedis, "JRMTEST.TYPED.PAIRS", "k1", "v1", "k2"),
        "ERR wrong number of arguments for 'jrmtest.typed.pairs' command");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void optionalArgumentsMayBeAbsentOrPresent(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.TYPED.OPTIONAL")).isEqualTo(List.of("absent", "null"));
    assertThat(send(jedis, "JRMTEST.TYPED.OPTIONAL", "7")).isEqualTo(List.of("7", "null"));
    assertThat(send(jedis, "JRMTEST.TYPED.OPTIONAL", "-1", "remove"))
        .isEqualTo(List.of("-1", "REMOVE"));
    assertError(() -> send(jedis, "JRMTEST.TYPED.OPTIONAL", "seven"), NOT_INTEGER);
  }

  @Test
  void theRestMayBeEmptyOrNot(Jedis jedis) {
    for (String command : List.of("JRMTEST.TYPED.REST", "JRMTEST.TYPED.RESTLIST")) {
      assertThat(send(jedis, command, "first")).isEqualTo(List.of("first", 0L));
      assertThat(send(jedis, command, "first", "a", "b")).isEqualTo(List.of("first", 2L, "a", "b"));
    }
  }

  @Test
  void aHandlerWithTypedParametersMayReturnItsReply(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.TYPED.SCALE", "2", "1.5", "-3")).isEqualTo(List.of("3", "-6"));
    assertThat(send(jedis, "JRMTEST.TYPED.SCALE", "2")).isEqualTo(List.of());
    assertError(() -> send(jedis, "JRMTEST.TYPED.SCALE", "two"), "ERR value is not a valid float");
    assertError(
        () -> send(jedis, "JRMTEST.TYPED.SCALE"),
        "ERR wrong number of arguments for 'jrmtest.typed.scale' command");
  }

  @Test
  void byteArraysAreBinarySafe(Jedis jedis) {
    byte[] binary = {0, 'a', 0, (byte) 0xff, (byte) 0xc3, (byte) 0x28, 0};
    assertThat(jedis.sendCommand(() -> "JRMTEST.TYPED.BYTES".getBytes(), binary)).isEqualTo(binary);
  }

  @Test
  void keyPositionsComeFromTheKeyParameters(Jedis jedis) {
    assertThat(getKeys(jedis, "JRMTEST.TYPED.PAIRS", "k1", "v1", "k2", "v2"))
        .containsExactly("k1", "k2");
    assertThat(getKeys(jedis, "JRMTEST.TYPED.KEYS", "3", "a", "b", "c"))
        .containsExactly("a", "b", "c");
    assertThat(getKeys(jedis, "JRMTEST.TYPED.KEYS", "1", "a")).containsExactly("a");
    assertThat(send(jedis, "JRMTEST.TYPED.KEYS", "3", "a", "b", "c")).isEqualTo(3L);
    assertThatThrownBy(
            () -> getKeys(jedis, "JRMTEST.TYPED.SCALARS", "a", "b", "c", "1", "1", "1", "1", "add"))
        .hasMessageContaining("The command has no key arguments");
  }

  @Test
  void aKeyPositionRequestConvertsNoArgument(Jedis jedis) {
    assertThat(getKeys(jedis, "JRMTEST.TYPED.GETKEYS", "k", "not-a-number", "no-mode"))
        .containsExactly("k");
    assertThat(getKeys(jedis, "JRMTEST.TYPED.GETKEYS", "k", "7", "add")).containsExactly("k");
    assertThat(send(jedis, "JRMTEST.TYPED.GETKEYS", "k", "7", "add")).isEqualTo(7L);
    assertThatThrownBy(() -> send(jedis, "JRMTEST.TYPED.GETKEYS", "k", "not-a-number", "add"))
        .hasMessage("ERR value is not an integer or out of range");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  private static List<Object> getKeys(Jedis jedis, String... command) {
    String[] args = new String[command.length + 1];
    args[0] = "GETKEYS";
    System.arraycopy(command, 0, args, 1, command.length);
    @SuppressWarnings("unchecked")
    List<Object> keys = (List<Object>) send(jedis, "COMMAND", args);
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> scalars(
      Jedis jedis, String l, String i, String d, String b, String mode) {
    return (List<Object>)
        send(jedis, "JRMTEST.TYPED.SCALARS", "raw", "héllo", "bytes", l, i, d, b, mode);
  }

  private static void assertError(Runnable command, String error) {
    assertThatThrownBy(command::run).isInstanceOf(JedisDataException.class).hasMessage(error);
  }
}
