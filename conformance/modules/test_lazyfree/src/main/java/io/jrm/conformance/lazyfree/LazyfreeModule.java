package io.jrm.conformance.lazyfree;

import io.jrm.Context;
import io.jrm.ReadKey;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/test_lazyfree.c (unit moduleapi/test_lazyfree): a value whose
 * memory UNLINK reclaims in the background.
 */
@RedisModule(name = "lazyfreetest")
public final class LazyfreeModule {
  /** REDISMODULE_TYPE_METHOD_VERSION of the C module, which refuses an older Redis. */
  private static final int TYPE_METHOD_VERSION = 4;

  private LazyfreeModule() {}

  /** Refuses to load on a Redis whose type methods are older than version 4, as C does. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    if (ctx.typeMethodVersion() < TYPE_METHOD_VERSION) {
      throw new RedisException(
          "ERR this Redis knows type methods up to version " + ctx.typeMethodVersion());
    }
  }

  /** LAZYFREELINK.INSERT key value: replies the new length. */
  @RedisCommand(
      name = "lazyfreelink.insert",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void insert(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      LazyFreeLink link = key.value(LazyFreeLink.class); // WRONGTYPE for another type
      long value;
      try {
        value = argv[2].toLongLong();
      } catch (RedisException notANumber) {
        ctx.replyWithError("ERR invalid value: must be a signed 64 bit integer");
        return;
      }
      if (link == null) {
        link = new LazyFreeLink();
        key.setValue(link);
      }
      link.insert(value);
      ctx.signalKeyAsReady(argv[1]);
      ctx.replyWithLongLong(link.length());
    }
    ctx.replicateVerbatim();
  }

  /** LAZYFREELINK.LEN key: the length, 0 for an empty key. */
  @RedisCommand(
      name = "lazyfreelink.len",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void len(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (ReadKey key = ctx.readKey(argv[1])) {
      LazyFreeLink link = key.value(LazyFreeLink.class);
      ctx.replyWithLongLong(link == null ? 0 : link.length());
    }
  }
}
