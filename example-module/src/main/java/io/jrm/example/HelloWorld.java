package io.jrm.example;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Java port of Redis 7.0's {@code src/modules/helloworld.c}: the same command names,
 * arguments, replies and side effects, written with JRM.
 *
 * <p>Build with {@code mvn package}, then {@code redis-server --loadmodule
 * target/helloworld.so} and try {@code redis-cli HELLO.SIMPLE}.
 */
@RedisModule(name = "helloworld", version = 1)
public final class HelloWorld {
  private HelloWorld() {}

  /** Logs the module arguments, as the C module prints them. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    for (int i = 0; i < args.length; i++) {
      ctx.log(LogLevel.NOTICE, "Module loaded with ARGV[" + i + "] = " + args[i]);
    }
  }

  /** HELLO.SIMPLE: replies with the number of the selected database. */
  @RedisCommand(name = "hello.simple", flags = "readonly")
  public static void simple(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.selectedDb());
  }

  /** HELLO.PUSH.CALL key value: RPUSH through a call, replying with the new length. */
  @RedisCommand(name = "hello.push.call", flags = "write deny-oom", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void pushCall(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (CallReply reply = ctx.call("RPUSH", argv[1], argv[2])) {
      ctx.replyWithLongLong(reply.integer());
    }
  }

  /** HELLO.PUSH.CALL2 key value: like HELLO.PUSH.CALL, forwarding RPUSH's reply as it is. */
  @RedisCommand(name = "hello.push.call2", flags = "write deny-oom", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void pushCall2(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (CallReply reply = ctx.call("RPUSH", argv[1], argv[2])) {
      ctx.replyWithCallReply(reply);
    }
  }

  /** HELLO.LIST.SUM.LEN key: the total length of the elements of a list. */
  @RedisCommand(name = "hello.list.sum.len", flags = "readonly", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void listSumLen(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try (CallReply reply = ctx.call("LRANGE", argv[1], 0L, -1L)) {
      if (reply.isError()) {
        ctx.replyWithCallReply(reply);
        return;
      }
      long sum = 0;
      for (long i = 0, items = reply.length(); i < items; i++) {
        sum += reply.element(i).length();
      }
      ctx.replyWithLongLong(sum);
    }
  }

  /** HELLO.RAND.ARRAY count: an array of count random non-negative integers. */
  @RedisCommand(name = "hello.rand.array", flags = "readonly")
  public static void randArray(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long count = parseNonNegative(argv[1], "ERR invalid count");
    ctx.replyWithArray(count);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (long i = 0; i < count; i++) {
      ctx.replyWithLongLong(random.nextInt() & Integer.MAX_VALUE); // C's rand(): 0..RAND_MAX
    }
  }

  /** HELLO.LEFTPAD str len ch: str left-padded with ch to len bytes. */
  @RedisCommand(name = "hello.leftpad", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void leftPad(Context ctx, RedisString[] argv) {
    if (argv.length != 4) {
      ctx.wrongArity();
      return;
    }
    long padTo = parseNonNegative(argv[2], "ERR invalid padding length");
    byte[] str = argv[1].bytes();
    if (str.length >= padTo) {
      ctx.replyWithString(argv[1]);
      return;
    }
    byte[] ch = argv[3].bytes();
    if (ch.length != 1) {
      throw new RedisException("ERR padding must be a single char");
    }
    byte[] padded = new byte[Math.toIntExact(padTo)];
    int pad = padded.length - str.length;
    Arrays.fill(padded, 0, pad, ch[0]);
    System.arraycopy(str, 0, padded, pad, str.length);
    ctx.replyWithStringBuffer(padded);
  }

  private static long parseNonNegative(RedisString arg, String error) {
    long value;
    try {
      value = arg.toLongLong();
    } catch (RedisException notANumber) {
      throw new RedisException(error);
    }
    if (value < 0) {
      throw new RedisException(error);
    }
    return value;
  }
}
