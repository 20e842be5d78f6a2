package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.Objects;
import java.util.Optional;

/**
 * Native memory from Redis's allocator ({@code Alloc}, {@code Calloc}, {@code Realloc}, {@code
 * Strdup}, {@code PoolAlloc}): counted in {@code used_memory} and {@code maxmemory}, read and
 * written from Java by offset. Close it to free it ({@code Free}); a pool buffer is freed by Redis
 * when its command returns. Using a freed buffer throws {@link IllegalStateException}.
 *
 * <p>Every access is bounds-checked against {@link #size()} and throws {@link
 * IndexOutOfBoundsException} rather than touching memory outside the buffer. A buffer from {@link
 * Context#alloc}, {@link Context#calloc} or {@link Context#strdup} outlives the command that made
 * it, so it may be kept (in a static field, say) and used by later commands until it is closed. A
 * buffer from {@link Context#poolAlloc} dies with its command.
 *
 * <pre>{@code
 * try (NativeBuffer buffer = ctx.alloc(16)) {
 *   buffer.write(0, "hello".getBytes(StandardCharsets.UTF_8));
 *   byte[] back = buffer.read(0, 5);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: like the rest of the API, use it from the thread running the command.
 */
public final class NativeBuffer implements AutoCloseable {
  private final RedisModuleApi api;

  /** The context of a pool buffer, whose life ends with it; null for memory the module frees. */
  private final Context pool;

  /** 0 only for an empty buffer (pool allocation of 0 bytes, realloc to 0 bytes). */
  private long address;

  private long size;
  private boolean freed;

  /** The pool context's call the buffer belongs to ({@link Context#call()}). */
  private final int call;

  private NativeBuffer(RedisModuleApi api, Context pool, long address, long size) {
    this.api = api;
    this.pool = pool;
    this.call = pool == null ? 0 : pool.call();
    this.address = address;
    this.size = size;
  }

  static NativeBuffer alloc(RedisModuleApi api, long size) {
    requireSize(size);
    return new NativeBuffer(api, null, api.alloc(size), size);
  }

  static Optional<NativeBuffer> tryAlloc(RedisModuleApi api, long size) {
    requireSize(size);
    long address = api.tryAlloc(size);
    // TryAlloc(0) may answer NULL as well: an empty buffer then, as realloc to 0 leaves.
    return address == 0 && size > 0
        ? Optional.empty()
        : Optional.of(new NativeBuffer(api, null, address, size));
  }

  static NativeBuffer calloc(RedisModuleApi api, long count, long size) {
    requireSize(count);
    requireSize(size);
    long total;
    try {
      // C multiplies in size_t and would silently wrap around: refuse instead.
      total = Math.multiplyExact(count, size);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("calloc of " + count + " * " + size + " bytes overflows");
    }
    return new NativeBuffer(api, null, api.calloc(count, size), total);
  }

  static NativeBuffer strdup(RedisModuleApi api, String text) {
    Objects.requireNonNull(text, "text");
    if (text.indexOf('\0') >= 0) {
      // The C copy would stop at the first NUL and size() would lie about what was copied.
      throw new IllegalArgumentException("strdup of a string holding a NUL character");
    }
    byte[] terminated = cString(text);
    return new NativeBuffer(api, null, api.strdup(terminated), terminated.length);
  }

  static NativeBuffer poolAlloc(Context context, long size) {
    requireSize(size);
    // PoolAlloc returns NULL for 0 bytes: an empty buffer with nothing to read or write.
    long address = size == 0 ? 0 : context.api().poolAlloc(context.pointer(), size);
    return new NativeBuffer(context.api(), context, address, size);
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative size: " + size);
    }
  }

  /**
   * {@return the number of bytes the buffer holds} For {@link Context#strdup} it includes the
   * terminating NUL, so that the whole C string, terminator and all, can be read back.
   */
  public long size() {
    checkAlive();
    return size;
  }

  /**
   * {@return the native address of the first byte, for passing the memory to native code of your
   * own; 0 for an empty pool buffer} The address is valid only as long as the buffer: until {@link
   * #close()} or {@link #realloc}, or until the command returns for a pool buffer.
   */
  public long address() {
    checkAlive();
    return address;
  }

  /**
   * {@return how many bytes the allocator really reserved for the buffer ({@code MallocSize}):
   * {@link #size()} rounded up to its size class, with its bookkeeping; 0 for an empty buffer}
   *
   * @throws UnsupportedOperationException for a pool buffer, which is a part of a larger block
   * @throws IllegalStateException when the buffer was freed
   */
  public long mallocSize() {
    return address == 0 ? checkedMalloc() : api.mallocSize(checkedMalloc());
  }

  /**
   * {@return how many bytes of the buffer the module may use ({@code MallocUsableSize}): at least
   * {@link #size()}, up to its size class; 0 for an empty buffer} Using them needs no {@link
   * #realloc}, though {@link #read} and {@link #write} stay within {@link #size()}.
   *
   * @throws UnsupportedOperationException for a pool buffer, which is a part of a larger block
   * @throws IllegalStateException when the buffer was freed
   */
  public long mallocUsableSize() {
    return address == 0 ? checkedMalloc() : api.mallocUsableSize(checkedMalloc());
  }

  /** The address of memory of its own the allocator gave, checked to be alive. */
  private long checkedMalloc() {
    checkAlive();
    if (pool != null) {
      throw new UnsupportedOperationException("a pool buffer has no allocation of its own");
    }
    return address;
  }

  /**
   * Copies {@code length} bytes starting at {@code offset} out of the buffer.
   *
   * @param offset where to start, in bytes
   * @param length how many bytes
   * @return the bytes
   * @throws IndexOutOfBoundsException unless {@code 0 <= offset} and {@code offset + length <=
   *     size()}
   * @throws IllegalStateException when the buffer was freed or its command returned
   */
  public byte[] read(long offset, int length) {
    checkAlive();
    checkRange(offset, length);
    return length == 0 ? new byte[0] : api.backend().readBytes(address + offset, length);
  }

  /**
   * Copies {@code bytes} into the buffer starting at {@code offset}.
   *
   * @param offset where to start, in bytes
   * @param bytes the bytes to write
   * @throws IndexOutOfBoundsException unless {@code 0 <= offset} and {@code offset + bytes.length
   *     <= size()}
   * @throws IllegalStateException when the buffer was freed or its command returned
   */
  public void write(long offset, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    checkAlive();
    checkRange(offset, bytes.length);
    if (bytes.length > 0) {
      api.backend().writeBytes(address + offset, bytes);
    }
  }

  /**
   * Resizes the buffer to {@code newSize} bytes ({@code Realloc}), keeping its contents up to the
   * smaller of the two sizes; bytes added at the end are not initialised. The buffer then refers to
   * the new memory: earlier {@link #address()} values are invalid. Resizing to 0 releases the
   * memory and leaves an empty buffer, which can grow again.
   *
   * @param newSize the new size in bytes
   * @throws UnsupportedOperationException for a pool buffer: Redis has no pool realloc
   * @throws IllegalStateException when the buffer was freed
   */
  public void realloc(long newSize) {
    checkAlive();
    requireSize(newSize);
    if (pool != null) {
      throw new UnsupportedOperationException("a pool buffer cannot be resized");
    }
    // Realloc(NULL, n) allocates and Realloc(p, 0) frees and returns NULL, as in C, so an empty
    // buffer (address 0) needs no special case either way.
    address = api.realloc(address, newSize);
    size = newSize;
  }

  /** The address active defrag may move, checked to be alive: 0 for an empty buffer. */
  long defragAddress() {
    checkAlive();
    if (pool != null) {
      throw new UnsupportedOperationException("a pool buffer is freed by Redis, not moved");
    }
    return address;
  }

  /** Refers to {@code moved}, where active defrag copied the bytes and freed the old memory. */
  void movedTo(long moved) {
    address = moved;
  }

  /**
   * Frees the buffer ({@code Free}); freeing twice does nothing. The close of a pool buffer does
   * nothing at all: Redis frees it when the command returns, and it stays usable until then.
   */
  @Override
  public void close() {
    if (pool != null || freed) {
      return;
    }
    freed = true;
    if (address != 0) {
      api.free(address);
    }
    address = 0;
    size = 0;
  }

  private void checkAlive() {
    if (freed) {
      throw new IllegalStateException("this NativeBuffer was freed");
    }
    if (pool != null) {
      try {
        pool.checkCall(call);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "this pool NativeBuffer was freed by Redis when its command returned", e);
      }
    }
  }

  private void checkRange(long offset, int length) {
    // Written so that no sum can overflow: offset <= size and length <= size - offset.
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      throw new IndexOutOfBoundsException(
          "range ["
              + offset
              + ", "
              + offset
              + " + "
              + length
              + ") outside a buffer of "
              + size
              + " bytes");
    }
  }

  /** A description for logs and debuggers: the size and kind, never the contents. */
  @Override
  public String toString() {
    String state = freed ? "freed" : pool != null ? "pool, " + size + " bytes" : size + " bytes";
    return "NativeBuffer[" + state + "]";
  }
}
