package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Redis's active defragmentation asking for the module's native memory to move ({@code
 * RedisModuleDefragCtx}): the argument of a data type's {@code defrag} method and of the module's
 * {@link DefragFunction}. Java objects need nothing of it, since the JVM's collector compacts the
 * heap; what it moves is memory from Redis's allocator that the module holds itself, a {@link
 * NativeBuffer} or a kept {@link RedisString}. JRM moves its own part of each value (its serialized
 * forms) before the type's method runs.
 *
 * <p>Valid during that call only, on the main thread. Active defragmentation runs only on a Redis
 * built with an allocator that supports it (Redis's bundled jemalloc); elsewhere nothing calls
 * these methods. See docs/data-types.md, "Active defragmentation".
 */
public final class DefragContext {
  private final Context scope;
  private final RedisModuleApi api;
  private final long defragCtx;

  DefragContext(Context scope, long defragCtx) {
    this.scope = scope;
    this.api = scope.api();
    this.defragCtx = defragCtx;
  }

  /**
   * Moves {@code buffer} to memory the allocator prefers ({@code DefragAlloc}), keeping its bytes;
   * the buffer then refers to the new memory and earlier {@link NativeBuffer#address()} values are
   * invalid.
   *
   * @param buffer a buffer of the module's own ({@link Context#alloc} and kin), not a pool buffer
   * @return whether it moved
   * @throws IllegalStateException when the buffer was freed
   * @throws UnsupportedOperationException for a pool buffer, which Redis frees itself
   */
  public boolean defragAlloc(NativeBuffer buffer) {
    long address = buffer.defragAddress();
    if (address == 0) {
      return false;
    }
    long moved = api.defragAlloc(defragCtx, address);
    if (moved == 0) {
      return false;
    }
    buffer.movedTo(moved);
    return true;
  }

  /**
   * Moves {@code string} ({@code DefragRedisModuleString}), which then refers to the new memory.
   * Redis moves only a string nothing else holds a reference to, such as a command argument the
   * module retained.
   *
   * @param string a string the module keeps ({@link RedisString#retain()})
   * @return whether it moved
   * @throws IllegalStateException when the string was freed or belongs to an earlier call
   */
  public boolean defragRedisModuleString(RedisString string) {
    long moved = api.defragRedisModuleString(defragCtx, string.pointer());
    if (moved == 0) {
      return false;
    }
    string.movedTo(moved);
    return true;
  }

  /**
   * {@return whether the time this call was given is up ({@code DefragShouldStop})} Then a data
   * type's method sets a {@link #defragCursorSet cursor} and returns true, to be called again
   * later; only a late defrag (a value whose {@code freeEffort} is over {@code
   * active-defrag-max-scan-fields}) has a time limit, so in other calls this is always false.
   */
  public boolean defragShouldStop() {
    return api.defragShouldStop(defragCtx) != 0;
  }

  /**
   * Keeps {@code cursor} for the next call on the same value ({@code DefragCursorSet}), which reads
   * it with {@link #defragCursorGet()}.
   *
   * @param cursor where to go on, as the method counts
   * @return false when this call has no cursor (not a late defrag), so the value cannot resume
   */
  public boolean defragCursorSet(long cursor) {
    return api.defragCursorSet(defragCtx, cursor) == Context.OK;
  }

  /**
   * {@return the cursor set by the previous call on this value ({@code DefragCursorGet}), 0 when it
   * starts over, empty when this call has none (not a late defrag)}
   */
  public OptionalLong defragCursorGet() {
    long[] cursor = new long[1];
    return api.defragCursorGet(defragCtx, cursor) == Context.OK
        ? OptionalLong.of(cursor[0])
        : OptionalLong.empty();
  }

  /**
   * {@return the key of the value ({@code GetKeyNameFromDefragCtx}), null when Redis does not say
   * (the module's {@link DefragFunction})}
   */
  public @Nullable RedisString keyName() {
    long name = api.getKeyNameFromDefragCtx(defragCtx);
    return name == 0 ? null : new RedisString(scope, name, false);
  }

  /**
   * {@return the database of the value ({@code GetDbIdFromDefragCtx}), -1 when Redis does not say}
   */
  public int dbId() {
    return api.getDbIdFromDefragCtx(defragCtx);
  }
}
