package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The helloworld commands as a client sees them, in a real redis-server. */
@RedisServerTest(
    modules =
        @LoadModule(
            path = "target/helloworld.so",
            args = {"first", "second"}))
class HelloWorldIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void moduleIsListedWithItsNameAndVersion(Jedis jedis) {
    assertThat(send(jedis, "MODULE", "LIST").toString()).contains("name, helloworld, ver, 1");
  }

  @Test
  void onLoadLogsTheModuleArguments(RedisServer server) throws Exception {
    assertThat(Files.readString(server.logFile()))
        .contains("Module loaded with ARGV[0] = first")
        .contains("Module loaded with ARGV[1] = second");
  }

  @Test
  void simpleRepliesWithTheSelectedDatabase(Jedis jedis) {
    assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(0L);
    jedis.select(5);
    assertThat(send(jedis, "HELLO.SIMPLE")).isEqualTo(5L);
  }

  @Test
  void pushCallAppendsAndRepliesWithTheLength(Jedis jedis) {
    assertThat(send(jedis, "HELLO.PUSH.CALL", "list", "a")).isEqualTo(1L);
    assertThat(send(jedis, "HELLO.PUSH.CALL", "list", "b")).isEqualTo(2L);
    assertThat(jedis.lrange("list", 0, -1)).containsExactly("a", "b");
  }

  @Test
  void pushCallOnAnotherTypeRepliesLikeC(Jedis jedis) {
    // C reads RPUSH's error reply as an integer: LLONG_MIN.
    jedis.set("text", "x");
    assertThat(send(jedis, "HELLO.PUSH.CALL", "text", "a")).isEqualTo(Long.MIN_VALUE);
    assertThat(jedis.get("text")).isEqualTo("x");
  }

  @Test
  void pushCall2ForwardsTheReplyOfRpush(Jedis jedis) {
    assertThat(send(jedis, "HELLO.PUSH.CALL2", "list", "a")).isEqualTo(1L);
    jedis.set("text", "x");
    assertThatThrownBy(() -> send(jedis, "HELLO.PUSH.CALL2", "text", "a"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageStartingWith("WRONGTYPE");
  }

  @Test
  void listSumLenAddsUpTheLengthsOfTheElements(Jedis jedis) {
    jedis.rpush("list", "a", "bb", "cccc");
    assertThat(send(jedis, "HELLO.LIST.SUM.LEN", "list")).isEqualTo(7L);
    assertThat(send(jedis, "HELLO.LIST.SUM.LEN", "missing")).isEqualTo(0L);
  }

  @Test
  void listSumLenRepliesWithTheErrorOfLrangeOnAnotherType(Jedis jedis) {
    // C crashes the server here: a deliberate difference.
    jedis.set("text", "x");
    assertThatThrownBy(() -> send(jedis, "HELLO.LIST.SUM.LEN", "text"))
        .hasMessageStartingWith("WRONGTYPE");
  }

  @Test
  void randArrayRepliesWithCountNonNegativeIntegers(Jedis jedis) {
    List<?> numbers = (List<?>) send(jedis, "HELLO.RAND.ARRAY", "5");
    assertThat(numbers)
        .hasSize(5)
        .allSatisfy(n -> assertThat((Long) n).isBetween(0L, (long) Integer.MAX_VALUE));
    assertThat((List<?>) send(jedis, "HELLO.RAND.ARRAY", "0")).isEmpty();
  }

  @Test
  void randArrayRefusesABadCount(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.RAND.ARRAY", "-1")).hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, "HELLO.RAND.ARRAY", "many"))
        .hasMessage("ERR invalid count");
  }

  @Test
  void repl1IncrementsFooAndBarAndRepliesZero(Jedis jedis) {
    assertThat(send(jedis, "HELLO.REPL1")).isEqualTo(0L);
    assertThat(send(jedis, "HELLO.REPL1", "arguments", "are", "ignored")).isEqualTo(0L);
    assertThat(jedis.mget("foo", "bar")).containsExactly("2", "2");
  }

  @Test
  void repl1RepliesZeroEvenWhenAnIncrFails(Jedis jedis) {
    jedis.set("foo", "not a number");
    assertThat(send(jedis, "HELLO.REPL1")).isEqualTo(0L);
    assertThat(jedis.mget("foo", "bar")).containsExactly("not a number", "1");
  }

  @Test
  void leftPadPadsWithTheGivenCharacter(Jedis jedis) {
    assertThat(send(jedis, "HELLO.LEFTPAD", "42", "8", "0")).isEqualTo("00000042");
    assertThat(send(jedis, "HELLO.LEFTPAD", "already long", "3", "x")).isEqualTo("already long");
    assertThat(send(jedis, "HELLO.LEFTPAD", "", "3", "a")).isEqualTo("aaa");
    assertThat(send(jedis, "HELLO.LEFTPAD", "", "0", "a")).isEqualTo("");
  }

  @Test
  void leftPadRefusesBadArguments(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "-1", "x"))
        .hasMessage("ERR invalid padding length");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "ten", "x"))
        .hasMessage("ERR invalid padding length");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "5", "xy"))
        .hasMessage("ERR padding must be a single char");
    assertThat(send(jedis, "HELLO.LEFTPAD", "abc", "2", ""))
        .isEqualTo("abc"); // no padding, no check
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "3000000000", "x"))
        .hasMessage("ERR padding length too large");
  }

  @Test
  void wrongArityIsTheStandardError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.PUSH.CALL", "onlyakey"))
        .hasMessage("ERR wrong number of arguments for 'hello.push.call' command");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a"))
        .hasMessage("ERR wrong number of arguments for 'hello.leftpad' command");
    assertThatThrownBy(() -> send(jedis, "HELLO.RAND.ARRAY"))
        .hasMessage("ERR wrong number of arguments for 'hello.rand.array' command");
    assertThatThrownBy(() -> send(jedis, "HELLO.LIST.SUM.LEN", "a", "b"))
        .hasMessage("ERR wrong number of arguments for 'hello.list.sum.len' command");
  }

  @Test
  void simpleIgnoresArguments(Jedis jedis) {
    assertThat(send(jedis, "HELLO.SIMPLE", "any", "thing")).isEqualTo(0L);
  }

  @Test
  void commandsReportTheirKeys(Jedis jedis) {
    assertThat(send(jedis, "COMMAND", "GETKEYS", "HELLO.PUSH.CALL", "mykey", "v"))
        .isEqualTo(List.of("mykey"));
    assertThat(send(jedis, "COMMAND", "GETKEYS", "HELLO.LIST.SPLICE", "src", "dst", "1"))
        .isEqualTo(List.of("src", "dst"));
    assertThat(send(jedis, "COMMAND", "GETKEYS", "HELLO.LEFTPAD", "str", "5", "x"))
        .isEqualTo(List.of("str"));
  }

  @Test
  void everyCommandHasTheFlagsOfTheCModule(Jedis jedis) {
    // name, arity, flags, first key, last key, step. Flags and keys as helloworld.c registers
    // them; the C module says arity -1 and checks the count itself, where a typed handler's arity
    // is derived from its parameters (the count the C code checks) and shown by COMMAND INFO.
    Object[][] expected = {
      {"hello.simple", -1L, List.of("readonly", "module"), 0L, 0L, 0L},
      {"hello.push.native", 3L, List.of("write", "denyoom", "module"), 1L, 1L, 1L},
      {"hello.push.call", 3L, List.of("write", "denyoom", "module"), 1L, 1L, 1L},
      {"hello.push.call2", 3L, List.of("write", "denyoom", "module"), 1L, 1L, 1L},
      {"hello.list.sum.len", 2L, List.of("readonly", "module"), 1L, 1L, 1L},
      {"hello.list.splice", 4L, List.of("write", "denyoom", "module"), 1L, 2L, 1L},
      {"hello.list.splice.auto", 4L, List.of("write", "denyoom", "module"), 1L, 2L, 1L},
      {"hello.rand.array", 2L, List.of("readonly", "module"), 0L, 0L, 0L},
      {"hello.repl1", -1L, List.of("write", "module"), 0L, 0L, 0L},
      {"hello.repl2", 2L, List.of("write", "module"), 1L, 1L, 1L},
      {"hello.toggle.case", 2L, List.of("write", "module"), 1L, 1L, 1L},
      {"hello.more.expire", 3L, List.of("write", "module"), 1L, 1L, 1L},
      {"hello.zsumrange", 4L, List.of("readonly", "module"), 1L, 1L, 1L},
      {"hello.lexrange", 6L, List.of("readonly", "module"), 1L, 1L, 1L},
      {"hello.hcopy", 4L, List.of("write", "denyoom", "module"), 1L, 1L, 1L},
      {"hello.leftpad", 4L, List.of("module"), 1L, 1L, 1L},
    };
    for (Object[] command : expected) {
      List<?> info =
          (List<?>) ((List<?>) send(jedis, "COMMAND", "INFO", (String) command[0])).get(0);
      assertThat(info.subList(0, 6)).as((String) command[0]).isEqualTo(List.of(command));
    }
  }
}
