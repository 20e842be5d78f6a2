package io.jrm.example;

import io.jrm.annotations.Persistable;
import io.jrm.annotations.Since;

/**
 * The counter of one item of a {@link TopK}: an estimate of how often the item was added, and how
 * much of that estimate may be inherited from evicted items.
 *
 * <p>{@code @Persistable}: it persists inside its {@code TopK}, field by field in declaration
 * order, with no name or encver of its own. {@link Since} on its fields refers to the encver of
 * {@link TopK}: data of encver 0 holds {@link #count} only.
 */
@Persistable
public final class TopKCounter {
  /**
   * The estimated count: never less than the true count, and at most {@link #error} more. Saved
   * with {@code SaveSigned}.
   */
  long count;

  /**
   * How much of {@link #count} the item inherited when it replaced an evicted item (0 while the
   * count is exact). Added in encver 1, when capacities came in: before, nothing was ever evicted,
   * so data of encver 0 loads with the constructor's 0, which is exact for it.
   */
  @Since(1)
  long error;

  /** For the generated loader. */
  TopKCounter() {}

  TopKCounter(long count, long error) {
    this.count = count;
    this.error = error;
  }
}
