package io.jrm.internal.binding.jni;

import java.nio.ByteBuffer;

/**
 * The JNI natives the module stub registers for the JNI backend ({@code jrm.backend=jni}): one per
 * C signature shape of the API, named by {@link io.jrm.internal.binding.ApiFunction#shape()},
 * taking the function pointer first; then native memory access. StubAbiTest checks that the stub
 * registers exactly these and that every shape of the API is here.
 */
@SuppressWarnings("checkstyle:MethodName") // the names are the shapes
final class JniDowncalls {
  private JniDowncalls() {}

  static native double d_j(long fn, long a);

  static native float f_j(long fn, long a);

  static native int i_j(long fn, long a);

  static native int i_jd(long fn, long a, double b);

  static native int i_jddii(long fn, long a, double b, double c, int d, int e);

  static native int i_jdjj(long fn, long a, double b, long c, long d);

  static native int i_jdjjj(long fn, long a, double b, long c, long d, long e);

  static native int i_ji(long fn, long a, int b);

  static native int i_jij(long fn, long a, int b, long c);

  static native int i_jj(long fn, long a, long b);

  static native int i_jjj(long fn, long a, long b, long c);

  static native int i_jjjj(long fn, long a, long b, long c, long d);

  static native int i_jjjjiii(long fn, long a, long b, long c, long d, int e, int f, int g);

  static native long j_(long fn);

  static native long j_j(long fn, long a);

  static native long j_ji(long fn, long a, int b);

  static native long j_jj(long fn, long a, long b);

  static native long j_jji(long fn, long a, long b, int c);

  static native long j_jjij(long fn, long a, long b, int c, long d);

  static native long j_jjj(long fn, long a, long b, long c);

  static native long j_jjjjj(long fn, long a, long b, long c, long d, long e);

  static native void v_j(long fn, long a);

  static native void v_jd(long fn, long a, double b);

  static native void v_jf(long fn, long a, float b);

  static native void v_ji(long fn, long a, int b);

  static native void v_jj(long fn, long a, long b);

  static native void v_jjii(long fn, long a, long b, int c, int d);

  static native void v_jjj(long fn, long a, long b, long c);

  static native long readWord(long address);

  /** Fills {@code words} from {@code address}. */
  static native void readWords(long address, long[] words);

  /** Fills {@code bytes} from {@code address}. */
  static native void readBytes(long address, byte[] bytes);

  static native void writeWord(long address, long word);

  static native void writeBytes(long address, byte[] bytes);

  /** The address of a direct buffer's memory. */
  static native long bufferAddress(ByteBuffer buffer);
}
