package io.jrm.internal.binding.jni;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Native memory a thread copies Java arrays into for the length of one downcall: {@code const char
 * *} buffers and out-parameters. A stack, because a downcall can reenter Java (a type's free
 * callback during {@code ModuleTypeSetValue}) and that Java can make downcalls of its own.
 */
final class Scratch {
  private static final int INITIAL = 4096;

  /** Larger arrays get memory of their own rather than growing every thread's scratch for good. */
  private static final int LARGEST_KEPT = 1 << 16;

  private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

  private ByteBuffer buffer;
  private long address;
  private int top;

  /** Memory of the arrays that did not fit, kept reachable until the outermost downcall returns. */
  private final List<ByteBuffer> overflow = new ArrayList<>();

  private Scratch() {
    allocate(INITIAL);
  }

  /** The calling thread's scratch. */
  static Scratch current() {
    return CURRENT.get();
  }

  /** Where the stack stands, for {@link #release}. */
  int mark() {
    return top;
  }

  /** Frees what was copied in since {@code mark}. */
  void release(int mark) {
    top = mark;
    if (mark == 0) {
      overflow.clear();
    }
  }

  /** Copies a {@code byte[]}, {@code long[]}, {@code int[]} or {@code double[]} in; its address. */
  long copyIn(Object array) {
    int size = sizeOf(array);
    int offset = (top + Long.BYTES - 1) & -Long.BYTES;
    if (offset + size > buffer.capacity() && top == 0 && size <= LARGEST_KEPT) {
      allocate(Math.max(size, buffer.capacity() * 2));
      offset = 0;
    }
    ByteBuffer target = buffer;
    long base = address;
    if (offset + size <= buffer.capacity()) {
      top = offset + size;
    } else {
      target = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
      overflow.add(target);
      base = JniDowncalls.bufferAddress(target);
      offset = 0;
    }
    write(target, offset, array);
    return base + offset;
  }

  /** Copies what C wrote at {@code address} back into an out-parameter array. */
  void copyBack(Object array, long address) {
    long offset = address - this.address;
    if (offset < 0 || offset + sizeOf(array) > buffer.capacity()) {
      copyBackFromOverflow(array, address);
      return;
    }
    int at = (int) offset;
    if (array instanceof long[] longs) {
      for (int i = 0; i < longs.length; i++) {
        longs[i] = buffer.getLong(at + i * Long.BYTES);
      }
    } else if (array instanceof int[] ints) {
      for (int i = 0; i < ints.length; i++) {
        ints[i] = buffer.getInt(at + i * Integer.BYTES);
      }
    } else if (array instanceof double[] doubles) {
      for (int i = 0; i < doubles.length; i++) {
        doubles[i] = buffer.getDouble(at + i * Double.BYTES);
      }
    }
  }

  private static void copyBackFromOverflow(Object array, long address) {
    byte[] bytes = new byte[sizeOf(array)];
    JniDowncalls.readBytes(address, bytes);
    ByteBuffer read = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    if (array instanceof long[] longs) {
      read.asLongBuffer().get(longs);
    } else if (array instanceof int[] ints) {
      read.asIntBuffer().get(ints);
    } else if (array instanceof double[] doubles) {
      read.asDoubleBuffer().get(doubles);
    }
  }

  private void allocate(int capacity) {
    buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    address = JniDowncalls.bufferAddress(buffer);
  }

  private static int sizeOf(Object array) {
    if (array instanceof byte[] bytes) {
      return bytes.length;
    } else if (array instanceof long[] longs) {
      return longs.length * Long.BYTES;
    } else if (array instanceof int[] ints) {
      return ints.length * Integer.BYTES;
    } else if (array instanceof double[] doubles) {
      return doubles.length * Double.BYTES;
    }
    throw new IllegalArgumentException("cannot pass a " + array.getClass().getName() + " to C");
  }

  private static void write(ByteBuffer target, int offset, Object array) {
    if (array instanceof byte[] bytes) {
      target.put(offset, bytes);
    } else if (array instanceof long[] longs) {
      for (int i = 0; i < longs.length; i++) {
        target.putLong(offset + i * Long.BYTES, longs[i]);
      }
    } else if (array instanceof int[] ints) {
      for (int i = 0; i < ints.length; i++) {
        target.putInt(offset + i * Integer.BYTES, ints[i]);
      }
    } else {
      double[] doubles = (double[]) array;
      for (int i = 0; i < doubles.length; i++) {
        target.putDouble(offset + i * Double.BYTES, doubles[i]);
      }
    }
  }
}
