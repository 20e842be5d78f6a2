package io.jrm.internal.types;

import io.jrm.LogLevel;
import io.jrm.RdbInput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;

/**
 * Reads a value back from its {@link Snapshot} RDB stream: how an AOF rewritten without the type's
 * own commands rebuilds values. Malformed input throws {@link RedisException}.
 */
public final class SnapshotReader implements RdbInput {
  private final ByteBuffer buffer;
  private final Function<byte[], RedisString> strings;

  /** Reads {@code bytes}; {@code strings} makes the RedisStrings that loadString returns. */
  public SnapshotReader(byte[] bytes, Function<byte[], RedisString> strings) {
    this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    this.strings = strings;
  }

  private ByteBuffer expect(byte tag) {
    try {
      byte actual = buffer.get();
      if (actual != tag) {
        throw new RedisException(
            "ERR corrupt serialized value: expected record '"
                + (char) tag
                + "' but found '"
                + (char) actual
                + "' at byte "
                + (buffer.position() - 1));
      }
      return buffer;
    } catch (BufferUnderflowException e) {
      throw new RedisException("ERR corrupt serialized value: it ends too early");
    }
  }

  @Override
  public long loadUnsigned() {
    return expect(Snapshot.UNSIGNED).getLong();
  }

  @Override
  public long loadSigned() {
    return expect(Snapshot.SIGNED).getLong();
  }

  @Override
  public RedisString loadString() {
    return strings.apply(loadStringBuffer());
  }

  @Override
  public byte[] loadStringBuffer() {
    long length = expect(Snapshot.BUFFER).getLong();
    if (length < 0 || length > buffer.remaining()) {
      throw new RedisException("ERR corrupt serialized value: a string of " + length + " bytes");
    }
    byte[] bytes = new byte[(int) length];
    buffer.get(bytes);
    return bytes;
  }

  @Override
  public double loadDouble() {
    return expect(Snapshot.DOUBLE).getDouble();
  }

  @Override
  public float loadFloat() {
    return expect(Snapshot.FLOAT).getFloat();
  }

  @Override
  public void logIOError(LogLevel level, String message) {
    throw new RedisException("ERR " + message);
  }

  /** Whether every record was read: left-over bytes mean the value is not what was written. */
  public boolean exhausted() {
    return !buffer.hasRemaining();
  }
}
