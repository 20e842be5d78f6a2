package io.jrm.internal.binding.jni;

import io.jrm.internal.binding.NativeScratch;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * The jni backend's {@link NativeScratch} ({@link JniScratchCalls}): memory of {@code
 * sun.misc.Unsafe}'s, freed by a cleaner once the thread's scratch is unreachable.
 */
final class JniScratch extends NativeScratch {
  private static final ThreadLocal<JniScratch> CURRENT = ThreadLocal.withInitial(JniScratch::new);

  /** Frees a thread's memory once its scratch is unreachable (the thread ended, or forgot it). */
  private static final Cleaner CLEANER = Cleaner.create();

  private final long memory = UnsafeMemory.allocate(SIZE);
  private final List<Long> overflow = new ArrayList<>();

  private JniScratch() {
    long address = memory;
    CLEANER.register(this, () -> UnsafeMemory.free(address));
  }

  /** The calling thread's scratch. */
  static JniScratch current() {
    return CURRENT.get();
  }

  /**
   * Drops the calling thread's scratch: the thread (Redis's main thread) outlives the module's
   * class loader, which its thread-local value would keep alive.
   */
  static void forget() {
    CURRENT.remove();
  }

  /** Copies what C wrote at {@code address} back into an out-parameter array (none for null). */
  static void copyBack(Object array, long address) {
    if (array != null) {
      UnsafeMemory.copyOut(address, array, sizeOf(array));
    }
  }

  @Override
  protected long base() {
    return memory;
  }

  @Override
  protected long overflow(long size) {
    long address = UnsafeMemory.allocate(Math.max(size, 1));
    overflow.add(address);
    return address;
  }

  @Override
  protected void releaseOverflow() {
    if (!overflow.isEmpty()) {
      overflow.forEach(UnsafeMemory::free);
      overflow.clear();
    }
  }

  @Override
  protected void write(Object array, long address) {
    UnsafeMemory.copyIn(array, address, sizeOf(array));
  }
}
