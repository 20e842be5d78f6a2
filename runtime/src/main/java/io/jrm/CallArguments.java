package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Java arguments of {@link Context#call} and {@link Context#replicate} into the format
 * letters of {@code RedisModule_Call} and the native values they consume: {@code s} for a {@link
 * RedisString}, {@code v} for a {@code RedisString[]}, {@code c} for a {@code String}, {@code b}
 * for a {@code byte[]} (and a {@code String} holding a NUL byte), {@code l} for an integral number.
 */
final class CallArguments {
  private CallArguments() {}

  /** Appends one format letter per argument to {@code format}; returns the native values. */
  static Object[] convert(Object[] args, StringBuilder format) {
    List<Object> values = new ArrayList<>(args.length * 2);
    for (Object arg : args) {
      if (arg instanceof RedisString str) {
        format.append('s');
        values.add(str.pointer());
      } else if (arg instanceof RedisString[] strings) {
        format.append('v');
        long[] pointers = new long[strings.length];
        for (int i = 0; i < strings.length; i++) {
          pointers[i] = strings[i].pointer();
        }
        values.add(pointers);
        values.add((long) strings.length);
      } else if (arg instanceof String text && text.indexOf('\0') < 0) {
        format.append('c');
        values.add(cString(text));
      } else if (arg instanceof String text) {
        addBuffer(text.getBytes(StandardCharsets.UTF_8), format, values);
      } else if (arg instanceof byte[] bytes) {
        addBuffer(bytes, format, values);
      } else if (arg instanceof Long
          || arg instanceof Integer
          || arg instanceof Short
          || arg instanceof Byte) {
        format.append('l');
        values.add(((Number) arg).longValue());
      } else if (arg instanceof Double || arg instanceof Float) {
        format.append('c');
        values.add(cString(arg.toString()));
      } else {
        throw new IllegalArgumentException(
            "cannot pass "
                + (arg == null ? "null" : arg.getClass().getName())
                + " to a Redis command: use RedisString, RedisString[], String, byte[] or a"
                + " number");
      }
    }
    return values.toArray();
  }

  private static void addBuffer(byte[] bytes, StringBuilder format, List<Object> values) {
    format.append('b');
    values.add(bytes);
    values.add((long) bytes.length);
  }
}
