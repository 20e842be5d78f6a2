package io.jrm.internal.types;

import io.jrm.RdbOutput;
import io.jrm.RedisString;

/**
 * Counts the bytes a {@link SnapshotWriter} would record for the same {@code Save*} calls, without
 * holding them: the encoded size of a big value costs no buffer of that size, which a heap that is
 * nearly full (when {@code MEMORY USAGE} matters most) could not give.
 */
public final class SnapshotSize implements RdbOutput {
  private static final int TAG = Byte.BYTES;

  private long bytes;

  /** The bytes counted so far. */
  public long bytes() {
    return bytes;
  }

  @Override
  public void saveUnsigned(long value) {
    bytes += TAG + Long.BYTES;
  }

  @Override
  public void saveSigned(long value) {
    bytes += TAG + Long.BYTES;
  }

  @Override
  public void saveString(RedisString value) {
    saveStringBuffer(value.bytes());
  }

  @Override
  public void saveStringBuffer(byte[] value) {
    bytes += TAG + Long.BYTES + value.length;
  }

  @Override
  public void saveDouble(double value) {
    bytes += TAG + Double.BYTES;
  }

  @Override
  public void saveFloat(float value) {
    bytes += TAG + Float.BYTES;
  }
}
