package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns Java arguments of {@link Context#call}, {@link Context#replicate} and {@link RedisIO#emit}
 * into the one fixed form JRM calls {@code RedisModule_Call}, {@code Replicate} and {@code EmitAOF}
 * in: the format's flags then {@code v}, and the vector of {@code RedisModuleString} pointers with
 * its count, as the bytes of the pointers in native order (the binding copies them into native
 * memory with the call, so that no vector is allocated and written word by word). A {@link
 * RedisString} goes in as itself, a {@code RedisString[]} as its elements; a {@code String}
 * (UTF-8), {@code byte[]} or number (in decimal) becomes a string made for the purpose. The format
 * holds only flags checked against a list, so Redis never reads a value Java did not pass, and any
 * count Redis accepts works. {@link #close} frees those strings once the call has returned (Redis
 * keeps its own references).
 */
final class CallArguments implements AutoCloseable {
  /** The flags of {@code RedisModule_Call} in Redis 7.0 (moduleCreateArgvFromUserFormat). */
  static final String CALL_FLAGS = "!AR30CSWME";

  /** The flags of {@code RedisModule_Replicate}: leave out the AOF or the replicas. */
  static final String REPLICATE_FLAGS = "AR";

  /** Writes a pointer into the vector's bytes as C reads it: a word in native byte order. */
  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final RedisModuleApi api;
  private final byte[] format;

  /**
   * The strings made for arguments that are not {@link RedisString}s (null while there are none).
   */
  private long[] created;

  private int createdCount;
  private byte[] vector;
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
    return of(api, format(flags, allowedFlags), args, null);
  }

  /**
   * The vector for {@code args} with a {@code format} made by {@link #format(String, String)} (kept
   * by callers that send the same flags every time), written into {@code reusable} when it has the
   * vector's length (an array the caller keeps from call to call, or null); close it after the
   * call.
   *
   * @throws IllegalArgumentException for an argument of a type Redis cannot take
   */
  static CallArguments of(RedisModuleApi api, byte[] format, Object[] args, byte[] reusable) {
    int count = 0;
    for (Object arg : args) {
      count += width(arg); // checks every type before anything is made
    }
    CallArguments call = new CallArguments(api, format);
    int bytes = count * Long.BYTES;
    call.vector = reusable != null && reusable.length == bytes ? reusable : new byte[bytes];
    call.argc = count;
    call.fill(args);
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

  /** The vector of string pointers: their bytes, in native order. */
  byte[] argv() {
    return vector;
  }

  /** How many pointers the vector holds. */
  long argc() {
    return argc;
  }

  /** Frees the strings made for the vector. */
  @Override
  public void close() {
    freeCreated(); // trivial, as CallReply.close
  }

  private void freeCreated() {
    for (int i = 0; i < createdCount; i++) {
      api.freeString(0, created[i]);
    }
    createdCount = 0;
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

  /** Writes the pointers of {@code args} into the vector. */
  private void fill(Object[] args) {
    try {
      int slot = 0;
      for (Object arg : args) {
        if (arg instanceof RedisString[] strings) {
          for (RedisString str : strings) {
            WORD.set(vector, slot, str.pointer());
            slot += Long.BYTES;
          }
        } else {
          WORD.set(vector, slot, pointer(arg));
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
    // No context: automatic memory would search its whole queue on every free. An integer goes
    // straight to CreateStringFromLongLong, the same decimal without a Java string to make.
    long str;
    if (isIntegral(arg)) {
      str = api.createStringFromLongLong(0, ((Number) arg).longValue());
    } else {
      byte[] bytes = bytes(arg);
      str = api.createString(0, bytes, bytes.length);
    }
    if (created == null) {
      created = new long[4];
    } else if (createdCount == created.length) {
      created = Arrays.copyOf(created, createdCount * 2);
    }
    created[createdCount++] = str;
    return str;
  }

  /** The bytes Redis gets for a String, byte[] or decimal number: UTF-8, as is, or Java's text. */
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
