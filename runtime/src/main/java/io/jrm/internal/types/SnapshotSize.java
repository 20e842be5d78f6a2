package io.jrm.internal.types;

import io.jrm.RdbOutput;
import io.jrm.RedisString;
import java.math.BigDecimal;

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

  /** One record: its tag and {@code payload} bytes. */
  private void record(long payload) {
    bytes += TAG + payload;
  }

  @Override
  public void saveUnsigned(long value) {
    record(Long.BYTES);
  }

  @Override
  public void saveSigned(long value) {
    record(Long.BYTES);
  }

  @Override
  public void saveString(RedisString value) {
    saveStringBuffer(value.bytes());
  }

  @Override
  public void saveStringBuffer(byte[] value) {
    record(Long.BYTES + value.length);
  }

  @Override
  public void saveDouble(double value) {
    record(Double.BYTES);
  }

  @Override
  public void saveFloat(float value) {
    record(Float.BYTES);
  }

  @Override
  public void saveLongDouble(BigDecimal value) {
    record(LongDoubles.SIZE);
  }
}
