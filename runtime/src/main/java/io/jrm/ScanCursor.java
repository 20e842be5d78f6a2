package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;

/**
 * A scan cursor ({@code RedisModuleScanCursor}): where a scan of the keyspace ({@link
 * Context#scan(ScanCursor, java.util.function.Consumer)}) or of a key's elements ({@link
 * Key#scan(ScanCursor, java.util.function.BiConsumer)}) goes on from. Each step yields a few names
 * or elements and answers whether there are more; as with {@code SCAN}, an element present for the
 * whole scan is yielded at least once, and may be yielded twice.
 *
 * <pre>{@code
 * try (ScanCursor cursor = ScanCursor.create(ctx)) {
 *   while (ctx.scan(cursor, name -> names.add(name.toString()))) {}
 * }
 * }</pre>
 *
 * <p>A cursor may be kept between commands (a scan spread over several calls) until it is closed.
 * Not thread-safe.
 */
public final class ScanCursor implements AutoCloseable {
  private final RedisModuleApi api;
  private long pointer;

  private ScanCursor(RedisModuleApi api, long pointer) {
    this.api = api;
    this.pointer = pointer;
  }

  /**
   * A new cursor at the start ({@code RedisModule_ScanCursorCreate}).
   *
   * @param ctx the context of the calling command
   * @return the cursor, to close when done
   */
  public static ScanCursor create(Context ctx) {
    RedisModuleApi api = ctx.api();
    return new ScanCursor(api, api.scanCursorCreate());
  }

  long pointer() {
    if (pointer == 0) {
      throw new IllegalStateException("the scan cursor is closed");
    }
    return pointer;
  }

  /**
   * Starts the scan over ({@code RedisModule_ScanCursorRestart}).
   *
   * @throws IllegalStateException when the cursor is closed
   */
  public void restart() {
    api.scanCursorRestart(pointer());
  }

  /** Frees the cursor ({@code RedisModule_ScanCursorDestroy}); closing it again does nothing. */
  @Override
  public void close() {
    if (pointer != 0) {
      api.scanCursorDestroy(pointer);
      pointer = 0;
    }
  }
}
