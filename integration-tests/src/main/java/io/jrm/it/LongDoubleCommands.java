package io.jrm.it;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.math.BigDecimal;

/** Commands over {@link LongDoubleValue}, the data type whose RDB encoding holds long doubles. */
public final class LongDoubleCommands {
  private LongDoubleCommands() {}

  /** JRMTEST.ETYPE.ADD key number...: appends decimal numbers; replies with the count. */
  @RedisCommand(
      name = "jrmtest.etype.add",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void add(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    long size;
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      LongDoubleValue value = key.value(LongDoubleValue.class);
      if (value == null) {
        value = new LongDoubleValue();
        key.setValue(value);
      }
      for (int i = 2; i < argv.length; i++) {
        value.numbers.add(decimal(argv[i]));
      }
      size = value.numbers.size();
    }
    ctx.replyWithLongLong(size);
    ctx.replicateVerbatim();
  }

  private static BigDecimal decimal(RedisString argument) {
    try {
      return new BigDecimal(argument.toString());
    } catch (NumberFormatException e) {
      throw new RedisException("ERR not a decimal number: " + argument);
    }
  }

  /** JRMTEST.ETYPE.GET key: the numbers in full (every digit), space-separated; null if none. */
  @RedisCommand(
      name = "jrmtest.etype.get",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void get(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ)) {
      LongDoubleValue value = key.value(LongDoubleValue.class);
      if (value == null) {
        ctx.replyWithNull();
      } else {
        ctx.replyWithString(value.describe());
      }
    }
  }
}
