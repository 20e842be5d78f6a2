package io.jrm.internal.binding.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Native memory a thread copies Java arrays into for the length of one downcall: {@code const char
 * *} buffers and out-parameters. A stack, because a downcall can reenter Java (a type's free
 * callback during {@code ModuleTypeSetValue}) and that Java can make downcalls of its own. Arrays
 * that do not fit get memory of their own, freed by the garbage collector once unreachable.
 */
final class FfmScratch {
  private static final long SIZE = 1 << 16;

  private static final ThreadLocal<FfmScratch> CURRENT = ThreadLocal.withInitial(FfmScratch::new);

  private final MemorySegment memory = Arena.ofAuto().allocate(SIZE, Long.BYTES);
  private long top;

  private FfmScratch() {}

  /** The calling thread's scratch. */
  static FfmScratch current() {
    return CURRENT.get();
  }

  /** Where the stack stands, for {@link #release}. */
  long mark() {
    return top;
  }

  /** Frees what was copied in since {@code mark}. */
  void release(long mark) {
    top = mark;
  }

  /**
   * Copies a {@code byte[]}, {@code long[]}, {@code int[]} or {@code double[]} in; the memory, to
   * keep reachable until the call returns and to {@link #copyBack} from.
   */
  MemorySegment copyIn(Object array) {
    ValueLayout layout = layoutOf(array);
    int length = java.lang.reflect.Array.getLength(array);
    long size = layout.byteSize() * length;
    long offset = (top + Long.BYTES - 1) & -Long.BYTES;
    MemorySegment target;
    if (offset + size <= SIZE) {
      target = memory.asSlice(offset, size);
      top = offset + size;
    } else {
      target = Arena.ofAuto().allocate(size, Long.BYTES);
    }
    MemorySegment.copy(array, 0, target, layout, 0, length);
    return target;
  }

  /** Copies what C wrote to {@code memory} back into the out-parameter array it was copied from. */
  static void copyBack(MemorySegment memory, Object array) {
    ValueLayout layout = layoutOf(array);
    MemorySegment.copy(memory, layout, 0, array, 0, java.lang.reflect.Array.getLength(array));
  }

  private static ValueLayout layoutOf(Object array) {
    if (array instanceof byte[]) {
      return ValueLayout.JAVA_BYTE;
    } else if (array instanceof long[]) {
      return ValueLayout.JAVA_LONG;
    } else if (array instanceof int[]) {
      return ValueLayout.JAVA_INT;
    } else if (array instanceof double[]) {
      return ValueLayout.JAVA_DOUBLE;
    }
    throw new IllegalArgumentException("cannot pass a " + array.getClass().getName() + " to C");
  }
}
