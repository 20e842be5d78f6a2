package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * Context.call where C modules crash Redis or fail: any argument count, flags that are argument
 * letters of the C format, random flags and arguments.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class CallSafetyIT {
  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"string", "long", "bytes", "redisstring", "vector"})
  void anyArgumentCountReachesTheCommand(String kind, Jedis jedis) {
    for (int n : new int[] {1000, 100_000}) {
      jedis.del("list");
      assertThat(send(jedis, "JRMTEST.CALL.MANY", kind, "list", Integer.toString(n)))
          .isEqualTo((long) n);
      assertThat(jedis.llen("list")).isEqualTo(n);
      assertThat(jedis.lindex("list", 0)).isEqualTo("0");
      assertThat(jedis.lindex("list", 257)).isEqualTo("257");
      assertThat(jedis.lindex("list", -1)).isEqualTo(Integer.toString(n - 1));
    }
  }

  @Test
  void manyArgumentsOfTheClientPassThrough(Jedis jedis) {
    List<String> command = new ArrayList<>(List.of("MSET"));
    for (int i = 0; i < 1000; i++) {
      command.add("key" + i);
      command.add("value" + i);
    }
    assertThat(send(jedis, "JRMTEST.CALL", command.toArray(String[]::new)))
        .isEqualTo(List.of("STRING", 2L, "OK", "+OK\r\n"));
    assertThat(jedis.get("key0")).isEqualTo("value0");
    assertThat(jedis.get("key999")).isEqualTo("value999");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c", "s", "b", "l", "v", "x", "!c", "E%"})
  void aFlagThatIsNoFlagIsRefusedBeforeRedisReadsIt(String flags, Jedis jedis) {
    char bad = flags.charAt(flags.length() - 1);
    assertThatThrownBy(() -> send(jedis, "JRMTEST.API.CALL.FLAGS", flags, "ECHO", "hello"))
        .hasMessage(
            "ERR java.lang.IllegalArgumentException: unknown flag '"
                + bad
                + "': the flags here are ! A R 3 0 C S W M E");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aBlockingCommandCalledByAnotherCommandFailsInsteadOfBlocking(
      Jedis jedis, RedisServer server) {
    // Redis 7.0 would block the client RedisModule_Call made, then assert (module.c:6054).
    assertThat(send(jedis, "JRMTEST.CALL", "JRMTEST.BLOCK.TIMEOUT", "100"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .startsWith("ERROR")
        .contains(
            "ERR this command blocks its client, which cannot block here (MULTI, Lua or a call)");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(server.isRunning()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "eval; 'EVAL', 'return 1', '0'",
        "fcall; 'FCALL', 'f', '0'",
        "script|flush; 'SCRIPT', 'FLUSH'",
        "client|kill; 'CLIENT', 'KILL', 'TYPE', 'normal'",
        "multi; 'MULTI'"
      })
  void insideAScriptACallMayOnlyRunWhatTheScriptMay(
      String refused, String call, Jedis jedis, RedisServer server) {
    jedis.functionLoadReplace(
        "#!lua name=lib\nredis.register_function('f', function() return 1 end)");
    // Redis 7.0 asserts (script.c:132) or crashes on each of these from a command a script called.
    Object reply = jedis.eval("return redis.call('JRMTEST.CALL', " + call + ")");
    assertThat(reply)
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .startsWith("ERROR")
        .contains("ERR command '" + refused + "' is not allowed on script mode");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  void aFunctionCallingACommandThatCallsFcallIsRefusedToo(Jedis jedis) {
    jedis.functionLoadReplace(
        "#!lua name=lib\n"
            + "redis.register_function('outer', function() return redis.call('JRMTEST.CALL', 'FCALL', 'inner', '0') end)\n"
            + "redis.register_function('inner', function() return 1 end)");
    assertThat(jedis.fcall("outer", List.of(), List.of()))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains("ERR command 'fcall' is not allowed on script mode");
    // Outside a script the same call runs: S is added only where the danger is.
    assertThat(send(jedis, "JRMTEST.CALL", "FCALL", "inner", "0"))
        .isEqualTo(List.of("INTEGER", 0L, 1L, ":1\r\n"));
  }

  @Test
  void randomFlagsAndArgumentsGiveARefusalOrTheRightCall(Jedis jedis, RedisServer server) {
    long calls = 2_000;
    for (int seed = 1; seed <= 5; seed++) {
      @SuppressWarnings("unchecked")
      List<Long> counts =
          (List<Long>)
              send(jedis, "JRMTEST.CALL.FUZZ", Integer.toString(seed), Long.toString(calls));
      long replies = counts.get(0);
      long errorReplies = counts.get(1);
      long refused = counts.get(2);
      long failed = counts.get(3);
      assertThat(replies + refused).isEqualTo(calls);
      assertThat(failed).isZero();
      assertThat(refused).isPositive();
      assertThat(replies).isGreaterThan(errorReplies);
      assertThat(errorReplies).isPositive();
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
    assertThat(server.isRunning()).isTrue();
  }
}
