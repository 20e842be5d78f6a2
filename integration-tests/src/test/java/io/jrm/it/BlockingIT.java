package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Blocked clients and thread-safe contexts: Java threads finish the work, Redis keeps serving. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class BlockingIT {
  private static final int RACES = 300;

  /** How long one racing call may take to reply before it counts as never answered. */
  private static final int RACE_REPLY_BOUND_MILLIS = 5_000;

  @Test
  void aBlockedClientGetsTheReplyOfItsCallbackWhileOthersAreServed(
      Jedis jedis, RedisServer server) {
    CompletableFuture<Object> blocked =
        CompletableFuture.supplyAsync(() -> send(jedis, "JRMTEST.BLOCK.ECHO", "300", "hello"));
    try (Jedis other = server.client()) {
      assertThat(other.ping()).isEqualTo("PONG");
    }
    assertThat(blocked.join()).isEqualTo(List.of("hello", 1L, 0L));
  }

  @Test
  void theTimeoutCallbackRepliesWhenNoThreadUnblocksInTime(Jedis jedis, RedisServer server) {
    assertThat(send(jedis, "JRMTEST.BLOCK.TIMEOUT", "100")).isEqualTo("TIMEOUT");
    // the late unblock only releases the client: the connection stays in step
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void anAbortedBlockLeavesTheReplyToTheCommand(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.BLOCK.ABORT")).isEqualTo("ABORTED");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aBlockingCommandInsideMultiGetsOneErrorAndTheConnectionStaysInStep(Jedis jedis) {
    assertThat(send(jedis, "MULTI")).isEqualTo("OK");
    assertThat(send(jedis, "JRMTEST.BLOCK.ABORT")).isEqualTo("QUEUED");
    List<?> results = (List<?>) send(jedis, "EXEC");
    // a second reply from the command would be what PING reads
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(results).singleElement().isInstanceOf(JedisDataException.class);
    assertThat(((Exception) results.get(0)).getMessage()).contains("cannot block here");
  }

  @Test
  void aBlockingCommandFromLuaGetsOneError(Jedis jedis) {
    assertThatThrownBy(() -> send(jedis, "EVAL", "return redis.call('JRMTEST.BLOCK.ABORT')", "0"))
        .isInstanceOf(JedisDataException.class)
        .hasMessageContaining("cannot block here");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aBlockingCommandCalledFromAModuleGetsAnErrorInsteadOfBlockingTheCall(Jedis jedis) {
    List<?> described = (List<?>) send(jedis, "JRMTEST.CALL", "JRMTEST.BLOCK.ABORT");
    assertThat(described.get(0)).isEqualTo("ERROR");
    assertThat((String) described.get(2)).contains("cannot block here");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void everyTimeoutRacingAnUnblockGetsExactlyOneReply(RedisServer server) {
    try (Jedis jedis = new Jedis(server.host(), server.port(), RACE_REPLY_BOUND_MILLIS)) {
      for (int i = 0; i < RACES; i++) {
        String timeout = String.valueOf(1 + i % 3);
        String unblockAfter = String.valueOf(i % 5);
        Object reply = send(jedis, "JRMTEST.BLOCK.TIMEOUT", timeout, unblockAfter);
        assertThat(reply).as("race %d", i).isIn("TIMEOUT", List.of("too late", 1L, 0L));
      }
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void clientUnblockTimeoutRunsTheTimeoutCallbackOnce(Jedis jedis, RedisServer server)
      throws Exception {
    long id = jedis.clientId();
    CompletableFuture<Object> blocked =
        CompletableFuture.supplyAsync(() -> send(jedis, "JRMTEST.BLOCK.ECHO", "500", "late"));
    try (Jedis other = server.client()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (send(other, "CLIENT", "UNBLOCK", String.valueOf(id), "TIMEOUT").equals(0L)
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }
    assertThat(blocked.join()).isEqualTo("TIMEOUT");
    Thread.sleep(600); // the worker's unblock comes after the timeout and must not reply
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aBackgroundTaskThatThrowsRepliesItsErrorAndLogsIt(Jedis jedis, RedisServer server) {
    assertThatThrownBy(() -> send(jedis, "JRMTEST.BLOCK.FAIL"))
        .isInstanceOf(JedisDataException.class)
        .hasMessage("ERR java.lang.IllegalStateException: the background lookup failed");
    assertThat(jedis.ping()).isEqualTo("PONG");
    assertThat(server.logTail(50))
        .contains("threw java.lang.IllegalStateException: the background lookup failed");
  }

  @Test
  void aThreadSafeContextCallsRedisUnderTheLock(Jedis jedis) {
    jedis.del("counter");
    assertThat(send(jedis, "JRMTEST.BLOCK.INCR", "counter", "500"))
        .isEqualTo(List.of("500", 1L, 0L));
    assertThat(jedis.get("counter")).isEqualTo("500");
  }

  @Test
  void aDetachedThreadSafeContextWritesInTheBackground(Jedis jedis) throws InterruptedException {
    jedis.del("background");
    assertThat(send(jedis, "JRMTEST.DETACHED.SET", "background", "done")).isEqualTo("STARTED");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (jedis.get("background") == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(jedis.get("background")).isEqualTo("done");
  }
}
