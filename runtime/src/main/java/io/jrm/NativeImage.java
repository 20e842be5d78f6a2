package io.jrm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * C structs laid out in one block before its address is known: pointers inside the block are
 * recorded as offsets and fixed up by {@link #bytes(long)}, so the block is one allocation and one
 * copy into native memory.
 */
final class NativeImage {
  private ByteBuffer buffer = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
  private int size;

  /** Offsets of pointer fields, and the offset each points to. */
  private final List<int[]> pointers = new ArrayList<>();

  /** {@return the offset of {@code bytes} new zeroed bytes, 8-aligned} */
  int reserve(int bytes) {
    int at = (size + 7) & ~7;
    size = at + bytes;
    if (size > buffer.capacity()) {
      ByteBuffer grown =
          ByteBuffer.allocate(Math.max(size, 2 * buffer.capacity())).order(ByteOrder.nativeOrder());
      grown.put(buffer.array(), 0, buffer.capacity());
      buffer = grown;
    }
    return at;
  }

  void putInt(int at, int value) {
    buffer.putInt(at, value);
  }

  void putLong(int at, long value) {
    buffer.putLong(at, value);
  }

  /** Points the field at {@code at} to offset {@code target} of this image. */
  void putPointer(int at, int target) {
    pointers.add(new int[] {at, target});
  }

  /** Points the field at {@code at} to a NUL-terminated copy of {@code text}; null leaves NULL. */
  void putString(int at, @Nullable String text) {
    if (text != null) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      int target = reserve(utf8.length + 1);
      buffer.put(target, utf8);
      putPointer(at, target);
    }
  }

  int size() {
    return size;
  }

  /** {@return the image as it must be at native address {@code base}} */
  byte[] bytes(long base) {
    for (int[] pointer : pointers) {
      buffer.putLong(pointer[0], base + pointer[1]);
    }
    byte[] bytes = new byte[size];
    buffer.get(0, bytes);
    return bytes;
  }
}
