package io.jrm;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Direct access to the bytes of a string key ({@code RedisModule_StringDMA}), from {@link
 * Key#stringDma}: reads and writes go straight to the value Redis stores, without copying the whole
 * string. Writes need a view taken with {@link KeyMode#WRITE} or {@link KeyMode#READ_WRITE}.
 *
 * <p>The C pointer behind the view dies with any change to the key, so the view does too: after
 * {@link Key#stringTruncate}, any other write through the key, a newer writable view, or the key's
 * close, every method but {@link #isValid()} throws {@link IllegalStateException} instead of
 * touching memory that may be gone. Call {@link Key#stringDma} again to go on. Changing the key by
 * other means while a view is in use (say {@link Context#call} of {@code SET}) is, as in C, not
 * allowed and not detected.
 */
public final class StringDma {
  // The key's context, call and slot rather than the Key: see KeyStates.
  private final Context context;
  private final int call;
  private final int slot;
  private final long pointer;
  private final int length;
  private final boolean writable;
  // The slot's state when the view was taken: any other now means the key was written or closed.
  private final long state;

  StringDma(
      Context context, int call, int slot, long state, long pointer, int length, boolean writable) {
    this.context = context;
    this.call = call;
    this.slot = slot;
    this.pointer = pointer;
    this.length = length;
    this.writable = writable;
    this.state = state;
  }

  /**
   * {@return whether the view still reflects the key: no write, truncate or close since it was
   * taken}
   */
  public boolean isValid() {
    return context.call() == call && context.keyStates().state(slot) == state;
  }

  /** {@return whether the view was taken for writing} */
  public boolean isWritable() {
    return writable;
  }

  /** {@return the length of the string, in bytes, when the view was taken} */
  public int length() {
    check();
    return length;
  }

  /** {@return a copy of all the bytes} */
  public byte[] bytes() {
    return read(0, length());
  }

  /**
   * A copy of {@code count} bytes from {@code offset}.
   *
   * @param offset where to start, in bytes
   * @param count how many bytes
   * @return the bytes
   * @throws IndexOutOfBoundsException when the range is not within the string
   */
  public byte[] read(int offset, int count) {
    check();
    Objects.checkFromIndexSize(offset, count, length);
    if (count == 0) {
      return new byte[0];
    }
    return context.api().backend().readBytes(pointer + offset, count);
  }

  /** Reads into {@code into}: {@link #read} without a new array, for the one-byte accessors. */
  private void readInto(int offset, byte[] into) {
    check();
    Objects.checkFromIndexSize(offset, into.length, length);
    context.api().backend().readBytes(pointer + offset, into);
  }

  /**
   * The byte at {@code index}.
   *
   * @param index the byte's position
   * @return the byte
   * @throws IndexOutOfBoundsException when there is no such byte
   */
  public byte get(int index) {
    byte[] one = context.oneByte();
    readInto(index, one);
    return one[0];
  }

  /**
   * Writes {@code bytes} at {@code offset}, into the key itself. The string does not grow: make
   * room with {@link Key#stringTruncate} first (then take a new view).
   *
   * @param offset where to start, in bytes
   * @param bytes the bytes to write
   * @throws UnsupportedOperationException when the view was taken for reading only
   * @throws IndexOutOfBoundsException when the bytes do not fit within the string
   */
  public void write(int offset, byte[] bytes) {
    check();
    if (!writable) {
      // A read-only view may point at a shared value or at Redis's read-only empty literal.
      throw new UnsupportedOperationException("this StringDMA view was taken for reading only");
    }
    Objects.checkFromIndexSize(offset, bytes.length, length);
    if (bytes.length > 0) {
      context.api().backend().writeBytes(pointer + offset, bytes);
    }
  }

  /**
   * Writes one byte at {@code index}; see {@link #write}.
   *
   * @param index the byte's position
   * @param value the byte
   */
  public void put(int index, byte value) {
    byte[] one = context.oneByte();
    one[0] = value;
    write(index, one);
  }

  /** The bytes decoded as UTF-8, or a note that the view is no longer valid. */
  @Override
  public String toString() {
    return isValid() ? new String(bytes(), StandardCharsets.UTF_8) : "StringDma[invalid]";
  }

  private void check() {
    context.checkCall(call); // a finished command, with the clearer message
    long now = context.keyStates().state(slot);
    if (now != state) {
      throw new IllegalStateException(
          KeyStates.isClosed(now)
              ? "this Key was closed"
              : "this StringDMA view is stale: the key was written since; call stringDma again");
    }
  }
}
