package io.jrm.internal.binding;

/**
 * Native memory a thread copies Java arrays into for the length of one downcall: {@code const char
 * *} buffers and out-parameters, for the backends that copy arrays in Java (ffm, and jni where it
 * may use {@code sun.misc.Unsafe}). A stack, because a downcall can reenter Java (a type's free
 * callback during {@code ModuleTypeSetValue}) and that Java can make downcalls of its own. Arrays
 * that do not fit get memory of their own, kept until the outermost downcall returns. Subclasses
 * say how memory is had and written; each thread has its own.
 */
public abstract class NativeScratch {
  /** The bytes of a thread's scratch. */
  protected static final long SIZE = 1 << 16;

  private long top;

  /** Where the stack stands, for {@link #release}. */
  public final long mark() {
    return top;
  }

  /** Frees what was copied in since {@code mark}. */
  public final void release(long mark) {
    top = mark;
    if (mark == 0) {
      releaseOverflow();
    }
  }

  /**
   * Copies a {@code byte[]}, {@code long[]}, {@code int[]} or {@code double[]} in; its address (0,
   * C's NULL, for null).
   */
  public final long copyIn(Object array) {
    if (array == null) {
      return 0;
    }
    long size = sizeOf(array);
    long offset = (top + Long.BYTES - 1) & -Long.BYTES;
    long address;
    if (offset + size <= SIZE) {
      address = base() + offset;
      top = offset + size;
    } else {
      address = overflow(size);
    }
    write(array, address);
    return address;
  }

  /** The bytes a {@code byte[]}, {@code long[]}, {@code int[]} or {@code double[]} holds. */
  public static long sizeOf(Object array) {
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

  /** The address of the {@link #SIZE} bytes of this thread's scratch. */
  protected abstract long base();

  /** Memory of its own for an array of {@code size} bytes that does not fit; its address. */
  protected abstract long overflow(long size);

  /** Frees the memory {@link #overflow} gave since the outermost downcall began. */
  protected abstract void releaseOverflow();

  /** Copies {@code array} (see {@link #sizeOf}) to {@code address}. */
  protected abstract void write(Object array, long address);
}
