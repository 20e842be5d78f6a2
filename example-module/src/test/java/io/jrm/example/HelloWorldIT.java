package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The helloworld commands as a client sees them, in a real redis-server. */
@RedisServerTest(modules = @LoadModule(path = "target/helloworld.so", args = {"first", "second"}))
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
  void randArrayRepliesWithCountNonNegativeIntegers(Jedis jedis) {
    List<?> numbers = (List<?>) send(jedis, "HELLO.RAND.ARRAY", "5");
    assertThat(numbers).hasSize(5).allSatisfy(n -> assertThat((Long) n).isBetween(0L, (long) Integer.MAX_VALUE));
    assertThat((List<?>) send(jedis, "HELLO.RAND.ARRAY", "0")).isEmpty();
  }

  @Test
  void randArrayRefusesABadCount(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.RAND.ARRAY", "-1")).hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, "HELLO.RAND.ARRAY", "many")).hasMessage("ERR invalid count");
  }

  @Test
  void leftPadPadsWithTheGivenCharacter(Jedis jedis) {
    assertThat(send(jedis, "HELLO.LEFTPAD", "42", "8", "0")).isEqualTo("00000042");
    assertThat(send(jedis, "HELLO.LEFTPAD", "already long", "3", "x")).isEqualTo("already long");
  }

  @Test
  void leftPadRefusesBadArguments(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "-1", "x"))
        .hasMessage("ERR invalid padding length");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "ten", "x"))
        .hasMessage("ERR invalid padding length");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a", "5", "xy"))
        .hasMessage("ERR padding must be a single char");
  }

  @Test
  void wrongArityIsTheStandardError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.PUSH.CALL", "onlyakey"))
        .hasMessage("ERR wrong number of arguments for 'hello.push.call' command");
    assertThatThrownBy(() -> send(jedis, "HELLO.LEFTPAD", "a"))
        .hasMessage("ERR wrong number of arguments for 'hello.leftpad' command");
  }

  @Test
  void commandsReportTheirKeys(Jedis jedis) {
    assertThat(send(jedis, "COMMAND", "GETKEYS", "HELLO.PUSH.CALL", "mykey", "v")).isEqualTo(List.of("mykey"));
  }
}
