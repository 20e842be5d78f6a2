package io.jrm;

import java.nio.charset.StandardCharsets;

/**
 * A Redis string ({@code RedisModuleString}): binary-safe bytes owned by Redis.
 *
 * <p>Strings in {@code argv} belong to Redis and live until the command returns. Strings the module
 * creates ({@link Context#createString}) must be freed: {@link #close()} them, for example with
 * try-with-resources, or turn on {@link Context#autoMemory()} and Redis frees them when the
 * command returns. Using a string after it was freed, or after its command returned, throws {@link
 * IllegalStateException} rather than touching freed memory.
 */
public final class RedisString implements AutoCloseable {
  private final Context context;
  private final boolean owned;
  private long pointer;

  RedisString(Context context, long pointer, boolean owned) {
    this.context = context;
    this.pointer = pointer;
    this.owned = owned;
  }

  /** The {@code RedisModuleString *}, checked to be alive. */
  long pointer() {
    context.checkActive();
    if (pointer == 0) {
      throw new IllegalStateException("this RedisString was freed");
    }
    return pointer;
  }

  /** A copy of the bytes ({@code RedisModule_StringPtrLen}). */
  public byte[] bytes() {
    long[] length = new long[1];
    return context.api().copyOut(context.api().stringPtrLen(pointer(), length), length);
  }

  /** The bytes decoded as UTF-8. */
  @Override
  public String toString() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /**
   * The string as a 64-bit integer ({@code RedisModule_StringToLongLong}): strict, no spaces.
   *
   * @throws RedisException {@code ERR value is not an integer or out of range} otherwise
   */
  public long toLongLong() {
    long[] out = new long[1];
    if (context.api().stringToLongLong(pointer(), out) != Context.OK) {
      throw new RedisException("ERR value is not an integer or out of range");
    }
    return out[0];
  }

  /**
   * The string as a double ({@code RedisModule_StringToDouble}): strict, no spaces, no NaN.
   *
   * @throws RedisException {@code ERR value is not a valid float} otherwise
   */
  public double toDouble() {
    double[] out = new double[1];
    if (context.api().stringToDouble(pointer(), out) != Context.OK) {
      throw new RedisException("ERR value is not a valid float");
    }
    return out[0];
  }

  /**
   * Frees a string the module created ({@code RedisModule_FreeString}); does nothing for strings
   * of {@code argv} and for a string already freed.
   */
  @Override
  public void close() {
    if (owned && pointer != 0) {
      context.api().freeString(context.pointer(), pointer());
      pointer = 0;
    }
  }
}
