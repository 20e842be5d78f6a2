package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServer;
import io.jrm.testkit.RedisServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Blocked clients and thread-safe contexts: Java threads finish the work, Redis keeps serving. */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class BlockingIT {
  @Test
  void aBlockedClientGetsTheReplyOfItsCallbackWhileOthersAreServed(Jedis jedis, RedisServer server) {
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
  void aThreadSafeContextCallsRedisUnderTheLock(Jedis jedis) {
    jedis.del("counter");
    assertThat(send(jedis, "JRMTEST.BLOCK.INCR", "counter", "500")).isEqualTo(List.of("500", 1L, 0L));
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
