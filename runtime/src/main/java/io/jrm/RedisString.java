package io.jrm;

import io.jrm.internal.types.LongDoubles;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Redis string ({@code RedisModuleString}): binary-safe bytes owned by Redis.
 *
 * <p>Strings in {@code argv} belong to Redis and live until the command returns. Strings the module
 * creates ({@link Context#createString}) must be freed: {@link #close()} them, for example with
 * try-with-resources, or turn on {@link Context#autoMemory()} and Redis frees them when the command
 * returns. Using a string after it was freed, or a created one after its command returned, throws
 * {@link IllegalStateException} rather than touching freed memory.
 *
 * <p>The strings of {@code argv}, and the array, are reused from call to call (a command allocates
 * nothing for its arguments): a string of {@code argv} kept past its command without {@link
 * #retain()} is refused with {@link IllegalStateException} between calls, from another thread, and
 * in a later call with fewer arguments; in a later call with more, on the thread running it, it is
 * that call's argument at the same index (never freed memory). Retain what you keep.
 *
 * <p>To keep a string past its command (in a static field, a data structure), {@link #retain()} it:
 * it then lives, whatever auto memory says, until {@link #close()}, and later commands may use it.
 *
 * <p>Strings compare by their bytes ({@link #compareTo}). {@link #equals} stays identity: a string
 * can be appended to and dies with its command or its close, so its content makes no stable hash
 * key; compare contents with {@code a.compareTo(b) == 0} or copy {@link #bytes()}.
 */
public final class RedisString implements AutoCloseable, Comparable<RedisString> {
  private final Context context;

  /** Created by the module (rather than handed in by Redis): it may be freed and appended to. */
  private final boolean owned;

  /** Retained: holds a reference of its own, no longer bound to the context's life. */
  private boolean retained;

  private long pointer;

  /** The context's call the string belongs to ({@link Context#call()}), unless retained. */
  private int call;

  RedisString(Context context, long pointer, boolean owned) {
    this.context = context;
    this.pointer = pointer;
    this.owned = owned;
    this.call = context.call();
  }

  /**
   * Makes this reused argv wrapper ({@link CommandArguments}) the string {@code pointer} of {@code
   * call}.
   */
  void repoint(long pointer, int call) {
    this.pointer = pointer;
    this.call = call;
  }

  /** Refers to {@code moved}, where active defrag copied the string and freed the old one. */
  void movedTo(long moved) {
    pointer = moved;
  }

  /** The {@code RedisModuleString *}, checked to be alive. */
  long pointer() {
    if (pointer == 0) {
      throw new IllegalStateException("this RedisString was freed");
    }
    if (!retained) {
      context.checkCall(call);
    }
    return pointer;
  }

  /** {@return a copy of the bytes ({@code RedisModule_StringPtrLen})} */
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
   * {@return the string as a 64-bit integer ({@code RedisModule_StringToLongLong}): strict, no
   * spaces}
   *
   * @throws RedisException {@code ERR value is not an integer or out of range} otherwise
   */
  public long toLongLong() {
    long str = pointer();
    // The context's scratch (no array per call, which a typed integer parameter would allocate on
    // every command) while the string is bound to the call, on the call's thread; a retained one
    // may be used from any thread.
    long[] out = retained ? new long[1] : context.word();
    if (context.api().stringToLongLong(str, out) != Context.OK) {
      throw new RedisException("ERR value is not an integer or out of range");
    }
    return out[0];
  }

  /**
   * {@return the string as a double ({@code RedisModule_StringToDouble}): strict, no spaces, no
   * NaN}
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
   * Gives back the spare room Redis's allocator keeps after the string's bytes ({@code
   * TrimStringAllocation}), for a string kept long (retained) that was built by appending; the
   * bytes stay the same.
   */
  public void trimStringAllocation() {
    context.api().trimStringAllocation(pointer());
  }

  /**
   * {@return the string as a stream entry id ({@code RedisModule_StringToStreamID}): {@code
   * <ms>-<seq>}, or {@code <ms>} alone for {@code <ms>-0}}
   *
   * @throws RedisException {@code ERR Invalid stream ID specified as stream command argument}
   *     otherwise, the error XADD gives
   */
  public StreamId toStreamId() {
    try (NativeBuffer struct = context.alloc(StreamId.SIZE)) {
      if (context.api().stringToStreamID(pointer(), struct.address()) != Context.OK) {
        throw new RedisException("ERR Invalid stream ID specified as stream command argument");
      }
      return StreamId.of(struct.read(0, StreamId.SIZE));
    }
  }

  /**
   * {@return how much memory the string takes in Redis's allocator ({@code MallocSizeString}): its
   * object and its bytes, each as the allocator rounds it, as MEMORY USAGE counts it}
   */
  public long mallocSize() {
    return context.api().mallocSizeString(pointer());
  }

  /**
   * {@return the string, held ({@code RedisModule_HoldString}): Redis's string itself with one more
   * reference when it can share it (so no bytes are copied), else a copy; a created string to
   * close, or to {@link #retain()} to keep past its command} Under auto memory Redis frees it when
   * the command returns, as any created string. A shared string cannot be {@link #append appended}
   * to while the other reference lives.
   */
  public RedisString hold() {
    return new RedisString(context, context.api().holdString(context.pointer(), pointer()), true);
  }

  /**
   * {@return the string as an unsigned 64-bit integer ({@code RedisModule_StringToULongLong}), 0 to
   * 18446744073709551615 (leading spaces are taken, as C's {@code strtoull} takes them), in a
   * {@code long}'s bits (read it with {@link Long#toUnsignedString(long)} or {@link
   * Long#compareUnsigned})}
   *
   * @throws RedisException {@code ERR value is not an integer or out of range} otherwise (a minus
   *     sign, trailing characters)
   */
  public long toULongLong() {
    long[] out = new long[1];
    if (context.api().stringToULongLong(pointer(), out) != Context.OK) {
      throw new RedisException("ERR value is not an integer or out of range");
    }
    return out[0];
  }

  /**
   * {@return the string as a C {@code long double} ({@code RedisModule_StringToLongDouble}),
   * exactly: Java has no type of that precision, so the value comes as the {@link BigDecimal} it
   * is}
   *
   * @throws RedisException {@code ERR value is not a valid float} for what Redis refuses (NaN,
   *     spaces, a NUL inside) and for an infinity, which no BigDecimal holds
   */
  public BigDecimal toLongDouble() {
    try (NativeBuffer value = context.alloc(LongDoubles.SIZE)) {
      if (context.api().stringToLongDouble(pointer(), value.address()) != Context.OK) {
        throw new RedisException("ERR value is not a valid float");
      }
      return LongDoubles.decode(value.read(0, LongDoubles.SIZE))
          .orElseThrow(() -> new RedisException("ERR value is not a valid float"));
    }
  }

  /**
   * Compares the bytes of the two strings, unsigned and byte by byte, a prefix first ({@code
   * RedisModule_StringCompare}): -1, 0 or 1.
   */
  @Override
  public int compareTo(RedisString other) {
    Objects.requireNonNull(other, "other");
    return Integer.signum(context.api().stringCompare(pointer(), other.pointer()));
  }

  /**
   * Appends {@code bytes} to this string in place ({@code RedisModule_StringAppendBuffer}).
   *
   * @param bytes the bytes to add
   * @return this string
   * @throws RedisException when the string is not one the module created, or Redis refuses because
   *     something else holds a reference to it too (a key it was stored in, say)
   */
  public RedisString append(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    long str = pointer();
    if (!owned) {
      // Strings of argv are Redis's: changing them would change what Redis replicates and logs.
      throw new RedisException("ERR only a string the module created can be appended to");
    }
    // Redis ignores the context; a retained string may be appended to after its command.
    long ctx = retained ? 0 : context.pointer();
    if (context.api().stringAppendBuffer(ctx, str, bytes, bytes.length) != Context.OK) {
      throw new RedisException("ERR cannot append to a string that is referenced more than once");
    }
    return this;
  }

  /**
   * Appends the UTF-8 bytes of {@code text}; see {@link #append(byte[])}.
   *
   * @param text the text to add, as UTF-8
   * @return this string
   */
  public RedisString append(String text) {
    return append(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Keeps the string past its command ({@code RedisModule_RetainString}): auto memory no longer
   * frees it, and it stays usable in later commands until {@link #close()}, which must then be
   * called, also for a string of {@code argv}. Retaining a retained string does nothing.
   *
   * @return this string
   * @throws IllegalStateException when the string was freed or its command has returned already
   */
  public RedisString retain() {
    long str = pointer();
    if (retained) {
      return this;
    }
    // Take a reference of our own with no context, so that it is not tied to auto memory.
    context.api().retainString(0, str);
    if (owned) {
      // Give back the reference the string was created with, through its context: that also
      // takes it off the auto-memory list when auto memory is on, and so leaves one reference
      // either way. RetainString(ctx) alone would leave one or two references depending on auto
      // memory, and with two, close() would not free it and append() would be refused.
      context.api().freeString(context.pointer(), str);
    }
    retained = true;
    return this;
  }

  /**
   * {@return whether {@link #retain()} was called: the string then lives until {@link #close()}}
   */
  public boolean isRetained() {
    return retained;
  }

  /**
   * Frees a string the module created, or releases a retained one ({@code RedisModule_FreeString});
   * does nothing for strings of {@code argv} that were not retained and for a string already freed.
   * Under auto memory the string is freed now rather than when the command returns. A retained
   * string of {@code argv}, once closed, is an ordinary string of {@code argv} again: usable until
   * its command returns (if it has not yet), and retainable again.
   *
   * @throws IllegalStateException for a created string that is neither retained nor already freed
   *     once its command has returned (it was freed by auto memory, or should have been retained)
   */
  @Override
  public void close() {
    if (pointer == 0 || !(owned || retained)) {
      return;
    }
    if (retained) {
      // The reference retain() took has no context: release it with none, so that it may happen
      // in any later command (or none).
      context.api().freeString(0, pointer);
      retained = false;
      if (!owned) {
        // Redis's own reference to an argv string lasts until its command returns: back to that.
        return;
      }
    } else {
      context.api().freeString(context.pointer(), pointer());
    }
    pointer = 0;
  }
}
