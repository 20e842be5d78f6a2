package io.jrm.example;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;

/**
 * The commands of Redis 7.0's {@code src/modules/hellotype.c} over {@link HelloType}:
 * HELLOTYPE.INSERT, HELLOTYPE.RANGE and HELLOTYPE.LEN (HELLOTYPE.BRANGE waits for blocking on
 * keys).
 */
public final class HelloTypeCommands {
  private HelloTypeCommands() {}

  /** HELLOTYPE.INSERT key value: inserts value, creating the key; replies with the new length. */
  @RedisCommand(
      name = "hellotype.insert",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void insert(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      HelloType value = key.value(HelloType.class);
      long element = parse(argv[2], "ERR invalid value: must be a signed 64 bit integer");
      if (value == null) {
        value = new HelloType();
        key.setValue(value);
      }
      value.insert(element);
      ctx.replyWithLongLong(value.values.size());
    }
    ctx.replicateVerbatim();
  }

  /**
   * HELLOTYPE.RANGE key first count: up to count elements from the start. Like the C module, it
   * checks first but does not skip elements by it.
   */
  @RedisCommand(
      name = "hellotype.range",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void range(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      HelloType value = key.value(HelloType.class);
      long first = parse(argv[2], "ERR invalid first or count parameters");
      long count = parse(argv[3], "ERR invalid first or count parameters");
      if (first < 0 || count < 0) {
        throw new RedisException("ERR invalid first or count parameters");
      }
      int length = value == null ? 0 : (int) Math.min(count, value.values.size());
      ctx.replyWithArray(length);
      for (int i = 0; i < length; i++) {
        ctx.replyWithLongLong(value.values.get(i));
      }
    }
  }

  /** HELLOTYPE.LEN key: the number of elements, 0 for a missing key. */
  @RedisCommand(name = "hellotype.len", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void len(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      HelloType value = key.value(HelloType.class);
      ctx.replyWithLongLong(value == null ? 0 : value.values.size());
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
