package io.jrm.internal.types;

import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RdbInput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a value back from its {@link Snapshot} RDB stream: how an AOF rewritten without the type's
 * own commands rebuilds values. Malformed input throws {@link RedisException}.
 */
public final class SnapshotReader implements RdbInput {
  private final ByteBuffer buffer;
  private final Context context;

  /** Whether the numbers of 'U', 'S' and 'B' records are varints (format version 3 on). */
  private final boolean varints;

  /**
   * Reads {@code bytes}, of any format version up to {@link Snapshot#VERSION}; {@code context}
   * makes the RedisStrings that loadString returns, and is the load's {@link #context()}, so that a
   * type's rdbLoad may allocate native memory (a COPY, a restore) as in a load Redis makes.
   */
  public SnapshotReader(byte[] bytes, Context context) {
    this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    this.context = context;
    byte version = 0;
    if (buffer.hasRemaining() && !Snapshot.isRecordTag(buffer.get(0))) {
      version = buffer.get();
      if (version < 1 || version > Snapshot.VERSION) {
        throw new RedisException(
            "ERR serialized value of format version "
                + (version & 0xff)
                + ": this JRM reads versions 0 to "
                + Snapshot.VERSION
                + "; upgrade JRM to load it");
      }
    }
    this.varints = version >= Snapshot.FIRST_VARINT_VERSION;
  }

  /** The buffer positioned after a {@code tag} record header with {@code size} bytes to read. */
  private ByteBuffer expect(byte tag, int size) {
    if (buffer.remaining() < 1 + size) {
      throw new RedisException("ERR corrupt serialized value: it ends too early");
    }
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
  }

  /** The number of a {@code tag} record: a varint, or 8 bytes before format version 3. */
  private long word(byte tag) {
    if (!varints) {
      return expect(tag, Long.BYTES).getLong();
    }
    ByteBuffer in = expect(tag, 1);
    long word = 0;
    for (int shift = 0; shift < Long.SIZE; shift += 7) {
      if (!in.hasRemaining()) {
        break;
      }
      byte b = in.get();
      word |= (b & 0x7FL) << shift;
      if (b >= 0) {
        return word;
      }
    }
    throw new RedisException(
        "ERR corrupt serialized value: a number of record '"
            + (char) tag
            + "' ends too early or has more than 64 bits");
  }

  @Override
  public long loadUnsigned() {
    return word(Snapshot.UNSIGNED);
  }

  @Override
  public long loadSigned() {
    long word = word(Snapshot.SIGNED);
    return varints ? Snapshot.unzigzag(word) : word;
  }

  @Override
  public RedisString loadString() {
    return context.createString(loadStringBuffer());
  }

  @Override
  public Context context() {
    return context;
  }

  @Override
  public byte[] loadStringBuffer() {
    long length = word(Snapshot.BUFFER);
    if (length < 0 || length > buffer.remaining()) {
      throw new RedisException("ERR corrupt serialized value: a string of " + length + " bytes");
    }
    byte[] bytes = new byte[(int) length];
    buffer.get(bytes);
    return bytes;
  }

  @Override
  public double loadDouble() {
    return expect(Snapshot.DOUBLE, Double.BYTES).getDouble();
  }

  @Override
  public float loadFloat() {
    return expect(Snapshot.FLOAT, Float.BYTES).getFloat();
  }

  @Override
  public BigDecimal loadLongDouble() {
    byte[] bytes = new byte[LongDoubles.SIZE];
    expect(Snapshot.LONG_DOUBLE, LongDoubles.SIZE).get(bytes);
    return LongDoubles.decode(bytes)
        .orElseThrow(
            () -> new RedisException("ERR corrupt serialized value: an infinite long double"));
  }

  @Override
  public void logIoError(LogLevel level, String message) {
    throw new RedisException("ERR " + message);
  }

  /** Whether every record was read: left-over bytes mean the value is not what was written. */
  public boolean exhausted() {
    return !buffer.hasRemaining();
  }
}
