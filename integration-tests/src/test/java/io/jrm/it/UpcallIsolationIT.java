package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Each call of a command sees its own context and arguments although both are reused (a command
 * allocates nothing of its own): a command calling itself keeps its own, and objects kept past
 * their command are refused or, on the thread running a later call at their depth, that call's (as
 * Context and RedisString document), never freed memory or another thread's call. A retained
 * argument is no longer reused: {@link StringsIT#retainedStringsOutliveAutoMemoryUntilClosed}.
 */
@RedisServerTest(modules = @LoadModule(path = "${jrm.test.module}"))
class UpcallIsolationIT {
  /** Calls per round of the allocation test: 144 bytes a call before the reuse, 1.4 MB a round. */
  private static final int CALLS = 10_000;

  /** Rounds of the allocation test at most: a million calls. */
  private static final int ROUNDS = 100;

  @Test
  void aCommandCallingItselfKeepsItsOwnArguments(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.NESTED", "outer", "middle", "inner"))
        .isEqualTo("outer/middle/inner");
    assertThat(send(jedis, "JRMTEST.NESTED", "again", "x")).isEqualTo("again/x");
  }

  @Test
  void aContextKeptPastItsCommandServesOnlyTheCallRunningAtItsDepthOnItsThread(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.ESCAPE.CONTEXT", "keep")).isEqualTo("KEPT");
    jedis.select(3);
    // Reused: on the thread running the next call at the same depth, it is that call's context.
    assertThat(send(jedis, "JRMTEST.ESCAPE.CONTEXT")).isEqualTo(3L);
    // From any other thread it is refused, even while a call at its depth runs.
    assertThat(send(jedis, "JRMTEST.ESCAPE.CONTEXT.THREAD"))
        .isEqualTo("this Context belongs to a call that has returned");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void aContextKeptByANestedCallIsRefusedOnceItsDepthReturned(Jedis jedis) {
    // Kept at depth 1 (JRMTEST.CALL calls it), used at depth 0 while nothing runs at depth 1.
    send(jedis, "JRMTEST.CALL", "jrmtest.escape.context", "keep");
    assertThatThrownBy(() -> send(jedis, "JRMTEST.ESCAPE.CONTEXT"))
        .hasMessageContaining(
            "IllegalStateException: this Context belongs to a call that has returned");
    assertThat(jedis.ping()).isEqualTo("PONG");
  }

  @Test
  void anArgumentKeptWithoutRetainIsThatIndexOfLaterCallsOrRefused(Jedis jedis) {
    assertThat(send(jedis, "JRMTEST.ESCAPE", "kept")).isEqualTo("KEPT");
    // The wrapper of argv[1] is reused: a later call with an argv[1] re-points it...
    assertThat(send(jedis, "JRMTEST.ESCAPE", "again")).isEqualTo("again");
    // ...and a later call without one refuses it rather than reading freed memory.
    assertThatThrownBy(() -> send(jedis, "JRMTEST.ESCAPE"))
        .hasMessageContaining(
            "IllegalStateException: this Context belongs to a call that has returned");
  }

  @Test
  void aCommandAllocatesNothingOnTheJavaHeapPerCall(Jedis jedis) {
    assumeThat(System.getenv("JRM_BACKEND")).as("jna boxes its downcalls").isNotEqualTo("jna");
    // JRMTEST.TIME replies an integer and allocates nothing itself: whatever the main thread
    // allocates is JRM's. Rounds until one allocates less than a byte a call (the INFO counted in
    // it included): jni allocates nothing even interpreted, ffm's downcalls do until the JIT has
    // compiled them, a matter of a few rounds; the bound keeps a count, not a time.
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS && allocated >= CALLS; round++) {
      long before = mainThreadAllocatedBytes(jedis);
      callTime(jedis, CALLS);
      allocated = mainThreadAllocatedBytes(jedis) - before;
    }
    assertThat(allocated).isLessThan(CALLS);
  }

  private static void callTime(Jedis jedis, int calls) {
    Pipeline pipeline = jedis.pipelined();
    for (int i = 0; i < calls; i++) {
      pipeline.sendCommand(() -> "JRMTEST.TIME".getBytes(), "argument", "another");
    }
    pipeline.sync();
  }

  private static long mainThreadAllocatedBytes(Jedis jedis) {
    return Long.parseLong(Info.field(jedis, "jrmtest_heap", "jrmtest_main_thread_allocated_bytes"));
  }
}
