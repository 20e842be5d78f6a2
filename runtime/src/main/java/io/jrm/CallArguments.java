package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Java arguments of {@link Context#call}, {@link Context#replicate} and {@link RedisIO#emit}
 * into the one fixed form JRM calls {@code RedisModule_Call}, {@code Replicate} and {@code EmitAOF}
 * in: the format's flags then {@code v}, and a native vector of {@code RedisModuleString} pointers
 * with its count. A {@link RedisString} goes in as itself, a {@code RedisString[]} as its elements;
 * a {@code String} (UTF-8), {@code byte[]} or number (in decimal) becomes a string made for the
 * purpose. The format holds only flags checked against a list, so Redis never reads a value Java
 * did not pass, and any count Redis accepts works. {@link #close} frees the vector and those
 * strings once the call has returned (Redis keeps its own references).
 */
final class CallArguments implements AutoCloseable {
  /** The flags of {@code RedisModule_Call} in Redis 7.0 (moduleCreateArgvFromUserFormat). */
  static final String CALL_FLAGS = "!AR30CSWME";

  /** The flags of {@code RedisModule_Replicate}: leave out the AOF or the replicas. */
  static final String REPLICATE_FLAGS = "AR";

  private final RedisModuleApi api;
  private final String flags;
  private final List<Long> created = new ArrayList<>();
  private long argv;
  private int argc;

  private CallArguments(RedisModuleApi api, String flags) {
    this.api = api;
    this.flags = flags;
  }

  /**
   * The format and vector for {@code args}, after {@code flags}; close it after the call.
   *
   * @throws IllegalArgumentException for a flag not in {@code allowedFlags} or an argument of a
   *     type Redis cannot take
   */
  static CallArguments of(RedisModuleApi api, String flags, String allowedFlags, Object[] args) {
    checkFlags(flags, allowedFlags);
    for (Object arg : args) {
      checkType(arg);
    }
    CallArguments call = new CallArguments(api, flags);
    call.addVector(args);
    return call;
  }

  /** The format, NUL-terminated: the flags, then {@code v}. */
  byte[] format() {
    return cString(flags + 'v');
  }

  /** The address of the vector of string pointers (0 when empty). */
  long argv() {
    return argv;
  }

  /** How many pointers the vector holds. */
  long argc() {
    return argc;
  }

  /** Frees the vector and the strings made for it. */
  @Override
  public void close() {
    for (long str : created) {
      api.freeString(0, str);
    }
    created.clear();
    if (argv != 0) {
      api.free(argv);
      argv = 0;
    }
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

  private static void checkType(Object arg) {
    if (!(arg instanceof RedisString
        || arg instanceof RedisString[]
        || arg instanceof byte[]
        || arg instanceof String
        || isIntegral(arg)
        || isDecimal(arg))) {
      throw new IllegalArgumentException(
          "cannot pass "
              + (arg == null ? "null" : arg.getClass().getName())
              + " to a Redis command: use RedisString, RedisString[], String, byte[] or a number");
    }
  }

  private void addVector(Object[] args) {
    List<Long> vector = new ArrayList<>(args.length);
    try {
      for (Object arg : args) {
        if (arg instanceof RedisString str) {
          vector.add(str.pointer());
        } else if (arg instanceof RedisString[] strings) {
          for (RedisString str : strings) {
            vector.add(str.pointer());
          }
        } else {
          byte[] bytes = bytes(arg);
          // No context: automatic memory would search its whole queue on every free.
          long str = api.createString(0, bytes, bytes.length);
          created.add(str);
          vector.add(str);
        }
      }
      argc = vector.size();
      if (argc > 0) {
        argv = api.alloc((long) argc * Long.BYTES);
        for (int i = 0; i < argc; i++) {
          api.backend().writeWord(argv + (long) i * Long.BYTES, vector.get(i));
        }
      }
    } catch (RuntimeException e) {
      close(); // a RedisString of the arguments was unusable: free what was made
      throw e;
    }
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
