package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Commands of the jrmtest module ({@code JRMTEST.CALL.*}) that push {@code Context.call} to its
 * limits: any argument count, random flags and argument kinds, calls that Redis 7.0 itself would
 * crash on, and calls in a row. Tests live in {@code CallSafetyIT} and {@code CallIT}.
 */
public final class CallCommands {
  /**
   * Flag letters for the fuzzer: every valid one, every argument letter of the C format, others.
   */
  private static final String FUZZ_FLAG_LETTERS = "!AR30CSWMEcsblvxyZ%- 9";

  private static final String[] FUZZ_COMMANDS = {
    "PING", "ECHO", "SET", "GET", "RPUSH", "LLEN", "DEL", "INCR", "HSET", "EXISTS", "NOSUCHCOMMAND"
  };

  /** An argument count past the 256 values one JNA call takes. */
  private static final int MANY = 300;

  private CallCommands() {}

  /**
   * JRMTEST.CALL.MANY kind key n: RPUSH key with n values 0..n-1 passed as {@code kind} (string,
   * long, bytes, redisstring, or vector: one RedisString[]); replies the RPUSH reply.
   */
  @RedisCommand(name = "jrmtest.call.many", flags = "write", firstKey = 2, lastKey = 2, keyStep = 1)
  public static void many(Context ctx, RedisString[] argv) {
    ctx.autoMemory(); // frees the strings made for the values
    int n = Math.toIntExact(argv[3].toLongLong());
    Function<Integer, Object> value =
        switch (argv[1].toString()) {
          case "string" -> i -> Integer.toString(i);
          case "long" -> i -> (long) i;
          case "bytes" -> i -> Integer.toString(i).getBytes(StandardCharsets.UTF_8);
          case "redisstring", "vector" -> i -> ctx.createString(i);
          default ->
              throw new RedisException("ERR kind is string, long, bytes, redisstring or vector");
        };
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = value.apply(i);
    }
    Object[] args =
        argv[1].toString().equals("vector")
            ? new Object[] {argv[2], Arrays.copyOf(values, n, RedisString[].class)}
            : prepend(argv[2], values);
    try (CallReply reply = ctx.call("RPUSH", args)) {
      ctx.replyWithCallReply(reply);
    }
  }

  /**
   * JRMTEST.CALL.SEQUENCE key: RPUSH key a, LLEN key, RPUSH key b c, RPUSH key d, LLEN key in one
   * handler (a context keeps the last command name and vector for the next call); replies their
   * integers.
   */
  @RedisCommand(
      name = "jrmtest.call.sequence",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void sequence(Context ctx, RedisString[] argv) {
    Object[][] calls = {
      {"RPUSH", "a"}, {"LLEN"}, {"RPUSH", "b", "c"}, {"RPUSH", "d"}, {"LLEN"},
    };
    ctx.replyWithArray(calls.length);
    for (Object[] call : calls) {
      Object[] args = prepend(argv[1], Arrays.copyOfRange(call, 1, call.length));
      try (CallReply reply = ctx.call((String) call[0], args)) {
        ctx.replyWithLongLong(reply.integer());
      }
    }
  }

  /**
   * JRMTEST.CALL.INTEGER command [arg ...]: the command's reply as {@code CallReply.integer()}
   * reads it, or the class and message of what that threw.
   */
  @RedisCommand(name = "jrmtest.call.integer", flags = "write")
  public static void integer(Context ctx, RedisString[] argv) {
    RedisString[] args = Arrays.copyOfRange(argv, 2, argv.length);
    try (CallReply reply = ctx.call(argv[1].toString(), (Object) args)) {
      long value;
      try {
        value = reply.integer();
      } catch (RuntimeException e) {
        ctx.replyWithString(e.getClass().getSimpleName() + ": " + e.getMessage());
        return;
      }
      ctx.replyWithLongLong(value);
    }
  }

  /**
   * JRMTEST.CALL.FREED key: LRANGE key 0 -1, then its first element and itself used after the
   * reply's close; replies what each use threw.
   */
  @RedisCommand(
      name = "jrmtest.call.freed",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void freed(Context ctx, RedisString[] argv) {
    CallReply reply = ctx.call("LRANGE", argv[1], 0L, -1L);
    CallReply first = reply.arrayElement(0);
    reply.close();
    ctx.replyWithArray(2);
    for (CallReply used : new CallReply[] {first, reply}) {
      try {
        ctx.replyWithLongLong(used.length());
      } catch (IllegalStateException e) {
        ctx.replyWithString(e.getMessage());
      }
    }
  }

  /**
   * JRMTEST.CALL.FUZZ seed calls: that many Context.callWithFlags with random flags, commands and
   * arguments of every Java kind, valid or not; replies [replies, error replies among them,
   * IllegalArgumentException, RedisException].
   */
  @RedisCommand(name = "jrmtest.call.fuzz", flags = "write")
  public static void fuzz(Context ctx, RedisString[] argv) {
    ctx.autoMemory(); // frees the strings made for arguments
    Random random = new Random(argv[1].toLongLong());
    long calls = argv[2].toLongLong();
    long replies = 0;
    long errors = 0;
    long refused = 0;
    long failed = 0;
    for (long i = 0; i < calls; i++) {
      StringBuilder flags = new StringBuilder();
      for (int f = random.nextInt(4); f > 0; f--) {
        flags.append(FUZZ_FLAG_LETTERS.charAt(random.nextInt(FUZZ_FLAG_LETTERS.length())));
      }
      String command = FUZZ_COMMANDS[random.nextInt(FUZZ_COMMANDS.length)];
      Object[] args = new Object[random.nextInt(50) == 0 ? MANY : random.nextInt(5)];
      for (int a = 0; a < args.length; a++) {
        args[a] = fuzzArgument(ctx, random);
      }
      try (CallReply reply = ctx.callWithFlags(flags.toString(), command, args)) {
        replies++;
        if (reply.isError()) {
          errors++;
        }
      } catch (IllegalArgumentException e) {
        refused++;
      } catch (RedisException e) {
        failed++;
      }
    }
    ctx.replyWithArray(4);
    ctx.replyWithLongLong(replies);
    ctx.replyWithLongLong(errors);
    ctx.replyWithLongLong(refused);
    ctx.replyWithLongLong(failed);
  }

  /** Any kind of Java argument, mostly the ones Context.call takes. */
  private static Object fuzzArgument(Context ctx, Random random) {
    return switch (random.nextInt(16)) {
      case 0 -> ctx.createString("fuzz:key");
      case 1 -> new RedisString[] {ctx.createString("fuzz:a"), ctx.createString("fuzz:b")};
      case 2 -> new RedisString[0];
      case 3 -> "fuzz:text";
      case 4 -> "nul\0inside";
      case 5 -> new byte[] {'b', 0, (byte) 0xff};
      case 6 -> random.nextLong();
      case 7 -> random.nextInt();
      case 8 -> (short) random.nextInt();
      case 9 -> (byte) random.nextInt();
      case 10 -> random.nextDouble();
      case 11 -> random.nextFloat();
      case 12 -> null;
      case 13 -> new Object();
      case 14 -> BigInteger.valueOf(random.nextLong());
      default -> new int[] {1, 2};
    };
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
