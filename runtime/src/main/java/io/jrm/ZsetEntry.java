package io.jrm;

/**
 * One element of a sorted set and its score, as a {@link ZsetRange} reports it. The element is a
 * new string owned by the caller: close the entry (or the element) when done, unless {@link
 * Context#autoMemory()} is on.
 *
 * @param element the member ({@code RedisModule_ZsetRangeCurrentElement}'s string)
 * @param score its score
 */
public record ZsetEntry(RedisString element, double score) implements AutoCloseable {
  /** Frees the element. */
  @Override
  public void close() {
    element.close();
  }
}
