package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;

/**
 * Native memory from Redis's allocator ({@code Alloc}, {@code Calloc}, {@code Realloc}, {@code
 * Strdup}, {@code PoolAlloc}): counted in {@code used_memory} and {@code maxmemory}, read and
 * written from Java by offset. Close it to free it ({@code Free}); a pool buffer is freed by
 * Redis when its command returns. Using a freed buffer throws {@link IllegalStateException}.
 */
public final class NativeBuffer implements AutoCloseable {
  private final RedisModuleApi api;

  private NativeBuffer(RedisModuleApi api) {
    this.api = api;
  }

  static NativeBuffer alloc(RedisModuleApi api, long size) {
    throw new UnsupportedOperationException("NativeBuffer.alloc is being written");
  }

  static NativeBuffer calloc(RedisModuleApi api, long count, long size) {
    throw new UnsupportedOperationException("NativeBuffer.calloc is being written");
  }

  static NativeBuffer strdup(RedisModuleApi api, String text) {
    throw new UnsupportedOperationException("NativeBuffer.strdup is being written");
  }

  static NativeBuffer poolAlloc(Context context, long size) {
    throw new UnsupportedOperationException("NativeBuffer.poolAlloc is being written");
  }

  /** Frees the buffer ({@code Free}); freeing twice does nothing; a pool buffer is left to Redis. */
  @Override
  public void close() {
    throw new UnsupportedOperationException("NativeBuffer.close is being written");
  }
}
