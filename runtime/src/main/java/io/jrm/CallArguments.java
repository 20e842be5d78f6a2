package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
  private final byte[] format;

  /** The strings made for arguments that are not {@link RedisString}s (null while there are none). */
  private long[] created;

  private int createdCount;
  private long argv;
  private int argc;

  private CallArguments(RedisModuleApi api, byte[] format) {
    this.api = api;
    this.format = format;
  }

  /**
   * The format and vector for {@code args}, after {@code flags}; close it after the call.
   *
   * @throws IllegalArgumentException for a flag not in {@code allowedFlags} or an argument of a
   *     type Redis cannot take
   */
  static CallArguments of(RedisModuleApi api, String flags, String allowedFlags, Object[] args) {
    return of(api, format(flags, allowedFlags), args);
  }

  /**
   * The vector for {@code args} with a {@code format} made by {@link #format(String, String)} (kept
   * by callers that send the same flags every time); close it after the call.
   *
   * @throws IllegalArgumentException for an argument of a type Redis cannot take
   */
  static CallArguments of(RedisModuleApi api, byte[] format, Object[] args) {
    int count = 0;
    for (Object arg : args) {
      count += width(arg); // checks every type before anything is made
    }
    CallArguments call = new CallArguments(api, format);
    call.fill(args, count);
    return call;
  }

  /**
   * The format, NUL-terminated: {@code flags}, then {@code v}.
   *
   * @throws IllegalArgumentException for a flag not in {@code allowed}
   */
  static byte[] format(String flags, String allowed) {
    checkFlags(flags, allowed);
    return cString(flags + 'v');
  }

  /** The format, NUL-terminated: the flags, then {@code v}. */
  byte[] format() {
    return format;
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
    for (int i = 0; i < createdCount; i++) {
      api.freeString(0, created[i]);
    }
    createdCount = 0;
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

  /** How many pointers {@code arg} takes in the vector; throws for a type Redis cannot take. */
  private static int width(Object arg) {
    if (arg instanceof RedisString) {
      return 1;
    }
    if (arg instanceof RedisString[] strings) {
      return strings.length;
    }
    if (arg instanceof byte[] || arg instanceof String || isIntegral(arg) || isDecimal(arg)) {
      return 1;
    }
    throw new IllegalArgumentException(
        "cannot pass "
            + (arg == null ? "null" : arg.getClass().getName())
            + " to a Redis command: use RedisString, RedisString[], String, byte[] or a number");
  }

  /** Writes the {@code count} pointers of {@code args} into a new vector, straight, no list. */
  private void fill(Object[] args, int count) {
    if (count == 0) {
      return;
    }
    argv = api.alloc((long) count * Long.BYTES);
    argc = count;
    try {
      long slot = argv;
      for (Object arg : args) {
        if (arg instanceof RedisString[] strings) {
          for (RedisString str : strings) {
            api.backend().writeWord(slot, str.pointer());
            slot += Long.BYTES;
          }
        } else {
          api.backend().writeWord(slot, pointer(arg));
          slot += Long.BYTES;
        }
      }
    } catch (RuntimeException e) {
      close(); // a RedisString of the arguments was unusable: free what was made
      throw e;
    }
  }

  /** The string pointer of one argument: a RedisString's own, or a string made for the purpose. */
  private long pointer(Object arg) {
    if (arg instanceof RedisString str) {
      return str.pointer();
    }
    byte[] bytes = bytes(arg);
    // No context: automatic memory would search its whole queue on every free.
    long str = api.createString(0, bytes, bytes.length);
    if (created == null) {
      created = new long[4];
    } else if (createdCount == created.length) {
      created = Arrays.copyOf(created, createdCount * 2);
    }
    created[createdCount++] = str;
    return str;
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
