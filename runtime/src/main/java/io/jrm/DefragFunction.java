package io.jrm;

/**
 * The module's part of Redis's active defragmentation that belongs to no value ({@code
 * RegisterDefragFunc}): native memory the module keeps in static fields, say. Registered with
 * {@link Context#registerDefragFunc}; runs on the main thread, on a Redis whose allocator supports
 * active defragmentation.
 */
@FunctionalInterface
public interface DefragFunction {
  /**
   * Moves the module's memory with {@code ctx}'s {@code defrag...} methods. A Throwable is logged
   * and Redis goes on.
   *
   * @param ctx the defragmentation, valid during this call
   */
  void defrag(DefragContext ctx);
}
