package io.jrm.internal.binding.jni;

import java.lang.reflect.Field;

/**
 * Native memory read and written with {@code sun.misc.Unsafe}, whose accessors the JIT compiles to
 * plain loads and stores: the jni backend's memory access on Java 17 to 22. Every JNI native costs
 * a transition to native code and back (about 20 ns with the array checks), and a command reads its
 * argv and a StringDMA view's bytes through them: on BENCH.COUNTER that was three of its eight
 * native calls. From Java 23 on the memory methods of {@code sun.misc.Unsafe} are deprecated for
 * removal (JEP 471) and warn on first use from 24 (JEP 498), so there the backend keeps the stub's
 * natives ({@link JniDowncalls}); Java 22 and later default to the ffm backend anyway.
 */
final class UnsafeMemory {
  /** The first Java release whose Unsafe memory methods are deprecated for removal. */
  private static final int DEPRECATED_IN = 23;

  /** Null where it may not be used: not even looked at then, since any use warns from 24 on. */
  private static final sun.misc.Unsafe UNSAFE =
      Runtime.version().feature() < DEPRECATED_IN ? find() : null;

  private static final long BYTES = arrayBase(byte[].class);

  private static final long LONGS = arrayBase(long[].class);

  private static final long INTS = arrayBase(int[].class);

  private static final long DOUBLES = arrayBase(double[].class);

  private UnsafeMemory() {}

  /**
   * Whether this JVM's Unsafe may be used: found, and before its memory methods were deprecated.
   */
  static boolean available() {
    return UNSAFE != null;
  }

  static long readWord(long address) {
    return UNSAFE.getLong(address);
  }

  static void readWords(long address, long[] words) {
    UNSAFE.copyMemory(null, address, words, LONGS, (long) words.length * Long.BYTES);
  }

  static void readBytes(long address, byte[] bytes) {
    UNSAFE.copyMemory(null, address, bytes, BYTES, bytes.length);
  }

  static void writeWord(long address, long word) {
    UNSAFE.putLong(address, word);
  }

  static void writeBytes(long address, byte[] bytes) {
    UNSAFE.copyMemory(bytes, BYTES, null, address, bytes.length);
  }

  /** {@code size} bytes of native memory, freed with {@link #free}. */
  static long allocate(long size) {
    return UNSAFE.allocateMemory(size);
  }

  static void free(long address) {
    UNSAFE.freeMemory(address);
  }

  /** Copies the {@code size} bytes of a primitive {@code array} to {@code address}. */
  static void copyIn(Object array, long address, long size) {
    UNSAFE.copyMemory(array, base(array), null, address, size);
  }

  /** Fills the {@code size} bytes of a primitive {@code array} from {@code address}. */
  static void copyOut(long address, Object array, long size) {
    UNSAFE.copyMemory(null, address, array, base(array), size);
  }

  private static long base(Object array) {
    if (array instanceof byte[]) {
      return BYTES;
    } else if (array instanceof long[]) {
      return LONGS;
    } else if (array instanceof int[]) {
      return INTS;
    }
    return DOUBLES;
  }

  private static sun.misc.Unsafe find() {
    try {
      Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (sun.misc.Unsafe) field.get(null);
    } catch (ReflectiveOperationException | RuntimeException notThere) {
      return null; // a JVM without it, or one that refuses: the natives serve
    }
  }

  private static long arrayBase(Class<?> arrayClass) {
    return UNSAFE == null ? 0 : UNSAFE.arrayBaseOffset(arrayClass);
  }
}
