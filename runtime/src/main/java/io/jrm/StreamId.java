package io.jrm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A stream entry's id ({@code RedisModuleStreamID}), {@code <ms>-<seq>} as XADD writes it: both
 * parts unsigned 64-bit numbers, held in a {@code long}'s bits (print them with {@link
 * Long#toUnsignedString(long)}). Read from a string with {@link RedisString#toStreamId()}, written
 * with {@link Context#createString(StreamId)}.
 *
 * @param ms the milliseconds part
 * @param seq the sequence number within that millisecond
 */
public record StreamId(long ms, long seq) {
  // The C struct's layout (two uint64_t), which StubAbiTest checks against the stub's declaration.
  static final int SIZE = 16;
  static final int MS = 0;
  static final int SEQ = 8;

  /** {@return the id as Redis writes it, {@code <ms>-<seq>}, both unsigned} */
  @Override
  public String toString() {
    return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
  }

  /** The struct's {@link #SIZE} bytes. */
  byte[] struct() {
    return ByteBuffer.allocate(SIZE)
        .order(ByteOrder.nativeOrder())
        .putLong(MS, ms)
        .putLong(SEQ, seq)
        .array();
  }

  /** The id a struct holds. */
  static StreamId of(byte[] struct) {
    ByteBuffer in = ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder());
    return new StreamId(in.getLong(MS), in.getLong(SEQ));
  }
}
