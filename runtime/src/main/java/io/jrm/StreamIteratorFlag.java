package io.jrm;

/**
 * How {@link ReadKey#streamIteratorStart} walks its range ({@code REDISMODULE_STREAM_ITERATOR_*}):
 * constant {@code i} is bit {@code 1 << i}.
 */
public enum StreamIteratorFlag {
  /** Leaves the bounds themselves out of the range, as {@code (} does in {@code XRANGE}. */
  EXCLUSIVE,
  /** Walks from the end of the range to its start, as {@code XREVRANGE} does. */
  REVERSE
}
