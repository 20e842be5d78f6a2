package io.jrm.internal.types;

import io.jrm.RdbOutput;
import io.jrm.RedisString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Records {@code Save*} calls in the {@link Snapshot} RDB format. With {@code canonical}, it is the
 * output of digests and of canonical ordering, where unordered collections are sorted.
 */
public final class SnapshotWriter implements RdbOutput {
  private final boolean canonical;
  private ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);

  public SnapshotWriter(boolean canonical) {
    this.canonical = canonical;
  }

  @Override
  public boolean canonical() {
    return canonical;
  }

  private ByteBuffer room(int bytes) {
    if (buffer.remaining() < bytes) {
      int capacity = Math.max(buffer.capacity() * 2, buffer.position() + bytes);
      buffer = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN).put(buffer.flip());
    }
    return buffer;
  }

  @Override
  public void saveUnsigned(long value) {
    room(9).put(Snapshot.UNSIGNED).putLong(value);
  }

  @Override
  public void saveSigned(long value) {
    room(9).put(Snapshot.SIGNED).putLong(value);
  }

  @Override
  public void saveString(RedisString value) {
    saveStringBuffer(value.bytes());
  }

  @Override
  public void saveStringBuffer(byte[] value) {
    room(9 + value.length).put(Snapshot.BUFFER).putLong(value.length).put(value);
  }

  @Override
  public void saveDouble(double value) {
    room(9).put(Snapshot.DOUBLE).putDouble(value);
  }

  @Override
  public void saveFloat(float value) {
    room(5).put(Snapshot.FLOAT).putFloat(value);
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
    byte[] bytes = new byte[buffer.position()];
    buffer.duplicate().flip().get(bytes);
    return bytes;
  }
}
