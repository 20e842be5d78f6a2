package io.jrm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns {@link Context#call} arguments into {@code RedisModule_Call} format letters and values. */
final class CallArguments {
  private CallArguments() {}

  /** Appends one format letter per argument to {@code format}; returns the native values. */
  static Object[] convert(Object[] args, StringBuilder format) {
    List<Object> values = new ArrayList<>(args.length * 2);
    for (Object arg : args) {
      if (arg instanceof RedisString str) {
        format.append('s');
        values.add(str.pointer());
      } else if (arg instanceof byte[] bytes) {
        addBuffer(bytes, format, values);
      } else if (arg instanceof String text) {
        addBuffer(text.getBytes(StandardCharsets.UTF_8), format, values);
      } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short
          || arg instanceof Byte) {
        format.append('l');
        values.add(((Number) arg).longValue());
      } else if (arg instanceof Double || arg instanceof Float) {
        addBuffer(arg.toString().getBytes(StandardCharsets.US_ASCII), format, values);
      } else {
        throw new IllegalArgumentException(
            "cannot pass " + (arg == null ? "null" : arg.getClass().getName())
                + " to a Redis command: use RedisString, byte[], String or a number");
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
