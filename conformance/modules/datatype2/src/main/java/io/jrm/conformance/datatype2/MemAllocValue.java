package io.jrm.conformance.datatype2;

import io.jrm.AofOutput;
import io.jrm.KeyOptContext;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The type {@code mem_alloc} of Redis's tests/modules/datatype2.c (C's MemAllocObject): how many
 * blocks the key has, how many are written, and a mask of the written ones. The blocks themselves
 * live in the module's pools ({@link MemPools}), found by key name and database, which the methods
 * of version 4 get from their {@link KeyOptContext} and a load from its {@link RdbInput}.
 *
 * <p>One difference from C: JRM writes a value's RDB encoding without its key (a forked child
 * replays what JRM serialized in the parent between commands, where no key is known), so where C's
 * rdb_save and aof_rewrite look the blocks up in the pool, this value also keeps a reference to the
 * same blocks.
 */
@DataType(name = "mem_alloc", encver = 0)
public final class MemAllocValue {
  /** C's sizeof(MemAllocObject): three 64-bit fields. */
  private static final long OBJECT_SIZE = 3L * Long.BYTES;

  /** C's sizeof(struct MemBlock): a block and its next pointer. */
  private static final long BLOCK_STRUCT_SIZE = MemBlocks.BLOCK_SIZE + Long.BYTES;

  long size;
  long used;
  long mask;

  /** The blocks the pool holds for this value's key, null when it has none (size 0). */
  @Nullable MemBlocks blocks;

  /** An empty value (C's createMemAllocObject). */
  MemAllocValue() {}

  /** Sets the value to {@code blocks}, none written (MEM.ALLOC). */
  void allocate(MemBlocks newBlocks) {
    blocks = newBlocks;
    size = newBlocks.count();
    used = 0;
    mask = 0;
  }

  /** Empties the value (MEM.FREE). */
  void clear() {
    blocks = null;
    size = 0;
    used = 0;
    mask = 0;
  }

  /** Size, used and mask, then each block whole, as C's rdb_save. */
  public void rdbSave(RdbOutput out) {
    out.saveSigned(size);
    out.saveSigned(used);
    out.saveUnsigned(mask);
    if (size != 0 && blocks != null) {
      for (int i = 0; i < blocks.count(); i++) {
        out.saveStringBuffer(blocks.block(i));
      }
    }
  }

  /** Loads what {@link #rdbSave} wrote, and puts the blocks in the pool of the key being loaded. */
  public static MemAllocValue rdbLoad(RdbInput in, int encver) {
    MemAllocValue value = new MemAllocValue();
    value.size = in.loadSigned();
    value.used = in.loadSigned();
    value.mask = in.loadUnsigned();
    if (value.size != 0) {
      byte[][] contents = new byte[Math.toIntExact(value.size)][];
      for (int i = 0; i < contents.length; i++) {
        contents[i] = in.loadStringBuffer();
      }
      value.blocks = MemBlocks.of(contents);
      RedisString key = in.keyName();
      int db = in.dbId();
      if (key != null && db >= 0 && db < MemPools.MAX_DB) {
        Datatype2Module.pools().put(db, key, value.blocks);
      }
    }
    return value;
  }

  /**
   * MEM.ALLOCANDWRITE key size, then each block's index and whole content, as C's aof_rewrite
   * (which marks every block written once the AOF loads).
   */
  public void aofRewrite(AofOutput aof, RedisString key) {
    List<Object> args = new ArrayList<>();
    args.add(key);
    args.add(size);
    if (size != 0 && blocks != null) {
      for (int i = 0; i < blocks.count(); i++) {
        args.add((long) i);
        args.add(blocks.block(i));
      }
    }
    aof.emit("mem.allocandwrite", args.toArray());
  }

  /** COPY: the same counts, and a copy of the source key's blocks in the destination's pool. */
  public MemAllocValue copy(KeyOptContext keys) {
    MemAllocValue copy = new MemAllocValue();
    copy.size = size;
    copy.used = used;
    copy.mask = mask;
    if (size != 0) {
      MemBlocks source = Datatype2Module.pools().get(keys.dbId(), keys.keyName());
      if (source == null) {
        throw new IllegalStateException("the pool holds no blocks for " + keys.keyName());
      }
      copy.blocks = source.copy();
      Datatype2Module.pools()
          .put(keys.toDbId(), Objects.requireNonNull(keys.toKeyName()), copy.blocks);
    }
    return copy;
  }

  /** The key leaves the keyspace: its blocks leave the pool. */
  public void unlink(KeyOptContext keys) {
    if (size != 0) {
      Datatype2Module.pools().remove(keys.dbId(), keys.keyName());
    }
  }

  /** The work of freeing the value, as C: one per block. */
  public long freeEffort(KeyOptContext keys) {
    return size;
  }

  /** What C's mem_usage2 counts: the object and its blocks. */
  public long memUsage() {
    return OBJECT_SIZE + size * BLOCK_STRUCT_SIZE;
  }
}
