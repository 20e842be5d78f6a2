package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Throwables that the runtime's catch around a command cannot turn into its usual error reply: the
 * client still gets an error and the server goes on, on every backend (an FFM upcall stub would end
 * the process on a Throwable that left it).
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class EscapingThrowableIT {
  @Test
  void anExceptionWhoseMessageThrowsStillGetsAnErrorReply(Jedis jedis, RedisServer server) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.THROW.UNPRINTABLE"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR JRM: internal error in a Java command");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.THROW.UNPRINTABLE"))
        .hasMessage("ERR JRM: internal error in a Java command");
    assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
    assertThat(server.logTail(20)).contains("failed and could not reply");
  }

  @Test
  void aStackOverflowInACommandIsAnErrorReply(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.OVERFLOW"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageStartingWith("ERR java.lang.StackOverflowError");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.OVERFLOW"))
        .hasMessageStartingWith("ERR java.lang.StackOverflowError");
    assertThat(send(jedis, "JRMTEST.TIME")).isInstanceOf(Long.class);
  }
}
