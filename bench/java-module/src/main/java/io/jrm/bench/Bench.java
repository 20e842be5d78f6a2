package io.jrm.bench;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.KeyType;
import io.jrm.RedisString;
import io.jrm.StringDma;
import io.jrm.ZsetEntry;
import io.jrm.ZsetRange;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;

/**
 * The Java benchmark module of {@code bench/run.sh}: the same commands, with the same replies, as
 * its C twin {@code bench/c-module/bench.c}, so that the script compares the cost of each path and
 * nothing else. Arity is not checked, as in the C twin: the script sends the right arguments.
 */
@RedisModule(name = "bench", version = 1)
public final class Bench {
  /** Elements of the array reply, as in the other commands over 100 elements. */
  private static final int ARRAY_LENGTH = 100;

  private Bench() {}

  /** BENCH.NOOP: replies 1, the cost of an upcall and one reply. */
  @RedisCommand(name = "bench.noop", flags = "readonly fast")
  public static void noop(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(1);
  }

  /**
   * BENCH.COUNTER key: adds one to the first byte of a string of 8 bytes (created when missing)
   * through direct memory access and replies with that byte.
   */
  // MANUAL, as the C twin propagates nothing: the default for a write command would replicate it.
  @RedisCommand(
      name = "bench.counter",
      flags = "write fast",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void counter(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      if (key.type() == KeyType.EMPTY) {
        key.stringTruncate(8);
      }
      StringDma dma = key.stringDma(KeyMode.READ_WRITE);
      byte next = (byte) (dma.get(0) + 1);
      dma.put(0, next);
      ctx.replyWithLongLong(next & 0xff);
    }
  }

  /** BENCH.RPUSH key value: RPUSH through Call; replies with the new length. */
  // MANUAL: RPUSH through Call without "!" propagates nothing, in the C twin too.
  @RedisCommand(
      name = "bench.rpush",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void rpush(Context ctx, RedisString[] argv) {
    try (CallReply reply = ctx.call("RPUSH", argv[1], argv[2])) {
      ctx.replyWithLongLong(reply.integer());
    }
  }

  /** BENCH.LRANGE key: LRANGE key 0 -1 through Call; replies with the sum of the lengths. */
  @RedisCommand(name = "bench.lrange", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void lrange(Context ctx, RedisString[] argv) {
    try (CallReply reply = ctx.call("LRANGE", argv[1], 0L, -1L)) {
      long sum = 0;
      for (long i = 0, items = reply.length(); i < items; i++) {
        sum += reply.arrayElement(i).length();
      }
      ctx.replyWithLongLong(sum);
    }
  }

  /** BENCH.ARRAY: replies with an array of the integers 0 to 99. */
  @RedisCommand(name = "bench.array", flags = "readonly")
  public static void array(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(ARRAY_LENGTH);
    for (int i = 0; i < ARRAY_LENGTH; i++) {
      ctx.replyWithLongLong(i);
    }
  }

  /** BENCH.ZRANGE key: walks the whole sorted set by score; replies with the sum of the scores. */
  @RedisCommand(name = "bench.zrange", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void zrange(Context ctx, RedisString[] argv) {
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      double sum = 0;
      try (ZsetRange range =
          key.zsetFirstInScoreRange(
              Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false)) {
        for (ZsetEntry entry : range) {
          try (entry) { // each element is a new string, freed as the C twin does
            sum += entry.score();
          }
        }
      }
      ctx.replyWithLongLong((long) sum);
    }
  }
}
