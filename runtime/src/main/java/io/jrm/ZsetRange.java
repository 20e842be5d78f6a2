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

  /** The score out-parameter of {@code ZsetRangeCurrentElement}: one per range, not per element. */
  private final double[] score = new double[1];

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
    return entry(elementPointer());
  }

  /**
   * {@code ZsetRangeCurrentElement}: the new string, its score left in {@link #score}. Apart from
   * {@link #entry}, so that what allocates stays small enough to be inlined where the entry is used
   * and the JIT can leave the entry and its string unallocated.
   */
  private long elementPointer() {
    if (empty) {
      check();
      throw noElement();
    }
    long element = api().zsetRangeCurrentElement(pointer(), score);
    if (element == 0) {
      throw noElement();
    }
    return element;
  }

  /** The entry of {@code element}, just made by {@link #elementPointer()}, and its score. */
  private ZsetEntry entry(long element) {
    // Every argument is computed before its object's new: javac evaluates arguments after the new,
    // and on JDK 17 a call or trap between an allocation and its constructor's stores (here the
    // element's constructor, the score's bounds check) keeps C2 from scalar-replacing what those
    // stores hold (the string, the Key of a StringDma), so every call allocated it.
    double elementScore = score[0];
    RedisString string = new RedisString(key.context(), element, true);
    return new ZsetEntry(string, elementScore);
  }

  private static NoSuchElementException noElement() {
    return new NoSuchElementException("the range holds no element");
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
      /** What the last hasNext() found, not taken yet: next() asks Redis once, not twice. */
      private boolean found;

      @Override
      public boolean hasNext() {
        found = !endReached();
        return found;
      }

      @Override
      public ZsetEntry next() {
        if (!found && !hasNext()) {
          throw new NoSuchElementException("the end of the range was reached");
        }
        found = false;
        return entry(step());
      }
    };
  }

  /** The current element for the iterator, moving the range on. */
  private long step() {
    long element = elementPointer();
    // A failed move sets the end-of-range flag, which ends the walk.
    if (forward) {
      next();
    } else {
      prev();
    }
    return element;
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
