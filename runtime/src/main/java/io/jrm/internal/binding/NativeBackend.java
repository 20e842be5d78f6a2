package io.jrm.internal.binding;

/**
 * A way to call C function pointers and read native memory from Java. JNA is the portable one;
 * faster ones (direct mapping, {@code java.lang.foreign}) bind from the same {@link ApiFunction}
 * table.
 */
public interface NativeBackend {
  /** The name {@code jrm.backend=} chooses this backend by, for the load log line. */
  String name();

  /** Binds the function at {@code address}, whose C signature {@code function} describes. */
  NativeFunction bind(ApiFunction function, long address);

  /** The most arguments one call of a bound function may take. */
  int maxArguments();

  /** Reads the 64-bit word at {@code address}. */
  long readWord(long address);

  /** Reads the {@code count} 64-bit words starting at {@code address}, in one native call. */
  long[] readWords(long address, int count);

  /** Copies {@code length} bytes starting at {@code address}. */
  byte[] readBytes(long address, int length);

  /** Writes the 64-bit word {@code value} at {@code address}. */
  void writeWord(long address, long value);

  /** Copies {@code bytes} to {@code address}. */
  void writeBytes(long address, byte[] bytes);
}
