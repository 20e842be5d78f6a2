package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * What a client sees when Java code in a command fails: an error reply, and a server that goes on.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class JavaErrorsIT {
  @Test
  void anExceptionBecomesAOneLineErrorReply(Jedis jedis, RedisServer server) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.THROW"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR java.lang.IllegalStateException: boom second line");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
    assertThat(server.logTail(20))
        .contains(
            "JRM: command jrmtest.throw threw java.lang.IllegalStateException: boom second line"
                + " at jrm-jrmtest//io.jrm.it.TestModule.throwing"); // the frame names the module's
    // class loader
  }

  @Test
  void aRedisExceptionIsRepliedAsItsMessage(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.REDISERROR"))
        .hasMessage("CUSTOMCODE something went wrong");
  }

  @Test
  void anExceptionHalfWayThroughAnArrayStillEndsTheArray(Jedis jedis) {
    List<?> reply = (List<?>) send(jedis, "JRMTEST.THROW.MIDARRAY");
    assertThat(reply).hasSize(3);
    assertThat(reply.get(0)).isEqualTo(1L);
    assertThat(reply.get(1)).asString().contains("ERR java.lang.ArithmeticException: half way");
    assertThat(reply.get(2)).isNull();
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void anExceptionInsidePostponedArraysClosesThemAll(Jedis jedis) {
    List<?> reply = (List<?>) send(jedis, "JRMTEST.THROW.POSTPONED");
    assertThat(reply).hasSize(2);
    assertThat(reply.get(0)).isEqualTo(1L);
    List<?> inner = (List<?>) reply.get(1);
    assertThat(inner).hasSize(2);
    assertThat(inner.get(0)).isEqualTo(2L);
    assertThat(inner.get(1)).asString().contains("UnsupportedOperationException: deep inside");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aCommandThatDoesNotReplyGetsAnError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.NOREPLY"))
        .hasMessage("ERR the command returned without replying");
  }

  @Test
  void aSecondReplyIsDroppedAndTheNextCommandGetsItsOwn(RedisServer server) throws Exception {
    try (RawClient client = new RawClient(server)) {
      client.send("JRMTEST.REPLY.TWICE");
      client.send("PING");
      assertThat(client.readLine()).isEqualTo(":1");
      assertThat(client.readLine()).isEqualTo("+PONG");
      client.send("JRMTEST.REPLY.PASTARRAY");
      client.send("PING");
      assertThat(List.of(client.readLine(), client.readLine())).containsExactly("*1", ":1");
      assertThat(client.readLine()).isEqualTo("+PONG");
    }
    assertThat(server.logTail(20))
        .contains(
            "JRM: command jrmtest.reply.twice replied more than once; the extra reply was dropped")
        .contains("jrmtest refused: the command has already replied")
        .contains("JRM: command jrmtest.reply.pastarray replied more than once")
        .doesNotContain("jrmtest.reply.twice threw");
  }

  @Test
  void aStringKeptPastItsCommandIsRefusedNotDereferenced(Jedis jedis) {
    send(jedis, "JRMTEST.ESCAPE", "kept");
    // No argv[1] in this call (with one, the reused wrapper would be it: UpcallIsolationIT).
    assertThatThrownBy(() -> send(jedis, "JRMTEST.ESCAPE"))
        .hasMessageContaining(
            "IllegalStateException: this Context belongs to a call that has returned");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void unparsableNumbersAreClearErrors(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.PARSE", "integer", "12x"))
        .hasMessage("ERR value is not an integer or out of range");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.PARSE", "integer", " 12"))
        .hasMessage("ERR value is not an integer or out of range");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.PARSE", "double", "nan"))
        .hasMessage("ERR value is not a valid float");
  }

  @Test
  void wrongArityIsTheStandardError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.PARSE", "integer"))
        .hasMessage("ERR wrong number of arguments for 'jrmtest.parse' command");
  }
}
