package io.jrm.internal.binding;

/**
 * One bound Redis Module API function. Arguments are {@code Long} for pointers and 64-bit integers,
 * {@code Integer} for {@code int}, {@code Double} for {@code double}, and {@code byte[]} or {@code
 * long[]} for buffers the backend copies in and back out around the call.
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
}
