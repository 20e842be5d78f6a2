package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iteration over part of a sorted set, by score or by lexicographic order, from one of {@link
 * Key#zsetFirstInScoreRange}, {@link Key#zsetLastInScoreRange}, {@link Key#zsetFirstInLexRange} or
 * {@link Key#zsetLastInLexRange}. It starts at the first (or last) element within the range and
 * moves with {@link #next()} and {@link #prev()}, never leaving the range. Close it when done
 * ({@code ZsetRangeStop}); closing the key closes it too.
 *
 * <pre>{@code
 * try (ZsetRange range = key.zsetFirstInScoreRange(0, Double.POSITIVE_INFINITY, false, false)) {
 *   for (ZsetEntry entry : range) {
 *     try (entry) {
 *       ctx.replyWithString(entry.element());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A key holds one iteration at a time, as in C: starting another range on the same key, or
 * writing through the key, ends this one, and then every method but {@link #close()} and {@link
 * #isActive()} throws {@link IllegalStateException}. Do not change the sorted set by other means
 * (such as {@link Context#call}) while iterating.
 */
public final class ZsetRange implements AutoCloseable, Iterable<ZsetEntry> {
  private final Key key;
  private final boolean forward;
  private final boolean empty;
  private boolean closed;

  ZsetRange(Key key, boolean forward, boolean empty) {
    this.key = key;
    this.forward = forward;
    this.empty = empty;
  }

  /**
   * {@return whether the range started at its first element and {@link #iterator()} walks with
   * {@link #next()} ({@code First...}), rather than at its last walking with {@link #prev()}
   * ({@code Last...})}
   */
  public boolean isForward() {
    return forward;
  }

  /**
   * {@return whether the range can still be used: not closed, not ended by another range or a
   * write}
   */
  public boolean isActive() {
    return !closed && key.isOpen() && (empty || key.activeRange() == this);
  }

  /**
   * {@return the end-of-range flag ({@code ZsetRangeEndReached}): true when the range holds no
   * element or a {@link #next()} or {@link #prev()} found none further} As in C, a later successful
   * move does not clear it.
   */
  public boolean endReached() {
    if (empty) {
      check();
      return true;
    }
    return api().zsetRangeEndReached(pointer()) != 0;
  }

  /**
   * The element the range is at, with its score ({@code ZsetRangeCurrentElement}). The element is a
   * new string: close the entry when done unless auto memory is on.
   *
   * @return the element and its score
   * @throws NoSuchElementException when the range holds no element
   */
  public ZsetEntry currentElement() {
    if (empty) {
      check();
      throw new NoSuchElementException("the range holds no element");
    }
    double[] score = new double[1];
    long element = api().zsetRangeCurrentElement(pointer(), score);
    if (element == 0) {
      throw new NoSuchElementException("the range holds no element");
    }
    return new ZsetEntry(new RedisString(key.context(), element, true), score[0]);
  }

  /**
   * Moves to the next element within the range ({@code ZsetRangeNext}); false at its end.
   *
   * @return whether it moved
   */
  public boolean next() {
    if (empty) {
      check();
      return false;
    }
    return api().zsetRangeNext(pointer()) != 0;
  }

  /**
   * Moves to the previous element within the range ({@code ZsetRangePrev}); false at its start.
   *
   * @return whether it moved
   */
  public boolean prev() {
    if (empty) {
      check();
      return false;
    }
    return api().zsetRangePrev(pointer()) != 0;
  }

  /**
   * Walks the range from where it is, in its direction ({@link #isForward()}), moving it along.
   * Each entry's element is a new string: close the entries unless auto memory is on.
   */
  @Override
  public Iterator<ZsetEntry> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !endReached();
      }

      @Override
      public ZsetEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the end of the range was reached");
        }
        ZsetEntry entry = currentElement();
        // A failed move sets the end-of-range flag, which ends the walk.
        if (forward) {
          ZsetRange.this.next();
        } else {
          prev();
        }
        return entry;
      }
    };
  }

  /**
   * Ends the iteration and frees what it holds ({@code ZsetRangeStop}); closing twice, or a range
   * already ended by another range, a write or the key's close, does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!empty && key.isOpen() && key.activeRange() == this) {
      key.stopRange();
    }
  }

  private RedisModuleApi api() {
    return key.context().api();
  }

  private long pointer() {
    check();
    return key.pointer();
  }

  private void check() {
    key.pointer(); // throws for a closed key or a finished command
    if (closed) {
      throw new IllegalStateException("this ZsetRange was closed");
    }
    if (!empty && key.activeRange() != this) {
      throw new IllegalStateException(
          "this ZsetRange was ended by a write through its key or by a newer range on it");
    }
  }
}
