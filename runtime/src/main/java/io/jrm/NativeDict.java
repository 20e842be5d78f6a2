package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A Redis module dictionary ({@code RedisModuleDict}): a radix tree, sorted by key bytes, that maps
 * binary keys to one 64-bit word each, such as a native pointer shared with C code. Keys are given
 * as {@code byte[]} (Redis's {@code ...C} variants) or as {@link RedisString}s (the plain ones).
 * For Java values use {@link RadixDict}, which keeps the objects and stores a handle here.
 *
 * <pre>{@code
 * try (NativeDict dict = NativeDict.create(ctx)) {
 *   dict.set("a".getBytes(UTF_8), buffer.address());
 *   try (DictIterator it = dict.iteratorStart(DictOperator.FIRST, new byte[0])) {
 *     for (byte[] key = it.next(); key != null; key = it.next()) {
 *       long word = it.value();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A dictionary lives until {@link #close} (Java always creates it with a NULL context, so that
 * no callback's automatic memory frees it behind a field that still holds it); closing it also
 * closes its iterators. The dictionary never frees what its words point to. Changing it ends its
 * iterators' walks: their next step throws {@link java.util.ConcurrentModificationException} until
 * they {@link DictIterator#reseek} (a radix tree iterator would read freed nodes). Not thread-safe:
 * use it on Redis's main thread or under the module lock.
 */
public final class NativeDict implements AutoCloseable {
  private static final int OK = 0;

  private final RedisModuleApi api;
  private final List<DictIterator> iterators = new ArrayList<>();
  private long pointer;
  private long modifications;

  private NativeDict(RedisModuleApi api, long pointer) {
    this.api = api;
    this.pointer = pointer;
  }

  /**
   * A new empty dictionary ({@code RedisModule_CreateDict} with a NULL context).
   *
   * @param ctx any active context (for the API only: the dictionary outlives it)
   * @return the dictionary, to close when done
   */
  public static NativeDict create(Context ctx) {
    ctx.checkActive();
    RedisModuleApi api = ctx.api();
    return new NativeDict(api, api.createDict(0));
  }

  RedisModuleApi api() {
    return api;
  }

  long pointer() {
    if (pointer == 0) {
      throw new IllegalStateException("the dictionary is closed");
    }
    return pointer;
  }

  /** How many times the dictionary changed: an iterator's walk is valid within one count. */
  long modifications() {
    return modifications;
  }

  void forget(DictIterator iterator) {
    iterators.remove(iterator);
  }

  /** {@return how many keys the dictionary holds ({@code DictSize})} */
  public long size() {
    return api.dictSize(pointer());
  }

  /**
   * Adds {@code key} with {@code value} unless it is there ({@code DictSetC}).
   *
   * @param key the key's bytes
   * @param value the word to store
   * @return true when added, false when the key was there (its value unchanged)
   */
  public boolean set(byte[] key, long value) {
    return addedIf(api.dictSetC(pointer(), key, key.length, value) == OK);
  }

  /**
   * Adds {@code key} with {@code value} unless it is there ({@code DictSet}).
   *
   * @param key the key
   * @param value the word to store
   * @return true when added, false when the key was there (its value unchanged)
   */
  public boolean set(RedisString key, long value) {
    return addedIf(api.dictSet(pointer(), key.pointer(), value) == OK);
  }

  /**
   * Sets {@code key} to {@code value}, added or replaced ({@code DictReplaceC}).
   *
   * @param key the key's bytes
   * @param value the word to store
   * @return true when the key was added, false when its value was replaced
   */
  public boolean replace(byte[] key, long value) {
    return changed(api.dictReplaceC(pointer(), key, key.length, value) == OK);
  }

  /**
   * Sets {@code key} to {@code value}, added or replaced ({@code DictReplace}).
   *
   * @param key the key
   * @param value the word to store
   * @return true when the key was added, false when its value was replaced
   */
  public boolean replace(RedisString key, long value) {
    return changed(api.dictReplace(pointer(), key.pointer(), value) == OK);
  }

  /**
   * {@return the word stored at {@code key} ({@code DictGetC}), empty when the key is absent (a
   * stored 0 is present)}
   *
   * @param key the key's bytes
   */
  public OptionalLong get(byte[] key) {
    int[] noKey = new int[1];
    long value = api.dictGetC(pointer(), key, key.length, noKey);
    return noKey[0] != 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /**
   * {@return the word stored at {@code key} ({@code DictGet}), empty when the key is absent}
   *
   * @param key the key
   */
  public OptionalLong get(RedisString key) {
    int[] noKey = new int[1];
    long value = api.dictGet(pointer(), key.pointer(), noKey);
    return noKey[0] != 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /**
   * Removes {@code key} ({@code DictDelC}).
   *
   * @param key the key's bytes
   * @return the word it held, for example to free what it points to; empty when it was absent
   */
  public OptionalLong del(byte[] key) {
    long[] old = new long[1];
    return deleted(api.dictDelC(pointer(), key, key.length, old) == OK, old[0]);
  }

  /**
   * Removes {@code key} ({@code DictDel}).
   *
   * @param key the key
   * @return the word it held; empty when it was absent
   */
  public OptionalLong del(RedisString key) {
    long[] old = new long[1];
    return deleted(api.dictDel(pointer(), key.pointer(), old) == OK, old[0]);
  }

  /**
   * An iterator seeked to the first key that {@code op} and {@code key} select ({@code
   * DictIteratorStartC}); when none, its first step answers null.
   *
   * @param op where to seek
   * @param key the key to seek from (ignored by {@link DictOperator#FIRST} and {@link
   *     DictOperator#LAST})
   * @return the iterator, to close when done (closing the dictionary closes it too)
   */
  public DictIterator iteratorStart(DictOperator op, byte[] key) {
    return opened(api.dictIteratorStartC(pointer(), op.cSymbol(), key, key.length));
  }

  /**
   * An iterator seeked to the first key that {@code op} and {@code key} select ({@code
   * DictIteratorStart}).
   *
   * @param op where to seek
   * @param key the key to seek from
   * @return the iterator, to close when done
   */
  public DictIterator iteratorStart(DictOperator op, RedisString key) {
    return opened(api.dictIteratorStart(pointer(), op.cSymbol(), key.pointer()));
  }

  /**
   * {@return the memory the tree's structure takes, in bytes, without the keys' bytes and what the
   * values point to ({@code MallocSizeDict}), for a data type's memory usage}
   */
  public long mallocSize() {
    return api.mallocSizeDict(pointer());
  }

  /**
   * Frees the dictionary and closes its iterators ({@code RedisModule_FreeDict}); what the values
   * point to stays. Closing it again does nothing.
   */
  @Override
  public void close() {
    if (pointer != 0) {
      for (DictIterator iterator : List.copyOf(iterators)) {
        iterator.close();
      }
      api.freeDict(0, pointer);
      pointer = 0;
    }
  }

  private DictIterator opened(long iterator) {
    DictIterator opened = new DictIterator(this, iterator);
    iterators.add(opened);
    return opened;
  }

  /** A replacement may reallocate a node, so it always ends the iterators' walks. */
  private boolean changed(boolean result) {
    modifications++;
    return result;
  }

  /** A refused set leaves the tree as it was. */
  private boolean addedIf(boolean added) {
    if (added) {
      modifications++;
    }
    return added;
  }

  private OptionalLong deleted(boolean found, long old) {
    if (!found) {
      return OptionalLong.empty();
    }
    modifications++;
    return OptionalLong.of(old);
  }
}
