package io.jrm.internal.binding;

import java.lang.invoke.MethodHandle;

/**
 * A way to call C function pointers and read native memory from Java: the {@link ShapeCalls} the
 * generated {@link RedisModuleApi} calls through, and memory access. JNA is the portable one;
 * faster ones (JNI natives of the stub, {@code java.lang.foreign}) implement the same shapes.
 */
public interface NativeBackend {
  /** The name {@code jrm.backend=} chooses this backend by, for the load log line. */
  String name();

  /** The calls of every shape of the API. */
  ShapeCalls calls();

  /** Reads the 64-bit word at {@code address}. */
  long readWord(long address);

  /** Reads the {@code count} 64-bit words starting at {@code address}, in one native call. */
  default long[] readWords(long address, int count) {
    long[] words = new long[count];
    readWords(address, words);
    return words;
  }

  /**
   * Reads {@code words.length} 64-bit words starting at {@code address} into {@code words}: the
   * allocation-free {@link #readWords(long, int)}, for arrays reused from call to call.
   */
  void readWords(long address, long[] words);

  /** Copies {@code length} bytes starting at {@code address}. */
  default byte[] readBytes(long address, int length) {
    byte[] bytes = new byte[length];
    readBytes(address, bytes);
    return bytes;
  }

  /** Copies {@code bytes.length} bytes starting at {@code address} into {@code bytes}. */
  void readBytes(long address, byte[] bytes);

  /**
   * The module has loaded: work this backend defers past {@code MODULE LOAD}, which it would
   * otherwise lengthen, may start now (ffm: linking its downcall handles).
   */
  default void loaded() {}

  /**
   * Whether this backend makes upcall stubs ({@link #upcallStub}); when not, the stub calls Java
   * over JNI.
   */
  default boolean makesUpcallStubs() {
    return false;
  }

  /**
   * The address of a C function that calls {@code target} (primitive parameters and result), which
   * returns {@code threw} (nothing, if void) when {@code target} throws; only where {@link
   * #makesUpcallStubs}.
   *
   * @throws UnsupportedOperationException when this backend makes none
   */
  default long upcallStub(MethodHandle target, int threw) {
    throw new UnsupportedOperationException("the " + name() + " backend makes no upcall stubs");
  }

  /**
   * Frees what the backend made for its module, which Redis is unloading (MODULE UNLOAD): the
   * upcall stubs and the calling thread's native scratch. Nothing calls through the backend
   * afterwards.
   */
  default void release() {}

  /** Writes the 64-bit word {@code value} at {@code address}. */
  void writeWord(long address, long value);

  /** Copies {@code bytes} to {@code address}. */
  void writeBytes(long address, byte[] bytes);

  /**
   * The calling thread's {@code errno} as the last call through {@link #calls()} left it, for the
   * few functions that report only there ({@code GetCommandKeys}): read it right after that call,
   * before anything else calls C.
   */
  int lastErrno();
}
