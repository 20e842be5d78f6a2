package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.ConcurrentModificationException;
import org.jspecify.annotations.Nullable;

/**
 * An iterator over a {@link NativeDict} ({@code RedisModuleDictIter}), seeked by {@link
 * NativeDict#iteratorStart}: {@link #next} answers the current key and steps forwards, {@link
 * #prev} answers it and steps backwards, each null once past the end; {@link #value} is the word of
 * the key last answered.
 *
 * <pre>{@code
 * try (DictIterator it = dict.iteratorStart(DictOperator.GREATER_OR_EQUAL, from)) {
 *   for (byte[] key = it.next(); key != null; key = it.next()) {
 *     if (!it.compare(DictOperator.LESS_OR_EQUAL, to)) {
 *       break;
 *     }
 *     keys.add(key);
 *   }
 * }
 * }</pre>
 *
 * <p>A change to the dictionary ends the walk: the next step or comparison throws {@link
 * ConcurrentModificationException} until {@link #reseek}. Not thread-safe.
 */
public final class DictIterator implements AutoCloseable {
  private static final int OK = 0;

  private final NativeDict dict;
  private final RedisModuleApi api;
  private final long[] keyLength = new long[1];
  private final long[] data = new long[1];
  private long pointer;
  private long seenModifications;

  DictIterator(NativeDict dict, long pointer) {
    this.dict = dict;
    this.api = dict.api();
    this.pointer = pointer;
    this.seenModifications = dict.modifications();
  }

  private long walking() {
    if (pointer == 0) {
      throw new IllegalStateException("the dictionary iterator is closed");
    }
    if (seenModifications != dict.modifications()) {
      throw new ConcurrentModificationException(
          "the dictionary changed since the iterator was seeked: reseek it");
    }
    return pointer;
  }

  private long seeking() {
    if (pointer == 0) {
      throw new IllegalStateException("the dictionary iterator is closed");
    }
    seenModifications = dict.modifications();
    return pointer;
  }

  /**
   * {@return the current key, a copy, then steps to the next greater key ({@code DictNextC}); null
   * past the last one}
   */
  public byte @Nullable [] next() {
    return api.copyOut(api.dictNextC(walking(), keyLength, data), keyLength);
  }

  /**
   * {@return the current key as a string of {@code ctx}, then steps forwards ({@code DictNext});
   * null past the last one}
   *
   * @param ctx the calling context, which owns the string (close it, or let auto memory)
   */
  public @Nullable RedisString next(Context ctx) {
    long key = api.dictNext(ctx.pointer(), walking(), data);
    return key == 0 ? null : new RedisString(ctx, key, true);
  }

  /**
   * {@return the current key, a copy, then steps to the next smaller key ({@code DictPrevC}); null
   * past the first one}
   */
  public byte @Nullable [] prev() {
    return api.copyOut(api.dictPrevC(walking(), keyLength, data), keyLength);
  }

  /**
   * {@return the current key as a string of {@code ctx}, then steps backwards ({@code DictPrev});
   * null past the first one}
   *
   * @param ctx the calling context, which owns the string
   */
  public @Nullable RedisString prev(Context ctx) {
    long key = api.dictPrev(ctx.pointer(), walking(), data);
    return key == 0 ? null : new RedisString(ctx, key, true);
  }

  /** {@return the word stored at the key the last step answered} */
  public long value() {
    return data[0];
  }

  /**
   * Seeks again, as {@link NativeDict#iteratorStart} does ({@code DictIteratorReseekC}); valid
   * after the dictionary changed. When no key matches, the next step answers null (Redis's result
   * says only that the operator was valid, which every {@link DictOperator} is).
   *
   * @param op where to seek
   * @param key the key to seek from
   */
  public void reseek(DictOperator op, byte[] key) {
    api.dictIteratorReseekC(seeking(), op.cSymbol(), key, key.length);
  }

  /**
   * Seeks again ({@code DictIteratorReseek}); when no key matches, the next step answers null.
   *
   * @param op where to seek
   * @param key the key to seek from
   */
  public void reseek(DictOperator op, RedisString key) {
    api.dictIteratorReseek(seeking(), op.cSymbol(), key.pointer());
  }

  /**
   * Whether the key the iterator is on (the one the last step answered) stands in relation {@code
   * op} to {@code key} ({@code DictCompareC}): {@code compare(LESS_OR_EQUAL, end)} keeps a range
   * walk in range. False past the end, and for {@link DictOperator#FIRST} and {@link
   * DictOperator#LAST}.
   *
   * @param op the comparison
   * @param key the key to compare with
   * @return the comparison's result
   */
  public boolean compare(DictOperator op, byte[] key) {
    return api.dictCompareC(walking(), op.cSymbol(), key, key.length) == OK;
  }

  /**
   * Whether the iterator's key stands in relation {@code op} to {@code key} ({@code DictCompare}).
   *
   * @param op the comparison
   * @param key the key to compare with
   * @return the comparison's result
   */
  public boolean compare(DictOperator op, RedisString key) {
    return api.dictCompare(walking(), op.cSymbol(), key.pointer()) == OK;
  }

  /** Frees the iterator ({@code DictIteratorStop}); closing it again does nothing. */
  @Override
  public void close() {
    if (pointer != 0) {
      api.dictIteratorStop(pointer);
      pointer = 0;
      dict.forget(this);
    }
  }
}
