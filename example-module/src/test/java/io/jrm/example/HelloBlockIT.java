package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The helloblock module: HELLO.BLOCK replies from a callback once its thread is done or its timeout
 * passed, HELLO.KEYS from the keys its thread scanned, as Redis's helloblock.c.
 */
@RedisServerTest(modules = @LoadModule(path = "target/helloblock/helloblock.so"))
class HelloBlockIT {
  /** Bounds the wait for the disconnect callback's log line; only a broken server gets there. */
  private static final int POLLS = 300;

  private static final long POLL_MILLIS = 20;

  @Test
  void helloBlockRepliesARandomNumberOnceItsThreadIsDone(Jedis jedis, RedisServer server) {
    assertThat(send(jedis, "MODULE", "LIST").toString()).contains("name, helloblock, ver, 1");
    Object reply = send(jedis, "HELLO.BLOCK", "1", "0");
    assertThat(reply).isInstanceOf(Long.class);
    assertThat((Long) reply).isNotNegative();
  }

  @Test
  void helloBlockRepliesRequestTimedoutWhenTheTimeoutComesFirst(Jedis jedis) {
    assertThat(send(jedis, "HELLO.BLOCK", "2", "100")).isEqualTo("Request timedout");
    // the thread's late unblock does nothing: the connection stays in step
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void helloBlockRefusesBadArguments(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "HELLO.BLOCK", "1"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR wrong number of arguments for 'hello.block' command");
    assertThatThrownBy(() -> send(jedis, "HELLO.BLOCK", "one", "0"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR invalid count");
    assertThatThrownBy(() -> send(jedis, "HELLO.BLOCK", "1", "never"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR invalid count");
  }

  @Test
  void aClientThatDisconnectsWhileBlockedIsLogged(RedisServer server) throws Exception {
    try (Socket socket = new Socket(server.host(), server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "*3\r\n$11\r\nHELLO.BLOCK\r\n$1\r\n2\r\n$1\r\n0\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try (Jedis other = server.client()) {
        for (int i = 0; i < POLLS && !other.info("clients").contains("blocked_clients:1"); i++) {
          Thread.sleep(POLL_MILLIS);
        }
      }
    }
    for (int i = 0; i < POLLS && !server.logTail(20).contains("disconnected!"); i++) {
      Thread.sleep(POLL_MILLIS);
    }
    assertThat(server.logTail(20)).containsPattern("Blocked client .* disconnected!");
  }

  @Test
  void helloKeysRepliesEveryKeyName(Jedis jedis) {
    jedis.flushAll();
    assertThat(send(jedis, "HELLO.KEYS")).isEqualTo(List.of());
    for (int i = 0; i < 100; i++) {
      jedis.set("key:" + i, "value");
    }
    List<?> keys = (List<?>) send(jedis, "HELLO.KEYS");
    assertThat(keys).hasSize(100).doesNotHaveDuplicates();
    assertThat(keys).allSatisfy(key -> assertThat((String) key).startsWith("key:"));
    assertThatThrownBy(() -> send(jedis, "HELLO.KEYS", "extra"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR wrong number of arguments for 'hello.keys' command");
  }
}
