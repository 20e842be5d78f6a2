package io.jrm;

/**
 * A key opened for low-level access ({@code RedisModuleKey}): its type, length, expiry, and the
 * operations of each data type. Close it when done (try-with-resources) unless {@link
 * Context#autoMemory()} is on; using it after close, or after its command returned, throws
 * {@link IllegalStateException}.
 *
 * <p>Operations on a key holding another type throw {@link RedisException} with Redis's
 * {@code WRONGTYPE} error; writing through a key opened {@link KeyMode#READ} throws {@link
 * RedisException} too.
 */
public final class Key implements AutoCloseable {
  /** {@code REDISMODULE_NO_EXPIRE}: the key has no expiry. */
  public static final long NO_EXPIRE = -1;

  /** {@code REDISMODULE_ERRORMSG_WRONGTYPE}. */
  static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

  private final Context context;
  private final KeyMode mode;
  private long pointer;
  private boolean closed;

  private Key(Context context, long pointer, KeyMode mode) {
    this.context = context;
    this.pointer = pointer;
    this.mode = mode;
  }

  static Key open(Context context, RedisString name, KeyMode mode) {
    long key = context.api().openKey(context.pointer(), name.pointer(), mode.flags());
    return new Key(context, key, mode);
  }

  /** The {@code RedisModuleKey *}, 0 for a missing key opened for reading; checked to be open. */
  long pointer() {
    context.checkActive();
    if (closed) {
      throw new IllegalStateException("this Key was closed");
    }
    return pointer;
  }

  Context context() {
    return context;
  }

  KeyMode mode() {
    return mode;
  }

  /** What the key holds ({@code KeyType}). */
  public KeyType type() {
    return KeyType.of(context.api().keyType(pointer()));
  }

  /** The length of a string, or the number of elements of an aggregate ({@code ValueLength}). */
  public long valueLength() {
    return context.api().valueLength(pointer());
  }

  /** Closes the key ({@code CloseKey}); closing twice does nothing. */
  @Override
  public void close() {
    if (!closed) {
      context.api().closeKey(pointer());
      closed = true;
      pointer = 0;
    }
  }
}
