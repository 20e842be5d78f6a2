package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Java arguments of {@link Context#call}, {@link Context#replicate} and {@link RedisIO#emit}
 * into the format of {@code RedisModule_Call} and the native values its letters consume: {@code s}
 * for a {@link RedisString}, {@code v} for a {@code RedisString[]}, {@code c} for a {@code String},
 * {@code b} for a {@code byte[]} (and a {@code String} holding a NUL byte), {@code l} for an
 * integral number. The format holds only those letters and flags checked against a list, so Redis
 * never reads a value Java did not pass.
 *
 * <p>When the values would be more than the backend can pass to one C call, every argument goes
 * into a single {@code v} vector instead, strings made for the purpose: then any count Redis
 * accepts works. {@link #close} frees those strings once the call has returned.
 */
final class CallArguments implements AutoCloseable {
  /** The flags of {@code RedisModule_Call} in Redis 7.0 (moduleCreateArgvFromUserFormat). */
  static final String CALL_FLAGS = "!AR30CSWME";

  /** The flags of {@code RedisModule_Replicate}: leave out the AOF or the replicas. */
  static final String REPLICATE_FLAGS = "AR";

  /** The fixed arguments of the variadic functions: context, command name, format. */
  private static final int FIXED_ARGUMENTS = 3;

  private final RedisModuleApi api;
  private final StringBuilder format;
  private final List<Object> values;
  private final List<Long> created = new ArrayList<>();

  private CallArguments(RedisModuleApi api, String flags, int capacity) {
    this.api = api;
    this.format = new StringBuilder(flags.length() + capacity).append(flags);
    this.values = new ArrayList<>(capacity);
  }

  /**
   * The format and values for {@code args}, after {@code flags}; close it after the call.
   *
   * @throws IllegalArgumentException for a flag not in {@code allowedFlags} or an argument of a
   *     type Redis cannot take
   */
  static CallArguments of(RedisModuleApi api, String flags, String allowedFlags, Object[] args) {
    checkFlags(flags, allowedFlags);
    int count = 0;
    for (Object arg : args) {
      count += nativeValues(arg);
    }
    if (FIXED_ARGUMENTS + count <= api.backend().maxArguments()) {
      CallArguments call = new CallArguments(api, flags, count);
      for (Object arg : args) {
        call.add(arg);
      }
      return call;
    }
    CallArguments call = new CallArguments(api, flags, 2);
    call.addVector(args);
    return call;
  }

  /** The format, NUL-terminated. */
  byte[] format() {
    return cString(format.toString());
  }

  /** The values the format's letters consume, in order. */
  Object[] values() {
    return values.toArray();
  }

  /** Frees the strings made for a vector. */
  @Override
  public void close() {
    for (long str : created) {
      api.freeString(0, str);
    }
    created.clear();
  }

  private static void checkFlags(String flags, String allowed) {
    for (int i = 0; i < flags.length(); i++) {
      if (allowed.indexOf(flags.charAt(i)) < 0) {
        throw new IllegalArgumentException(
            "unknown flag '"
                + flags.charAt(i)
                + "': the flags here are "
                + String.join(" ", allowed.split("")));
      }
    }
  }

  /** How many native values {@code arg} takes as its own format letter. */
  private static int nativeValues(Object arg) {
    if (arg instanceof RedisString[] || arg instanceof byte[]) {
      return 2; // pointer and length
    }
    if (arg instanceof String text) {
      return text.indexOf('\0') < 0 ? 1 : 2;
    }
    if (arg instanceof RedisString || isIntegral(arg) || isDecimal(arg)) {
      return 1;
    }
    throw new IllegalArgumentException(
        "cannot pass "
            + (arg == null ? "null" : arg.getClass().getName())
            + " to a Redis command: use RedisString, RedisString[], String, byte[] or a number");
  }

  private void add(Object arg) {
    if (arg instanceof RedisString str) {
      format.append('s');
      values.add(str.pointer());
    } else if (arg instanceof RedisString[] strings) {
      format.append('v');
      values.add(pointers(strings));
      values.add((long) strings.length);
    } else if (arg instanceof String text && text.indexOf('\0') < 0) {
      format.append('c');
      values.add(cString(text));
    } else if (isIntegral(arg)) {
      format.append('l');
      values.add(((Number) arg).longValue());
    } else if (isDecimal(arg)) {
      format.append('c');
      values.add(cString(arg.toString()));
    } else {
      byte[] bytes = bytes(arg);
      format.append('b');
      values.add(bytes);
      values.add((long) bytes.length);
    }
  }

  private void addVector(Object[] args) {
    List<Long> vector = new ArrayList<>(args.length);
    try {
      for (Object arg : args) {
        if (arg instanceof RedisString str) {
          vector.add(str.pointer());
        } else if (arg instanceof RedisString[] strings) {
          for (long pointer : pointers(strings)) {
            vector.add(pointer);
          }
        } else {
          byte[] bytes = bytes(arg);
          // No context: automatic memory would search its whole queue on every free.
          long str = api.createString(0, bytes, bytes.length);
          created.add(str);
          vector.add(str);
        }
      }
    } catch (RuntimeException e) {
      close(); // a RedisString of the arguments was unusable: free what was made
      throw e;
    }
    format.append('v');
    values.add(vector.stream().mapToLong(Long::longValue).toArray());
    values.add((long) vector.size());
  }

  private static long[] pointers(RedisString[] strings) {
    long[] pointers = new long[strings.length];
    for (int i = 0; i < strings.length; i++) {
      pointers[i] = strings[i].pointer();
    }
    return pointers;
  }

  /** The bytes Redis gets for a String, byte[] or number: UTF-8, as is, or in decimal. */
  private static byte[] bytes(Object arg) {
    if (arg instanceof byte[] bytes) {
      return bytes;
    }
    return arg.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isIntegral(Object arg) {
    return arg instanceof Long
        || arg instanceof Integer
        || arg instanceof Short
        || arg instanceof Byte;
  }

  private static boolean isDecimal(Object arg) {
    return arg instanceof Double || arg instanceof Float;
  }
}
