package io.jrm.internal.binding.ffm;

import io.jrm.internal.binding.NativeScratch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The ffm backend's {@link NativeScratch}: a segment of an automatic arena per thread, and one per
 * array that does not fit, kept reachable until the outermost downcall returns.
 */
final class FfmScratch extends NativeScratch {
  private static final ThreadLocal<FfmScratch> CURRENT = ThreadLocal.withInitial(FfmScratch::new);

  private final MemorySegment memory = Arena.ofAuto().allocate(SIZE, Long.BYTES);
  private final List<MemorySegment> overflow = new ArrayList<>();

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

  @Override
  protected long base() {
    return memory.address();
  }

  @Override
  protected long overflow(long size) {
    MemorySegment segment = Arena.ofAuto().allocate(size, Long.BYTES);
    overflow.add(segment);
    return segment.address();
  }

  @Override
  protected void releaseOverflow() {
    overflow.clear();
  }

  @Override
  protected void write(Object array, long address) {
    MemorySegment target = FfmBackend.MEMORY;
    if (array instanceof byte[] bytes) {
      MemorySegment.copy(bytes, 0, target, ValueLayout.JAVA_BYTE, address, bytes.length);
    } else if (array instanceof long[] longs) {
      MemorySegment.copy(longs, 0, target, ValueLayout.JAVA_LONG_UNALIGNED, address, longs.length);
    } else if (array instanceof int[] ints) {
      MemorySegment.copy(ints, 0, target, ValueLayout.JAVA_INT_UNALIGNED, address, ints.length);
    } else {
      double[] doubles = (double[]) array;
      MemorySegment.copy(
          doubles, 0, target, ValueLayout.JAVA_DOUBLE_UNALIGNED, address, doubles.length);
    }
  }
}
