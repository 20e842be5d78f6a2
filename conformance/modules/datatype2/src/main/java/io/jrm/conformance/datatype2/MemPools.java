package io.jrm.conformance.datatype2;

import io.jrm.Context;
import io.jrm.RadixDict;
import io.jrm.RedisString;
import org.jspecify.annotations.Nullable;

/**
 * C's {@code mem_pool[MAX_DB]}: per database, a module dictionary from key names to their memory
 * blocks, kept apart from the keyspace and kept in step with it through the type's key-aware
 * methods (unlink, copy, load) and the FlushDB and SwapDB events.
 */
final class MemPools {
  /** C's MAX_DB: the databases of a default server. */
  static final int MAX_DB = 16;

  private final RadixDict<MemBlocks>[] pools;

  @SuppressWarnings("unchecked") // an array of a generic type
  MemPools(Context ctx) {
    pools = new RadixDict[MAX_DB];
    for (int db = 0; db < MAX_DB; db++) {
      pools[db] = RadixDict.create(ctx);
    }
  }

  /** {@return the pool of database {@code db}} */
  RadixDict<MemBlocks> of(int db) {
    return pools[db];
  }

  /** {@return the blocks of {@code key} in database {@code db}, or null} */
  @Nullable MemBlocks get(int db, RedisString key) {
    return pools[db].get(key.bytes());
  }

  /** Sets the blocks of {@code key} in database {@code db}. */
  void put(int db, RedisString key, MemBlocks blocks) {
    pools[db].put(key.bytes(), blocks);
  }

  /** {@return the blocks {@code key} had in database {@code db}, now removed, or null} */
  @Nullable MemBlocks remove(int db, RedisString key) {
    return pools[db].remove(key.bytes());
  }

  /** Drops every block of database {@code db}, or of all when -1 (C's MemPoolFreeDb). */
  void flush(Context ctx, int db) {
    for (int i = 0; i < MAX_DB; i++) {
      if (db == -1 || db == i) {
        pools[i].close();
        pools[i] = RadixDict.create(ctx);
      }
    }
  }

  /** Exchanges the pools of two databases, as SWAPDB exchanges their keys. */
  void swap(int first, int second) {
    RadixDict<MemBlocks> kept = pools[first];
    pools[first] = pools[second];
    pools[second] = kept;
  }
}
