package io.jrm.conformance.reply;

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The port of Redis's tests/modules/reply.c (unit moduleapi/reply, file reply.so): one command per
 * kind of reply, each answering the client in its own protocol.
 */
@RedisModule(name = "replywith")
public final class ReplyModule {
  private static final String NOT_AN_INTEGER = "Arg cannot be parsed as a integer";

  private ReplyModule() {}

  /** RW.STRING string: the argument as a bulk string. */
  @RedisCommand(name = "rw.string")
  public static void string(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return;
    }
    ctx.replyWithString(argv[1]);
  }

  /** RW.CSTRING: a simple string. */
  @RedisCommand(name = "rw.cstring")
  public static void cString(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 1)) {
      return;
    }
    ctx.replyWithSimpleString("A simple string");
  }

  /** RW.BIGNUMBER digits: the argument as a big number, unchecked. */
  @RedisCommand(name = "rw.bignumber")
  public static void bigNumber(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return;
    }
    ctx.replyWithBigNumber(argv[1].toString());
  }

  /** RW.INT integer: the argument as an integer. */
  @RedisCommand(name = "rw.int")
  public static void integer(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return;
    }
    try {
      ctx.replyWithLongLong(argv[1].toLongLong());
    } catch (RedisException e) {
      ctx.replyWithError("Arg cannot be parsed as an integer");
    }
  }

  /** RW.DOUBLE number: the argument as a double. */
  @RedisCommand(name = "rw.double")
  public static void doubleReply(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return;
    }
    try {
      ctx.replyWithDouble(argv[1].toDouble());
    } catch (RedisException e) {
      ctx.replyWithError("Arg cannot be parsed as a double");
    }
  }

  /** RW.LONGDOUBLE number: the argument as a long double. */
  @RedisCommand(name = "rw.longdouble")
  public static void longDouble(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(argv[1].toString());
    } catch (NumberFormatException e) {
      ctx.replyWithError("Arg cannot be parsed as a double");
      return;
    }
    ctx.replyWithLongDouble(value);
  }

  /** RW.ARRAY n: an array of the integers 0 to n-1. */
  @RedisCommand(name = "rw.array")
  public static void array(Context ctx, RedisString[] argv) {
    Long count = count(ctx, argv);
    if (count != null) {
      ctx.replyWithArray(count);
      integers(ctx, count);
    }
  }

  /** RW.SIMPLESTRING_ARRAY string...: an array of the arguments as simple strings. */
  @RedisCommand(name = "rw.simplestring_array")
  public static void simpleStringArray(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithArray(argv.length - 1);
    for (int i = 1; i < argv.length; i++) {
      ctx.replyWithSimpleString(cText(argv[i]));
    }
  }

  /** RW.MAP n: a map of i to i * 1.5 (a double) for i from 0 to n-1. */
  @RedisCommand(name = "rw.map")
  public static void map(Context ctx, RedisString[] argv) {
    Long count = count(ctx, argv);
    if (count != null) {
      ctx.replyWithMap(count);
      entries(ctx, count);
    }
  }

  /** RW.SET n: a set of the integers 0 to n-1. */
  @RedisCommand(name = "rw.set")
  public static void set(Context ctx, RedisString[] argv) {
    Long count = count(ctx, argv);
    if (count != null) {
      ctx.replyWithSet(count);
      integers(ctx, count);
    }
  }

  /** RW.ATTRIBUTE n: OK with an attribute of i to i * 1.5 for i from 0 to n-1; RESP3 only. */
  @RedisCommand(name = "rw.attribute")
  public static void attribute(Context ctx, RedisString[] argv) {
    Long count = count(ctx, argv);
    if (count == null) {
      return;
    }
    if (!ctx.replyWithAttribute(count)) {
      ctx.replyWithError("Attributes aren't supported by RESP 2");
      return;
    }
    entries(ctx, count);
    ctx.replyWithSimpleString("OK");
  }

  /** RW.BOOL: an array of false and true. */
  @RedisCommand(name = "rw.bool")
  public static void bool(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 1)) {
      return;
    }
    ctx.replyWithArray(2);
    ctx.replyWithBool(false);
    ctx.replyWithBool(true);
  }

  /** RW.NULL: the null reply. */
  @RedisCommand(name = "rw.null")
  public static void nullReply(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 1)) {
      return;
    }
    ctx.replyWithNull();
  }

  /** RW.ERROR: an error reply. */
  @RedisCommand(name = "rw.error")
  public static void error(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 1)) {
      return;
    }
    ctx.replyWithError("An error");
  }

  /** RW.VERBATIM text: the argument as a verbatim string of format txt. */
  @RedisCommand(name = "rw.verbatim")
  public static void verbatim(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return;
    }
    ctx.replyWithVerbatimString(argv[1].toString());
  }

  /** The count argument of RW.ARRAY, RW.MAP, RW.SET and RW.ATTRIBUTE; null once replied. */
  private static Long count(Context ctx, RedisString[] argv) {
    if (!arity(ctx, argv, 2)) {
      return null;
    }
    try {
      return argv[1].toLongLong();
    } catch (RedisException e) {
      ctx.replyWithError(NOT_AN_INTEGER);
      return null;
    }
  }

  /** Whether argv has {@code count} strings; else replies the arity error. */
  private static boolean arity(Context ctx, RedisString[] argv, int count) {
    if (argv.length != count) {
      ctx.wrongArity();
      return false;
    }
    return true;
  }

  private static void integers(Context ctx, long count) {
    for (long i = 0; i < count; i++) {
      ctx.replyWithLongLong(i);
    }
  }

  private static void entries(Context ctx, long count) {
    for (long i = 0; i < count; i++) {
      ctx.replyWithLongLong(i);
      ctx.replyWithDouble(i * 1.5);
    }
  }

  /** The argument as C reads it: the bytes up to the first NUL. */
  private static String cText(RedisString argument) {
    byte[] bytes = argument.bytes();
    int length = 0;
    while (length < bytes.length && bytes[length] != 0) {
      length++;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
