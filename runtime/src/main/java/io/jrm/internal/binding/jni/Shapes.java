package io.jrm.internal.binding.jni;

/**
 * The {@link JniDowncalls} native of each shape ({@link
 * io.jrm.internal.binding.ApiFunction#shape()}), as one calling convention: up to {@link #WORDS}
 * arguments and the result as 64-bit words ({@code int} sign-extended, {@code double} and {@code
 * float} as their raw bits), the unused ones 0.
 */
@SuppressWarnings("checkstyle:ParameterNumber") // one word per parameter of the longest shape
final class Shapes {
  /** The most parameters a shape has ({@code CreateCommand}). */
  static final int WORDS = 7;

  private Shapes() {}

  /** Calls the function at {@code fn} with words {@code a} to {@code g}; the result as a word. */
  @FunctionalInterface
  interface Invoker {
    long invoke(long fn, long a, long b, long c, long d, long e, long f, long g);
  }

  /** The invoker of {@code shape}. */
  static Invoker invoker(String shape) {
    return switch (shape) {
      case "d_j" ->
          (fn, a, b, c, d, e, f, g) -> Double.doubleToRawLongBits(JniDowncalls.d_j(fn, a));
      case "f_j" -> (fn, a, b, c, d, e, f, g) -> Float.floatToRawIntBits(JniDowncalls.f_j(fn, a));
      case "i_j" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_j(fn, a);
      case "i_jd" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jd(fn, a, d(b));
      case "i_jddii" ->
          (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jddii(fn, a, d(b), d(c), i(d), i(e));
      case "i_jdjj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jdjj(fn, a, d(b), c, d);
      case "i_jdjjj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jdjjj(fn, a, d(b), c, d, e);
      case "i_ji" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_ji(fn, a, i(b));
      case "i_jij" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jij(fn, a, i(b), c);
      case "i_jj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jj(fn, a, b);
      case "i_jjj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jjj(fn, a, b, c);
      case "i_jjjj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jjjj(fn, a, b, c, d);
      case "i_jjjjiii" ->
          (fn, a, b, c, d, e, f, g) -> JniDowncalls.i_jjjjiii(fn, a, b, c, d, i(e), i(f), i(g));
      case "j_" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_(fn);
      case "j_j" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_j(fn, a);
      case "j_ji" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_ji(fn, a, i(b));
      case "j_jj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_jj(fn, a, b);
      case "j_jji" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_jji(fn, a, b, i(c));
      case "j_jjij" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_jjij(fn, a, b, i(c), d);
      case "j_jjj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_jjj(fn, a, b, c);
      case "j_jjjjj" -> (fn, a, b, c, d, e, f, g) -> JniDowncalls.j_jjjjj(fn, a, b, c, d, e);
      case "v_j" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_j(fn, a);
            return 0;
          };
      case "v_jd" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_jd(fn, a, d(b));
            return 0;
          };
      case "v_jf" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_jf(fn, a, f(b));
            return 0;
          };
      case "v_ji" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_ji(fn, a, i(b));
            return 0;
          };
      case "v_jj" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_jj(fn, a, b);
            return 0;
          };
      case "v_jjii" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_jjii(fn, a, b, i(c), i(d));
            return 0;
          };
      case "v_jjj" ->
          (fn, a, b, c, d, e, f, g) -> {
            JniDowncalls.v_jjj(fn, a, b, c);
            return 0;
          };
      default -> throw new IllegalArgumentException("no JNI downcall of shape " + shape);
    };
  }

  private static int i(long word) {
    return (int) word;
  }

  private static double d(long word) {
    return Double.longBitsToDouble(word);
  }

  private static float f(long word) {
    return Float.intBitsToFloat((int) word);
  }
}
