package io.jrm.conformance.zset;

import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/** The port of Redis's tests/modules/zset.c (unit moduleapi/zset): sorted sets through a key. */
@RedisModule(name = "zset")
public final class ZsetModule {
  private ZsetModule() {}

  /**
   * ZSET.REM key element: removes the element (the last one deletes the key); replies 1 when it was
   * there, else 0. C's ZsetRem fails on a key of another type, which C replies as below.
   */
  @RedisCommand(name = "zset.rem", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void rem(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (Key key = ctx.openKey(argv[1], KeyMode.READ_WRITE)) {
      ctx.replyWithLongLong(key.zsetRem(argv[2]) ? 1 : 0);
    } catch (RedisException wrongType) {
      ctx.replyWithError("ERR ZsetRem failed");
    }
  }
}
