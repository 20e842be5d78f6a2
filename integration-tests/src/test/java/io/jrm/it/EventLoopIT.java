package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The event loop ({@code io.jrm.EventLoop}): file descriptor handlers on a pipe, one-shot tasks
 * from another thread, and what the API refuses.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class EventLoopIT {
  @Test
  void handlersOfAPipeWriteAndReadWhatTheClientSent(Jedis jedis) {
    String text = "event loop ".repeat(10_000); // more than a pipe holds at once
    assertThat(send(jedis, "JRMTEST.EVENTLOOP.ECHO", text)).isEqualTo(text);
    assertThat(send(jedis, "JRMTEST.EVENTLOOP.ECHO", "again")).isEqualTo("again");
  }

  @Test
  void aOneShotTaskAddedFromAnotherThreadRunsOnTheMainThread(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.EVENTLOOP.FROMTHREAD")).isEqualTo("main");
  }

  @Test
  void aOneShotTaskThatThrowsIsLoggedAndRedisGoesOn(Jedis jedis, RedisServer server)
      throws IOException {
    assertThat(send(jedis, "JRMTEST.EVENTLOOP.THROW")).isEqualTo("OK");
    assertThat(send(jedis, "JRMTEST.EVENTLOOP.FROMTHREAD")).isEqualTo("main"); // a later turn
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(Files.readString(server.logFile(), StandardCharsets.UTF_8))
        .contains("one-shot event loop task threw")
        .contains("a one-shot task failed on purpose");
  }

  @Test
  void aFileDescriptorOutOfRedisRangeIsAClearError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.EVENTLOOP.ADD", "-1"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("out of Redis's file descriptor range");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.EVENTLOOP.ADD", "99999999"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("out of Redis's file descriptor range");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }
}
