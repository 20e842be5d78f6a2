package io.jrm.conformance.mallocsize;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/mallocsize.c (unit moduleapi/mallocsize): values whose MEMORY
 * USAGE counts the native memory they hold ({@link AllocSizeValue}). Each command stores a new
 * value in its key, whatever the key held, and replies OK.
 */
@RedisModule(name = "mallocsize")
public final class MallocSizeModule {
  private MallocSizeModule() {}

  /** MALLOCSIZE.SETRAW key len: {@code len} bytes of Redis's allocator. */
  @RedisCommand(name = "mallocsize.setraw", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void setRaw(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    store(ctx, argv[1], AllocSizeValue.raw(ctx, argv[2].toLongLong()));
  }

  /** MALLOCSIZE.SETSTR key string: the string itself, retained. */
  @RedisCommand(name = "mallocsize.setstr", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void setStr(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    store(ctx, argv[1], AllocSizeValue.string(argv[2]));
  }

  /** MALLOCSIZE.SETDICT key field value [field value ...]: a dictionary of the pairs. */
  @RedisCommand(name = "mallocsize.setdict", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void setDict(Context ctx, RedisString[] argv) {
    if (argv.length < 4 || argv.length % 2 != 0) {
      ctx.wrongArity();
      return;
    }
    store(ctx, argv[1], AllocSizeValue.dict(ctx, argv, 2));
  }

  private static void store(Context ctx, RedisString keyName, AllocSizeValue value) {
    try (Key key = ctx.openKey(keyName, KeyMode.WRITE)) {
      key.setValue(value);
    }
    ctx.replyWithSimpleString("OK");
  }
}
