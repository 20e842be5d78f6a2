package io.jrm.example;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The hellohook module: client and flush events print their lines to the server's stdout. */
@RedisServerTest(modules = @LoadModule(path = "target/hellohook/hellohook.so"))
class HelloHookIT {
  /** Bounds the wait for a line a disconnection prints after the client has gone. */
  private static final int POLLS = 100;

  private static final long POLL_MILLIS = 50;

  @Test
  void flushesPrintTheirStartWithTheKeyCountAndTheirEnd(Jedis jedis, RedisServer server)
      throws Exception {
    assertThat(send(jedis, "MODULE", "LIST").toString()).contains("name, hellohook, ver, 1");
    jedis.select(3);
    jedis.set("a", "1");
    jedis.set("b", "2");
    jedis.flushDB();
    jedis.flushAll();
    assertThat(stdout(server))
        .contains(
            "FLUSHDB event of database 3 started (2 keys in DB)\n"
                + "FLUSHDB event of database 3 ended\n")
        .contains("FLUSHALL event started\nFLUSHALL event ended\n");
  }

  @Test
  void clientsPrintTheirConnectionAndDisconnection(RedisServer server) throws Exception {
    long id;
    try (Jedis client = new Jedis(server.host(), server.port())) {
      id = client.clientId();
    }
    String connected = "Client connection event for client #" + id + " 127.0.0.1:";
    // Redis has closed the connection by then: its address reads "?:0", as the C module prints.
    String disconnected = "Client disconnection event for client #" + id + " ?:0";
    for (int i = 0; i < POLLS && !stdout(server).contains(disconnected); i++) {
      Thread.sleep(POLL_MILLIS);
    }
    assertThat(stdout(server)).contains(connected).contains(disconnected);
  }

  private static String stdout(RedisServer server) throws IOException {
    return Files.readString(server.stdoutFile());
  }
}
