package io.jrm.conformance.defragtest;

import io.jrm.Context;
import io.jrm.DefragContext;
import io.jrm.KeyType;
import io.jrm.NativeBuffer;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.WriteKey;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;

/**
 * The port of Redis's tests/modules/defragtest.c (unit moduleapi/defrag): a data type whose values
 * hold allocations its {@code defrag} moves, and global strings the module's defrag function moves.
 * The unit runs only on a Redis whose allocator supports active defragmentation; on others
 * (Debian's) it checks that the module loads.
 */
@RedisModule(name = "defragtest")
public final class DefragTestModule {
  /** REDISMODULE_TYPE_METHOD_VERSION of the C module, which refuses an older Redis. */
  private static final int TYPE_METHOD_VERSION = 4;

  /** The strings of the module's defrag function: numbers 0 to the load argument. */
  private static RedisString[] globalStrings = new RedisString[0];

  private DefragTestModule() {}

  /** Takes the number of global strings, as C does; refuses an older Redis. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    if (ctx.typeMethodVersion() < TYPE_METHOD_VERSION) {
      throw new RedisException(
          "ERR this Redis knows type methods up to version " + ctx.typeMethodVersion());
    }
    if (args.length != 1) {
      throw new RedisException("ERR defragtest takes the number of global strings");
    }
    int count = Math.toIntExact(args[0].toLongLong());
    globalStrings = new RedisString[count];
    for (int i = 0; i < count; i++) {
      globalStrings[i] = ctx.createString(i).retain();
    }
    ctx.registerInfoFunc(DefragStats.INSTANCE::addTo);
    ctx.registerDefragFunc(DefragTestModule::defragGlobalStrings);
  }

  private static void defragGlobalStrings(DefragContext ctx) {
    DefragStats stats = DefragStats.INSTANCE;
    for (RedisString string : globalStrings) {
      stats.globalAttempts++;
      if (ctx.defragRedisModuleString(string)) {
        stats.globalDefragged++;
      }
    }
  }

  /** FRAG.RESETSTATS: zeroes the counters. */
  @RedisCommand(
      name = "frag.resetstats",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void resetStats(Context ctx, RedisString[] argv) {
    DefragStats.INSTANCE.reset();
    ctx.replyWithSimpleString("OK");
  }

  /** FRAG.CREATE key len size maxstep: a value of len zeroed allocations of size bytes. */
  @RedisCommand(
      name = "frag.create",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void create(Context ctx, RedisString[] argv) {
    if (argv.length != 5) {
      ctx.wrongArity();
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      if (key.type() != KeyType.EMPTY) {
        ctx.replyWithError("ERR key exists");
        return;
      }
      long len = parse(argv[2], "ERR invalid len");
      long size = parse(argv[3], "ERR invalid size");
      long maxstep = parse(argv[4], "ERR invalid maxstep");
      NativeBuffer[] values = new NativeBuffer[Math.toIntExact(len)];
      for (int i = 0; i < values.length; i++) {
        values[i] = ctx.calloc(1, size);
      }
      key.setValue(new FragObject(values, maxstep));
      ctx.replyWithSimpleString("OK");
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
