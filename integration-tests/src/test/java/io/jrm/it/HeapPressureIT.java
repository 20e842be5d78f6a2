package io.jrm.it;

import static io.jrm.it.TypeServers.assertLogLine;
import static io.jrm.testkit.Commands.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrm.testkit.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A server whose Java heap fills up: writes that grow data get an {@code -OOM} error before the GC
 * thrashes, the server keeps answering, and deleting keys makes room for writes again. With 32 MB
 * the JVM runs the serial collector, whose old generation, where values end up, is about two thirds
 * of the heap: the limit is a percentage of that (a limit on the whole heap was never reached
 * before the old generation ran out, so the fill ended in an OutOfMemoryError now and then).
 */
@Timeout(120)
class HeapPressureIT {
  /**
   * Items per value: about 0.4 MB of heap each, a small step next to the 4 MB the guard keeps free,
   * so that the guard ends the fill, not the heap (20,000-item steps ran out of heap 1 time in 3).
   */
  private static final int ITEMS = 5_000;

  /** More values than 32 MB of heap can hold: the loop ends with the refusal or fails. */
  private static final int MAX_VALUES = 800;

  /** The least a value of ITEMS items takes in its encoding: a tag and a length per item. */
  private static final long ENCODED_AT_LEAST = ITEMS * 9L;

  private static RedisServer smallHeapServer() {
    return RedisServer.builder().module(TypeServers.MODULE, "jrm.xmx=32m").start();
  }

  /** A client that waits long enough for any answer: "still answers" is all that is asserted. */
  private static Jedis client(RedisServer server) {
    Jedis jedis = new Jedis(server.host(), server.port(), 10_000);
    jedis.connect();
    return jedis;
  }

  /** A field of the module's INFO section, {@code jrmtest_heap}. */
  private static long heapInfo(Jedis jedis, String field) {
    return Long.parseLong(Info.field(jedis, "jrmtest_heap", "jrmtest_heap_" + field));
  }

  /** The error reply of a refused write, naming what the old generation of 32 MB holds. */
  private static String refusal(Jedis jedis, int percent) {
    return "OOM command not allowed when the Java heap after GC is over "
        + percent
        + "% of the "
        + (heapInfo(jedis, "old_gen_max") >> 20)
        + " MB its old generation holds (jrm.xmx 32 MB)";
  }

  private static Object fill(Jedis jedis, String prefix, int items) {
    return send(jedis, "JRMTEST.TYPE.FILL", "aof", prefix, "1", String.valueOf(items));
  }

  /** Stores values k0:0, k1:0... until a write is refused; returns how many were stored. */
  private static int fillUntilRefused(Jedis jedis) {
    for (int i = 0; i < MAX_VALUES; i++) {
      try {
        assertThat(fill(jedis, "k" + i + ":", ITEMS)).isEqualTo(1L);
      } catch (JedisDataException refused) {
        assertThat(refused).hasMessage(refusal(jedis, 80));
        return i;
      }
    }
    throw new AssertionError(MAX_VALUES + " values fitted in a 32 MB heap: no write was refused");
  }

  @Test
  void aFullHeapRefusesWritesKeepsAnsweringAndRecoversWhenKeysAreDeleted() {
    try (RedisServer server = smallHeapServer();
        Jedis jedis = client(server)) {
      assertThat(heapInfo(jedis, "max")).isEqualTo(32L << 20);
      long oldGenMax = heapInfo(jedis, "old_gen_max");
      assertThat(oldGenMax).isBetween(16L << 20, 32L << 20);
      assertThat(heapInfo(jedis, "limit")).isEqualTo(oldGenMax / 100 * 80);
      assertThat(heapInfo(jedis, "refusing")).isZero();
      int stored = fillUntilRefused(jedis);
      assertThat(stored).isPositive();
      assertLogLine(server, "JRM: the Java heap holds", "its old generation holds (jrm.xmx 32 MB)");
      assertThat(heapInfo(jedis, "refusing")).isOne();
      assertThat(heapInfo(jedis, "refused_commands")).isOne();
      assertThat(heapInfo(jedis, "used_after_gc")).isGreaterThanOrEqualTo(heapInfo(jedis, "limit"));

      // Reads, MEMORY USAGE and commands that do not grow data go on.
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat((String) send(jedis, "JRMTEST.TYPE.GET", "k0:0"))
          .startsWith("jrmtest-a:seq=0;items=[item0-0, item0-1, ");
      assertThat(jedis.memoryUsage("k0:0")).isGreaterThan(ENCODED_AT_LEAST);
      assertThatThrownBy(() -> fill(jedis, "more:", 1)).hasMessage(refusal(jedis, 80));

      // Deleting keys gives the heap back: the same write succeeds.
      for (int i = 0; i < stored; i++) {
        assertThat(jedis.del("k" + i + ":0")).isEqualTo(1L);
      }
      assertThat(fill(jedis, "again:", ITEMS)).isEqualTo(1L);
      assertThat(jedis.memoryUsage("again:0")).isGreaterThan(ENCODED_AT_LEAST);
      assertLogLine(server, "JRM: the Java heap is back under 80% of its old generation after GC");
      assertThat(heapInfo(jedis, "refusing")).isZero();
      assertThat(heapInfo(jedis, "used_after_gc")).isLessThan(heapInfo(jedis, "limit"));

      // SIGTERM still shuts the server down cleanly (testkit kills it after 20 s otherwise).
      assertThat(server.stop()).isZero();
    }
  }

  @Test
  void garbageOfValuesRewrittenInPlaceIsNotTakenForAFullHeap() {
    try (RedisServer server = smallHeapServer();
        Jedis jedis = client(server)) {
      // Each write leaves a 1 MB array of garbage and keeps 1 MB live. The young collections of the
      // serial collector move the live one to the old generation, where it stays as garbage after
      // the next write until the old generation fills: above the limit long before the live data
      // is.
      for (int i = 0; i < 300; i++) {
        assertThat(send(jedis, "JRMTEST.TYPE.CHURN", "churned", "1048576")).isEqualTo(1048576L);
      }
      assertThat(heapInfo(jedis, "refused_commands")).isZero();
      assertThat(server.stop()).isZero();
    }
  }

  @Test
  void writesAreRefusedInTimeWhenGcNotificationsArriveLate() {
    try (RedisServer server = smallHeapServer();
        Jedis jedis = client(server)) {
      // A notification every 3 s at most: the fill outruns them (it ran out of heap before the
      // guard read anything but the notifications; CI machines under load showed it 1 run in 2).
      assertThat(send(jedis, "JRMTEST.HEAP.SLOW-GC-NOTIFICATIONS", "3000")).isEqualTo("OK");
      assertThat(fillUntilRefused(jedis)).isPositive();
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(server.stop()).isZero();
    }
  }

  @Test
  void aCommandThatRunsOutOfHeapGetsAnOomErrorAndTheServerGoesOn() {
    try (RedisServer server = smallHeapServer();
        Jedis jedis = client(server)) {
      // Far more than 32 MB in one command: the guard let it start, the heap runs out in it.
      assertThatThrownBy(() -> fill(jedis, "huge:", 3_000_000))
          .isInstanceOf(JedisDataException.class)
          .hasMessage("OOM the Java heap (jrm.xmx, 32 MB) ran out during this command");
      assertThat(jedis.ping()).isEqualTo("PONG");
      assertThat(jedis.exists("huge:0")).isFalse();
      assertThat(fill(jedis, "small:", ITEMS)).isEqualTo(1L);
      assertThat(server.stop()).isZero();
    }
  }

  @Test
  void theLimitIsAPercentageOfTheHeapSetByASystemProperty() {
    try (RedisServer server =
            RedisServer.builder()
                .module(
                    TypeServers.MODULE, "jrm.xmx=32m", "jrm.jvm-option=-Djrm.heap-limit-percent=50")
                .start();
        Jedis jedis = client(server)) {
      assertThat(heapInfo(jedis, "limit")).isEqualTo(heapInfo(jedis, "old_gen_max") / 100 * 50);
      for (int i = 0; i < MAX_VALUES; i++) {
        try {
          fill(jedis, "k" + i + ":", ITEMS);
        } catch (JedisDataException refused) {
          assertThat(refused).hasMessage(refusal(jedis, 50));
          assertThat(heapInfo(jedis, "used_after_gc")).isLessThan(32L << 20);
          return;
        }
      }
      throw new AssertionError("no write was refused");
    }
  }

  @Test
  void underG1TheOldGenerationIsTheWholeHeap() {
    try (RedisServer server =
            RedisServer.builder()
                .module(TypeServers.MODULE, "jrm.xmx=32m", "jrm.jvm-option=-XX:+UseG1GC")
                .start();
        Jedis jedis = client(server)) {
      assertThat(heapInfo(jedis, "old_gen_max")).isEqualTo(32L << 20);
      assertThat(heapInfo(jedis, "limit")).isEqualTo((32L << 20) / 100 * 80);
    }
  }

  @Test
  void aLimitOutOfRangeFailsTheLoad() {
    assertThatThrownBy(
            () ->
                RedisServer.builder()
                    .module(TypeServers.MODULE, "jrm.jvm-option=-Djrm.heap-limit-percent=0")
                    .start()
                    .close())
        .hasMessageContaining("-Djrm.heap-limit-percent takes a percentage from 1 to 100, got '0'");
  }
}
