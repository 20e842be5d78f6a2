package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Blocked clients that disconnect ({@code SetDisconnectCallback}), and calls on a blocked client
 * after Redis freed it, which must be refused rather than reach freed memory.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class DisconnectIT {
  /** How long the server may take to get to what a test waits for; only a broken one gets there. */
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  /** What JRMTEST.BLOCK.STALE says of a call refused on a freed client. */
  private static final String REFUSED = "IllegalStateException";

  @Test
  void theDisconnectCallbackRunsWhenABlockedClientGoesAway(Jedis jedis, RedisServer server)
      throws Exception {
    long before = (Long) send(jedis, "JRMTEST.BLOCK.DISCONNECTS");
    try (RawClient client = new RawClient(server)) {
      client.send("JRMTEST.BLOCK.HOLD");
      awaitEquals("1", () -> Info.field(jedis, "clients", "blocked_clients"));
    }
    awaitEquals(before + 1, () -> send(jedis, "JRMTEST.BLOCK.DISCONNECTS"));
    awaitEquals("0", () -> Info.field(jedis, "clients", "blocked_clients"));
    // the callback unblocked the client, so Redis freed it: nothing reaches the freed handle
    assertThat(send(jedis, "JRMTEST.BLOCK.STALE"))
        .isEqualTo(List.of(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED));
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aDisconnectCallbackThatThrowsIsLogged(Jedis jedis, RedisServer server) throws Exception {
    long before = (Long) send(jedis, "JRMTEST.BLOCK.DISCONNECTS");
    try (RawClient client = new RawClient(server)) {
      client.send("JRMTEST.BLOCK.HOLD", "throw");
      awaitEquals("1", () -> Info.field(jedis, "clients", "blocked_clients"));
    }
    awaitEquals(before + 1, () -> send(jedis, "JRMTEST.BLOCK.DISCONNECTS"));
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(server.logTail(50))
        .contains("blocked client disconnect callback")
        .contains("the disconnect callback failed");
  }

  @Test
  void callsOnAClientJavaTimedOutAreRefusedOnceRedisFreedIt(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.BLOCK.EXPIRE", "50")).isEqualTo("TIMEOUT");
    // unblock after a timeout does nothing, as documented; the others would hand Redis the handle
    assertThat(send(jedis, "JRMTEST.BLOCK.STALE"))
        .isEqualTo(List.of(REFUSED, REFUSED, REFUSED, "OK", REFUSED));
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  private static void awaitEquals(Object expected, Supplier<Object> actual)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!expected.equals(actual.get()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(actual.get()).isEqualTo(expected);
  }
}
