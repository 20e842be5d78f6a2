package io.jrm.internal.binding.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Native memory a thread copies Java arrays into for the length of one downcall: {@code const char
 * *} buffers and out-parameters. A stack, because a downcall can reenter Java (a type's free
 * callback during {@code ModuleTypeSetValue}) and that Java can make downcalls of its own. Arrays
 * that do not fit get memory of their own, kept reachable until the outermost downcall returns.
 */
final class FfmScratch {
  private static final long SIZE = 1 << 16;

  private static final ThreadLocal<FfmScratch> CURRENT = ThreadLocal.withInitial(FfmScratch::new);

  private final MemorySegment memory = Arena.ofAuto().allocate(SIZE, Long.BYTES);
  private final List<MemorySegment> overflow = new ArrayList<>();
  private long top;

  private FfmScratch() {}

  /** The calling thread's scratch. */
  static FfmScratch current() {
    return CURRENT.get();
  }

  /**
   * Drops the calling thread's scratch: the thread (Redis's main thread) outlives the module's
   * class loader, which its thread-local value would keep alive.
   */
  static void forget() {
    CURRENT.remove();
  }

  /** Where the stack stands, for {@link #release}. */
  long mark() {
    return top;
  }

  /** Frees what was copied in since {@code mark}. */
  void release(long mark) {
    top = mark;
    if (mark == 0) {
      overflow.clear();
    }
  }

  /**
   * Copies a {@code byte[]}, {@code long[]}, {@code int[]} or {@code double[]} in; its address (0,
   * C's NULL, for null).
   */
  long copyIn(Object array) {
    if (array == null) {
      return 0;
    }
    long size = sizeOf(array);
    long offset = (top + Long.BYTES - 1) & -Long.BYTES;
    MemorySegment target;
    if (offset + size <= SIZE) {
      target = memory;
      top = offset + size;
    } else {
      target = Arena.ofAuto().allocate(size, Long.BYTES);
      overflow.add(target);
      offset = 0;
    }
    if (array instanceof byte[] bytes) {
      MemorySegment.copy(bytes, 0, target, ValueLayout.JAVA_BYTE, offset, bytes.length);
    } else if (array instanceof long[] longs) {
      MemorySegment.copy(longs, 0, target, ValueLayout.JAVA_LONG, offset, longs.length);
    } else if (array instanceof int[] ints) {
      MemorySegment.copy(ints, 0, target, ValueLayout.JAVA_INT, offset, ints.length);
    } else {
      double[] doubles = (double[]) array;
      MemorySegment.copy(doubles, 0, target, ValueLayout.JAVA_DOUBLE, offset, doubles.length);
    }
    return target.address() + offset;
  }

  /** Copies what C wrote at {@code address} back into an out-parameter array. */
  static void copyBack(Object array, long address) {
    if (array instanceof long[] longs) {
      MemorySegment.copy(
          FfmBackend.MEMORY, ValueLayout.JAVA_LONG_UNALIGNED, address, longs, 0, longs.length);
    } else if (array instanceof int[] ints) {
      MemorySegment.copy(
          FfmBackend.MEMORY, ValueLayout.JAVA_INT_UNALIGNED, address, ints, 0, ints.length);
    } else if (array instanceof double[] doubles) {
      MemorySegment.copy(
          FfmBackend.MEMORY,
          ValueLayout.JAVA_DOUBLE_UNALIGNED,
          address,
          doubles,
          0,
          doubles.length);
    }
  }

  private static long sizeOf(Object array) {
    if (array instanceof byte[] bytes) {
      return bytes.length;
    } else if (array instanceof long[] longs) {
      return (long) longs.length * Long.BYTES;
    } else if (array instanceof int[] ints) {
      return (long) ints.length * Integer.BYTES;
    } else if (array instanceof double[] doubles) {
      return (long) doubles.length * Double.BYTES;
    }
    throw new IllegalArgumentException("cannot pass a " + array.getClass().getName() + " to C");
  }
}
