package io.jrm.internal.types;

import io.jrm.RdbOutput;
import io.jrm.RedisString;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Records {@code Save*} calls in the {@link Snapshot} RDB format. With {@code canonical}, it is the
 * output of digests and of canonical ordering, where unordered collections are sorted: that output
 * keeps the fixed-width records of format version 2, so that digests and the order they depend on
 * stay what earlier versions computed (nothing reads it back).
 */
public final class SnapshotWriter implements RdbOutput {
  /**
   * The largest buffer {@link #clear} keeps: one writer can then serve value after value without a
   * buffer of its own for each, and a value of megabytes does not leave its buffer behind.
   */
  private static final int KEPT_CAPACITY = 64 * 1024;

  private boolean canonical;
  private ByteBuffer buffer = newBuffer(64);

  public SnapshotWriter(boolean canonical) {
    this.canonical = canonical;
  }

  @Override
  public boolean canonical() {
    return canonical;
  }

  /**
   * Empties the writer for a new stream, as if new (with {@code canonical} as its constructor's),
   * keeping its buffer up to {@link #KEPT_CAPACITY}.
   *
   * @param canonical whether the new stream is canonical
   */
  public void clear(boolean canonical) {
    this.canonical = canonical;
    if (buffer.capacity() > KEPT_CAPACITY) {
      buffer = newBuffer(64);
    }
    buffer.clear();
  }

  private static ByteBuffer newBuffer(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  private ByteBuffer room(int bytes) {
    if (buffer.remaining() < bytes) {
      int capacity = Math.max(buffer.capacity() * 2, buffer.position() + bytes);
      buffer = newBuffer(capacity).put(buffer.flip());
    }
    return buffer;
  }

  @Override
  public void saveUnsigned(long value) {
    word(Snapshot.UNSIGNED, value);
  }

  @Override
  public void saveSigned(long value) {
    word(Snapshot.SIGNED, canonical ? value : Snapshot.zigzag(value));
  }

  /** A record of {@code tag} and a 64-bit word, as a varint unless canonical. */
  private void word(byte tag, long word) {
    ByteBuffer out = room(1 + Snapshot.MAX_VARINT_BYTES).put(tag);
    if (canonical) {
      out.putLong(word);
      return;
    }
    while ((word & ~0x7FL) != 0) {
      out.put((byte) (word | 0x80));
      word >>>= 7;
    }
    out.put((byte) word);
  }

  @Override
  public void saveString(RedisString value) {
    saveStringBuffer(value.bytes());
  }

  @Override
  public void saveStringBuffer(byte[] value) {
    word(Snapshot.BUFFER, value.length);
    room(value.length).put(value);
  }

  @Override
  public void saveDouble(double value) {
    room(9).put(Snapshot.DOUBLE).putDouble(value);
  }

  @Override
  public void saveFloat(float value) {
    room(5).put(Snapshot.FLOAT).putFloat(value);
  }

  @Override
  public void saveLongDouble(BigDecimal value) {
    room(1 + LongDoubles.SIZE).put(Snapshot.LONG_DOUBLE).put(LongDoubles.encode(value));
  }

  /** Starts an RDB stream: its format {@link Snapshot#VERSION}, before any record. */
  public void saveFormatVersion() {
    room(1).put(Snapshot.VERSION);
  }

  /** Records one AOF command in the {@link Snapshot} AOF format; a null argument is the key. */
  public void command(byte[][] arguments) {
    room(5).put(Snapshot.COMMAND).putInt(arguments.length);
    for (byte[] argument : arguments) {
      if (argument == null) {
        room(8).putLong(Snapshot.KEY);
      } else {
        room(8 + argument.length).putLong(argument.length).put(argument);
      }
    }
  }

  /** A copy of what was recorded. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer.array(), buffer.position()); // allocate() made it: offset 0
  }
}
