package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Clients blocked on keys, background time in the command's stats, and the server try-lock. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class KeyBlockingIT {
  /** Bounded wait for a client to show up as blocked in CLIENT LIST. */
  private static final int POLLS = 500;

  @Test
  void aClientBlockedOnAKeyGetsWhatARedisCommandAddsThere(Jedis jedis, RedisServer server) {
    CompletableFuture<Object> popped =
        CompletableFuture.supplyAsync(() -> send(jedis, "JRMTEST.BKEYS.LPOP", "queue", "0"));
    try (Jedis other = server.client()) {
      awaitBlocked(other, 1);
      other.rpush("queue", "first");
      assertThat(popped.join()).isEqualTo("first");
      assertThat(other.exists("queue")).isFalse();
    }
  }

  @Test
  void aSignalWithoutDataKeepsTheClientBlockedUntilDataComes(Jedis jedis, RedisServer server) {
    CompletableFuture<Object> popped =
        CompletableFuture.supplyAsync(() -> send(jedis, "JRMTEST.BKEYS.LPOP", "signalled", "0"));
    try (Jedis other = server.client()) {
      awaitBlocked(other, 1);
      assertThat(send(other, "JRMTEST.BKEYS.SIGNAL", "signalled")).isEqualTo("OK");
      // the ready callback found nothing and did not reply: the client still waits
      assertThat(other.ping()).isEqualTo("PONG");
      awaitBlocked(other, 1);
      assertThat(popped).isNotDone();
      other.rpush("signalled", "late");
      assertThat(popped.join()).isEqualTo("late");
    }
  }

  @Test
  void aKeyThatHasDataServesAtOnceAndATimeoutRepliesNull(Jedis jedis) {
    jedis.rpush("ready", "now");
    assertThat(send(jedis, "JRMTEST.BKEYS.LPOP", "ready", "0")).isEqualTo("now");
    assertThat(send(jedis, "JRMTEST.BKEYS.LPOP", "ready", "50")).isNull();
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void clientUnblockRunsTheTimeoutCallback(Jedis jedis, RedisServer server) {
    long id = jedis.clientId();
    CompletableFuture<Object> popped =
        CompletableFuture.supplyAsync(() -> send(jedis, "JRMTEST.BKEYS.LPOP", "never", "0"));
    try (Jedis other = server.client()) {
      awaitBlocked(other, 1);
      assertThat(send(other, "CLIENT", "UNBLOCK", String.valueOf(id), "TIMEOUT")).isEqualTo(1L);
    }
    assertThat(popped.join()).isNull();
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void clientUnblockLeavesAClientWithoutTimeoutCallbackBlocked(Jedis jedis, RedisServer server) {
    long id = jedis.clientId();
    CompletableFuture<Object> popped =
        CompletableFuture.supplyAsync(
            () -> send(jedis, "JRMTEST.BKEYS.LPOPNOTIMEOUT", "untimed", "0"));
    try (Jedis other = server.client()) {
      awaitBlocked(other, 1);
      String client = String.valueOf(id);
      assertThat(send(other, "CLIENT", "UNBLOCK", client, "TIMEOUT")).isEqualTo(0L);
      assertThat(send(other, "CLIENT", "UNBLOCK", client, "ERROR")).isEqualTo(0L);
      awaitBlocked(other, 1);
      assertThat(popped).isNotDone();
      other.rpush("untimed", "served");
      assertThat(popped.join()).isEqualTo("served");
    }
  }

  @Test
  void aTimeoutWithoutTimeoutCallbackIsRefused(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.BKEYS.LPOPNOTIMEOUT", "refused", "50"))
        .hasMessageContaining("a client blocked with a timeout needs a timeout callback");
    assertThat(jedis.info("clients")).contains("blocked_clients:0");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void measuredBackgroundTimeCountsInTheCommandsStats(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.BKEYS.MEASURED", "100")).isEqualTo("DONE");
    String stats = jedis.info("commandstats");
    String line =
        stats
            .lines()
            .filter(l -> l.startsWith("cmdstat_jrmtest.bkeys.measured:"))
            .findFirst()
            .orElseThrow();
    long usec = Long.parseLong(line.replaceAll(".*,usec=(\\d+),.*", "$1"));
    // without the measure Redis counts only the command's own microseconds in the main thread
    assertThat(usec).isGreaterThanOrEqualTo(100_000);
  }

  @Test
  void anotherThreadCannotTakeTheServerLockWhileACommandRuns(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.BKEYS.TRYLOCK")).isEqualTo(0L);
  }

  private static void awaitBlocked(Jedis other, int clients) {
    for (int i = 0; i < POLLS; i++) {
      String blocked = other.info("clients").replaceAll("(?s).*blocked_clients:(\\d+).*", "$1");
      if (Long.parseLong(blocked.trim()) >= clients) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("no client blocked");
  }
}
