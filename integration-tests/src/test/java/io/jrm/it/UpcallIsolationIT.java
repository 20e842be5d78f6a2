package io.jrm.it;

import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jrm.testkit.LoadModule;
import io.jrm.testkit.RedisServerTest;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
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

  /** Keys of the counter allocation test: a tenth of a round's calls create them. */
  private static final int KEYS = 1_000;

  /** Members of the sorted set walked by the range allocation test. */
  private static final int ELEMENTS = 100;

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
    // JRMTEST.TIME replies an integer and allocates nothing itself: whatever the main thread
    // allocates is JRM's.
    assertThat(allocatedPerRound(jedis, i -> new String[] {"argument", "another"}, "JRMTEST.TIME"))
        .isLessThan(CALLS);
  }

  @Test
  void aCommandOpeningAKeyAllocatesNothingOnTheJavaHeapPerCall(Jedis jedis) {
    // OpenKey, a StringTruncate of a missing key (the first round creates the keys, so the branch
    // is taken when the JIT compiles it), a writable StringDma and a reply: the Key and its view
    // must not outlive the call on the heap (see DEVELOPERS.md, the upcall path of a command).
    assertThat(
            allocatedPerRound(
                jedis, i -> new String[] {"counter:" + i % KEYS}, "JRMTEST.KEY.COUNTER"))
        .isLessThan(CALLS);
  }

  @Test
  void walkingASortedSetAllocatesNothingPerElement(Jedis jedis) {
    // 100 entries, each a ZsetEntry and its element's RedisString: 3.3 kB a call on JDK 17 when
    // C2 could not scalar-replace the string (ZsetRange.entry). What stays is per call, not per
    // element: the Key, the range and its score word (about 100 bytes), under 8 bytes an element.
    for (int i = 1; i <= ELEMENTS; i++) {
      jedis.zadd("zsum", i, "member" + i);
    }
    assertThat(send(jedis, "JRMTEST.KEY.ZSUM", "zsum")).isEqualTo(ELEMENTS * (ELEMENTS + 1L) / 2);
    int bound = 8 * ELEMENTS;
    assertThat(allocatedPerRound(jedis, i -> new String[] {"zsum"}, "JRMTEST.KEY.ZSUM", bound))
        .isLessThan((long) CALLS * bound);
  }

  @Test
  void aTypedIntegerParameterAllocatesNothingToParse(Jedis jedis) {
    // StringToLongLong's out-parameter is the context's scratch word, not an array per call.
    assertThat(allocatedPerRound(jedis, i -> new String[] {"12345"}, "JRMTEST.TYPED.ECHOLONG"))
        .isLessThan(CALLS);
  }

  /**
   * What the main thread allocates in a round of {@link #CALLS} calls of {@code command} with the
   * arguments of call {@code i}, in rounds until one allocates less than a byte a call (the INFO
   * counted in it included): jni allocates nothing even interpreted, ffm's downcalls do until the
   * JIT has compiled them, a matter of a few rounds; the bound keeps a count, not a time.
   */
  private static long allocatedPerRound(
      Jedis jedis, IntFunction<String[]> arguments, String command) {
    return allocatedPerRound(jedis, arguments, command, 1);
  }

  /**
   * {@link #allocatedPerRound(Jedis, IntFunction, String)}, in rounds until one allocates less than
   * {@code bytesPerCall} a call.
   */
  private static long allocatedPerRound(
      Jedis jedis, IntFunction<String[]> arguments, String command, int bytesPerCall) {
    assumeThat(System.getenv("JRM_BACKEND")).as("jna boxes its downcalls").isNotEqualTo("jna");
    byte[] name = command.getBytes(StandardCharsets.UTF_8);
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS && allocated >= (long) CALLS * bytesPerCall; round++) {
      long before = mainThreadAllocatedBytes(jedis);
      Pipeline pipeline = jedis.pipelined();
      for (int i = 0; i < CALLS; i++) {
        pipeline.sendCommand(() -> name, arguments.apply(i));
      }
      pipeline.sync();
      allocated = mainThreadAllocatedBytes(jedis) - before;
    }
    return allocated;
  }

  private static long mainThreadAllocatedBytes(Jedis jedis) {
    return Long.parseLong(Info.field(jedis, "jrmtest_heap", "jrmtest_main_thread_allocated_bytes"));
  }
}
