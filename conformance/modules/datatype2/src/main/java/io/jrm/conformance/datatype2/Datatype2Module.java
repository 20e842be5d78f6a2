package io.jrm.conformance.datatype2;

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.ServerEvent;
import io.jrm.SubEvent;
import io.jrm.WriteKey;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Map;

/**
 * The port of Redis's tests/modules/datatype2.c (unit moduleapi/datatype2): a simulated allocator
 * whose 4 KB blocks live in per-database module dictionaries keyed by key name, kept in step with
 * the keyspace by the type's methods that get the key (copy, unlink, free effort, load) and by the
 * FlushDB and SwapDB events.
 */
@RedisModule(name = "datatype2")
public final class Datatype2Module {
  private static MemPools pools;

  private Datatype2Module() {}

  /** {@return the pools of blocks, one per database} */
  static MemPools pools() {
    return pools;
  }

  /** Creates the pools and subscribes to the events that empty and swap databases. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    pools = new MemPools(ctx);
    ctx.subscribeToServerEvent(
        ServerEvent.FLUSHDB,
        (c, flush) -> {
          if (flush.subEvent() == SubEvent.FLUSHDB_START) {
            pools.flush(c, flush.db());
          }
        });
    ctx.subscribeToServerEvent(
        ServerEvent.SWAPDB, (c, swap) -> pools.swap(swap.firstDb(), swap.secondDb()));
  }

  /** MEM.ALLOC key block_num: gives the key block_num new blocks, none written. */
  @RedisCommand(
      name = "mem.alloc",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void alloc(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long blockNum = positive(argv[2]);
    if (blockNum <= 0) {
      ctx.replyWithError("ERR invalid block_num: must be a value greater than 0");
      return;
    }
    allocate(ctx, argv[1], blockNum);
    ctx.replyWithLongLong(blockNum);
    ctx.replicateVerbatim();
  }

  /** MEM.FREE key: 1 when the key's blocks were freed, 0 when it had none. */
  @RedisCommand(name = "mem.free", flags = "write deny-oom", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void free(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      MemAllocValue value = key.value(MemAllocValue.class);
      if (value == null) {
        ctx.replyWithLongLong(0);
        return;
      }
      long freed = 0;
      if (pools.remove(ctx.selectedDb(), argv[1]) != null) {
        value.clear();
        freed = 1;
      }
      ctx.replyWithLongLong(freed);
    }
    ctx.replicateVerbatim();
  }

  /** MEM.WRITE key block_index data: writes a block once; replies the bytes written. */
  @RedisCommand(
      name = "mem.write",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void write(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long index = blockIndex(argv[2]);
    if (index < 0) {
      ctx.replyWithError("ERR invalid block_index: must be a value greater than 0");
      return;
    }
    try (WriteKey key = ctx.writeKey(argv[1])) {
      MemAllocValue value = key.value(MemAllocValue.class);
      if (value == null) {
        ctx.replyWithError("ERR Memory has not been allocated");
        return;
      }
      if ((value.mask & (1L << index)) != 0) {
        ctx.replyWithError("ERR block is busy");
        return;
      }
      int written = 0;
      MemBlocks blocks = pools.get(ctx.selectedDb(), argv[1]);
      if (blocks != null) {
        written = blocks.write(index, argv[3].bytes());
        value.mask |= 1L << index;
        value.used++;
      }
      ctx.replyWithLongLong(written);
    }
    ctx.replicateVerbatim();
  }

  /** MEM.READ key block_index: the block's content up to its first NUL, null if never written. */
  @RedisCommand(name = "mem.read", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void read(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long index = blockIndex(argv[2]);
    if (index < 0) {
      ctx.replyWithError("ERR invalid block_index: must be a value greater than 0");
      return;
    }
    MemAllocValue value;
    try (var key = ctx.readKey(argv[1])) {
      value = key.value(MemAllocValue.class);
    }
    if (value == null) {
      ctx.replyWithError("ERR Memory has not been allocated");
      return;
    }
    if ((value.mask & (1L << index)) == 0) {
      ctx.replyWithNull();
      return;
    }
    MemBlocks blocks = pools.get(ctx.selectedDb(), argv[1]);
    if (blocks == null) {
      throw new IllegalStateException("the pool holds no blocks for " + argv[1]);
    }
    ctx.replyWithStringBuffer(blocks.readString(index));
  }

  /**
   * MEM.USAGE dbid: [total, blocks, used, blocks written] over the keys of the database's pool,
   * each read from its key (in that database, selected for the read).
   */
  @RedisCommand(name = "mem.usage", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void usage(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long db;
    try {
      db = argv[1].toLongLong();
    } catch (RedisException notANumber) {
      ctx.replyWithError("ERR invalid value: must be a integer");
      return;
    }
    if (db < 0 || db >= MemPools.MAX_DB) {
      ctx.replyWithError("ERR dbid out of range");
      return;
    }
    long size = 0;
    long used = 0;
    int selected = ctx.selectedDb();
    ctx.selectDb((int) db);
    try {
      Map.Entry<byte[], MemBlocks> entry = pools.of((int) db).firstEntry();
      while (entry != null) {
        try (RedisString name = ctx.createString(entry.getKey());
            var key = ctx.readKey(name)) {
          MemAllocValue value = key.value(MemAllocValue.class);
          if (value == null) {
            throw new IllegalStateException("the pool holds blocks for a missing key " + name);
          }
          size += value.size;
          used += value.used;
        }
        entry = pools.of((int) db).higherEntry(entry.getKey());
      }
    } finally {
      ctx.selectDb(selected);
    }
    ctx.replyWithArray(4);
    ctx.replyWithSimpleString("total");
    ctx.replyWithLongLong(size);
    ctx.replyWithSimpleString("used");
    ctx.replyWithLongLong(used);
  }

  /**
   * MEM.ALLOCANDWRITE key block_num [block_index data ...]: what an AOF rewrite emits, allocating
   * and writing the blocks in one command. C steps through the arguments one at a time, reading
   * each block's data as the next index (and past the end); this reads them as the pairs its AOF
   * rewrite writes.
   */
  @RedisCommand(
      name = "mem.allocandwrite",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void allocAndWrite(Context ctx, RedisString[] argv) {
    if (argv.length < 3) {
      ctx.wrongArity();
      return;
    }
    long blockNum = positive(argv[2]);
    if (blockNum <= 0) {
      ctx.replyWithError("ERR invalid block_num: must be a value greater than 0");
      return;
    }
    MemAllocValue value = allocate(ctx, argv[1], blockNum);
    MemBlocks blocks = value.blocks;
    for (int i = 3; i + 1 < argv.length; i += 2) {
      long index = blockIndex(argv[i]);
      if (index < 0 || blocks == null) {
        continue; // C trusts its own AOF: it checks nothing here
      }
      blocks.write(index, argv[i + 1].bytes());
      value.used++;
      value.mask |= 1L << index;
    }
    ctx.replyWithSimpleString("OK");
    ctx.replicateVerbatim();
  }

  /** Gives {@code keyName} {@code blockNum} new blocks, creating its value when empty. */
  private static MemAllocValue allocate(Context ctx, RedisString keyName, long blockNum) {
    try (WriteKey key = ctx.writeKey(keyName)) {
      MemAllocValue value = key.value(MemAllocValue.class);
      if (value == null) {
        value = new MemAllocValue();
        key.setValue(value);
      }
      MemBlocks blocks = MemBlocks.create(blockNum);
      pools.put(ctx.selectedDb(), keyName, blocks);
      value.allocate(blocks);
      return value;
    }
  }

  /** {@code arg} as a number, or 0 when it is none (refused as a block count). */
  private static long positive(RedisString arg) {
    try {
      return arg.toLongLong();
    } catch (RedisException notANumber) {
      return 0;
    }
  }

  /** {@code arg} as a block index, or -1 when it is no number (refused as an index). */
  private static long blockIndex(RedisString arg) {
    try {
      return arg.toLongLong();
    } catch (RedisException notANumber) {
      return -1;
    }
  }
}
