package io.jrm.internal.binding;

/**
 * One bound Redis Module API function. Arguments are {@code Long} for pointers and 64-bit integers,
 * {@code Integer} for {@code int}, {@code Double} for {@code double}, {@code byte[]} for buffers
 * the backend copies in, and {@code long[]}, {@code int[]} or {@code double[]} for out-parameters
 * it copies in and back out around the call.
 *
 * <p>Calls whose arguments are all integers or pointers (an {@code int} widens to {@code long})
 * pick the overloads with {@code long} parameters, which the jni backend serves without boxing (and
 * JNA converts back to the C parameter types).
 */
public interface NativeFunction {
  /** Calls a function returning {@code int}. */
  int invokeInt(Object... args);

  /** Calls a function returning a pointer or a 64-bit integer. */
  long invokeLong(Object... args);

  /** Calls a function returning {@code double}. */
  double invokeDouble(Object... args);

  /** Calls a function returning {@code float}. */
  float invokeFloat(Object... args);

  /** Calls a function returning nothing. */
  void invokeVoid(Object... args);

  /**
   * The arguments of the {@code long} overloads, boxed for {@link #invokeInt(Object...)} and its
   * friends: as {@code Long}s here, as the C parameter types want in a backend that checks them.
   */
  default Object[] arguments(long... words) {
    Object[] boxed = new Object[words.length];
    for (int i = 0; i < words.length; i++) {
      boxed[i] = words[i];
    }
    return boxed;
  }

  default int invokeInt(long a) {
    return invokeInt(arguments(a));
  }

  default int invokeInt(long a, long b) {
    return invokeInt(arguments(a, b));
  }

  default int invokeInt(long a, long b, long c) {
    return invokeInt(arguments(a, b, c));
  }

  default long invokeLong() {
    return invokeLong(arguments());
  }

  default long invokeLong(long a) {
    return invokeLong(arguments(a));
  }

  default long invokeLong(long a, long b) {
    return invokeLong(arguments(a, b));
  }

  default long invokeLong(long a, long b, long c) {
    return invokeLong(arguments(a, b, c));
  }

  default void invokeVoid(long a) {
    invokeVoid(arguments(a));
  }

  default void invokeVoid(long a, long b) {
    invokeVoid(arguments(a, b));
  }
}
