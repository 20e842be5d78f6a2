package io.jrm.bench;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;

/**
 * BENCH.INSERT and BENCH.RANGE over {@link BenchType}, with the replies and errors of the C twin.
 * Arity is not checked, as in the C twin.
 */
public final class BenchTypeCommands {
  private BenchTypeCommands() {}

  /** BENCH.INSERT key value: inserts the integer, creating the key; replies with the new length. */
  @RedisCommand(
      name = "bench.insert",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void insert(Context ctx, RedisString[] argv) {
    long element = parse(argv[2], "ERR invalid value: must be a signed 64 bit integer");
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      BenchType value = key.value(BenchType.class);
      if (value == null) {
        value = new BenchType(0);
        key.setValue(value);
      }
      value.insert(element);
      ctx.replyWithLongLong(value.size);
    }
    ctx.replicateVerbatim();
  }

  /** BENCH.RANGE key first count: the elements from index first, at most count of them. */
  @RedisCommand(name = "bench.range", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void range(Context ctx, RedisString[] argv) {
    long first = parse(argv[2], "ERR invalid first or count parameters");
    long count = parse(argv[3], "ERR invalid first or count parameters");
    if (first < 0 || count < 0) {
      throw new RedisException("ERR invalid first or count parameters");
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      BenchType value = key.value(BenchType.class);
      int size = value == null ? 0 : value.size;
      int from = (int) Math.min(first, size);
      int length = (int) Math.min(count, size - from);
      ctx.replyWithArray(length);
      for (int i = from; i < from + length; i++) {
        ctx.replyWithLongLong(value.values[i]);
      }
    }
  }

  private static long parse(RedisString arg, String error) {
    try {
      return arg.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException(error);
    }
  }
}
