package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/** The helloworld list commands on the low-level key API, as a client sees them. */
@RedisServerTest(modules = @LoadModule(path = "target/helloworld.so"))
class HelloListsIT {
  private static final String WRONGTYPE =
      "WRONGTYPE Operation against a key holding the wrong kind of value";

  @BeforeEach
  void emptyServer(Jedis jedis) {
    jedis.flushAll();
  }

  @Test
  void pushNativeAppendsAndRepliesWithTheLength(Jedis jedis) {
    assertThat(send(jedis, "HELLO.PUSH.NATIVE", "list", "a")).isEqualTo(1L);
    assertThat(send(jedis, "HELLO.PUSH.NATIVE", "list", "b")).isEqualTo(2L);
    assertThat(jedis.lrange("list", 0, -1)).containsExactly("a", "b");
  }

  @Test
  void pushNativeOnAnotherTypeRepliesItsLengthLikeC(Jedis jedis) {
    // C ignores that the push failed and replies the length of what the key holds.
    jedis.set("text", "hello");
    assertThat(send(jedis, "HELLO.PUSH.NATIVE", "text", "a")).isEqualTo(5L);
    jedis.hset("hash", java.util.Map.of("a", "1", "b", "2"));
    assertThat(send(jedis, "HELLO.PUSH.NATIVE", "hash", "a")).isEqualTo(2L);
    assertThat(jedis.get("text")).isEqualTo("hello");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HELLO.LIST.SPLICE", "HELLO.LIST.SPLICE.AUTO"})
  void spliceMovesFromTheTailOfOneToTheHeadOfTheOther(String command, Jedis jedis) {
    jedis.rpush("src", "a", "b", "c", "d");
    jedis.rpush("dst", "x");
    assertThat(send(jedis, command, "src", "dst", "2")).isEqualTo(2L);
    assertThat(jedis.lrange("src", 0, -1)).containsExactly("a", "b");
    assertThat(jedis.lrange("dst", 0, -1)).containsExactly("c", "d", "x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HELLO.LIST.SPLICE", "HELLO.LIST.SPLICE.AUTO"})
  void spliceMovesWhatThereIsAndDeletesTheEmptiedList(String command, Jedis jedis) {
    jedis.rpush("src", "a", "b");
    assertThat(send(jedis, command, "src", "dst", "10")).isEqualTo(0L);
    assertThat(jedis.exists("src")).isFalse();
    assertThat(jedis.lrange("dst", 0, -1)).containsExactly("a", "b");
    assertThat(send(jedis, command, "missing", "other", "3")).isEqualTo(0L);
    assertThat(jedis.exists("missing", "other")).isZero();
    assertThat(send(jedis, command, "dst", "dst2", "0")).isEqualTo(2L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HELLO.LIST.SPLICE", "HELLO.LIST.SPLICE.AUTO"})
  void spliceOfAListOntoItselfRotatesIt(String command, Jedis jedis) {
    // C uses freed memory (and crashes) for a one-element list: a deliberate difference.
    jedis.rpush("one", "a");
    assertThat(send(jedis, command, "one", "one", "1")).isEqualTo(1L);
    assertThat(jedis.lrange("one", 0, -1)).containsExactly("a");
    jedis.rpush("list", "1", "2", "3");
    assertThat(send(jedis, command, "list", "list", "2")).isEqualTo(3L);
    assertThat(jedis.lrange("list", 0, -1)).containsExactly("2", "3", "1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HELLO.LIST.SPLICE", "HELLO.LIST.SPLICE.AUTO"})
  void spliceRefusesOtherTypesThenBadCounts(String command, Jedis jedis) {
    jedis.set("text", "t");
    jedis.rpush("list", "a");
    assertThatThrownBy(() -> send(jedis, command, "text", "list", "1")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, command, "list", "text", "1")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, command, "text", "list", "bad")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, command, "list", "dst", "-1"))
        .hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, command, "list", "dst", "x"))
        .hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, command, "list", "dst"))
        .hasMessage("ERR wrong number of arguments for '" + command.toLowerCase() + "' command");
    assertThat(jedis.lrange("list", 0, -1)).containsExactly("a");
    assertThat(jedis.get("text")).isEqualTo("t");
  }

  @Test
  void repl2IncrementsEveryElementAndRepliesWithTheSum(Jedis jedis) {
    jedis.rpush("list", "1", "2", "3", "abc", "-1");
    assertThat(send(jedis, "HELLO.REPL2", "list")).isEqualTo(2L + 3 + 4 + 1 + 0);
    assertThat(jedis.lrange("list", 0, -1)).containsExactly("2", "3", "4", "1", "0");
  }

  @Test
  void repl2WantsAList(Jedis jedis) {
    jedis.set("text", "1");
    assertThatThrownBy(() -> send(jedis, "HELLO.REPL2", "text")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.REPL2", "missing")).hasMessage(WRONGTYPE);
    assertThatThrownBy(() -> send(jedis, "HELLO.REPL2"))
        .hasMessage("ERR wrong number of arguments for 'hello.repl2' command");
  }
}
