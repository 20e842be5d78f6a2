package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A module for testing JRM itself: error paths, every reply kind, calls and their replies. The
 * integration tests load it alone and next to the example module.
 */
@RedisModule(name = "jrmtest", version = 3)
public final class TestModule {
  private static final List<String> loadArguments = new ArrayList<>();
  private static RedisString escaped;
  private static Context escapedContext;

  private TestModule() {}

  /**
   * Keeps the module arguments for JRMTEST.ARGS; fails the load when asked to; registers the
   * module's configs.
   */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    for (RedisString arg : args) {
      if (arg.toString().equals("fail-on-load")) {
        throw new IllegalStateException("refusing to load, as asked");
      }
      loadArguments.add(arg.toString());
      AuxState.configure(arg.toString());
    }
    ConfigCommands.register(ctx);
  }

  /** JRMTEST.ARGS: the module arguments @OnLoad saw. */
  @RedisCommand(name = "jrmtest.args", flags = "readonly fast")
  public static void args(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(loadArguments.size());
    loadArguments.forEach(ctx::replyWithString);
  }

  /**
   * JRMTEST.THROW.UNPRINTABLE: throws an exception whose message throws in turn, so that the
   * runtime's own catch (log line, error reply) fails too and a Throwable leaves the upcall.
   */
  @RedisCommand(name = "jrmtest.throw.unprintable", flags = "readonly")
  public static void throwUnprintable(Context ctx, RedisString[] argv) {
    throw new UnprintableException();
  }

  /** JRMTEST.OVERFLOW: recurses until the stack overflows. */
  @RedisCommand(name = "jrmtest.overflow", flags = "readonly")
  public static void overflow(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(depth(0));
  }

  private static long depth(long reached) {
    return depth(reached + 1) + 1;
  }

  /** An exception that cannot say what it is: its message throws. */
  private static final class UnprintableException extends RuntimeException {
    @Override
    public String getMessage() {
      throw new IllegalStateException("no message either");
    }
  }

  /** JRMTEST.THROW: a Java exception with a two-line message. */
  @RedisCommand(name = "jrmtest.throw", flags = "readonly")
  public static void throwing(Context ctx, RedisString[] argv) {
    throw new IllegalStateException("boom\nsecond line");
  }

  /** JRMTEST.REDISERROR: an error meant for the client. */
  @RedisCommand(name = "jrmtest.rediserror", flags = "readonly")
  public static void redisError(Context ctx, RedisString[] argv) {
    throw new RedisException("CUSTOMCODE something went wrong");
  }

  /** JRMTEST.THROW.MIDARRAY: throws after one of three array elements. */
  @RedisCommand(name = "jrmtest.throw.midarray", flags = "readonly")
  public static void throwMidArray(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(3);
    ctx.replyWithLongLong(1);
    throw new ArithmeticException("half way");
  }

  /** JRMTEST.THROW.POSTPONED: throws inside a nested postponed array. */
  @RedisCommand(name = "jrmtest.throw.postponed", flags = "readonly")
  public static void throwPostponed(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    ctx.replyWithLongLong(1);
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    ctx.replyWithLongLong(2);
    throw new UnsupportedOperationException("deep inside");
  }

  /** JRMTEST.NOREPLY: returns without replying. */
  @RedisCommand(name = "jrmtest.noreply", flags = "readonly")
  public static void noReply(Context ctx, RedisString[] argv) {}

  /** JRMTEST.REPLY.TWICE: replies 1, then tries to reply 2. */
  @RedisCommand(name = "jrmtest.reply.twice", flags = "readonly")
  public static void replyTwice(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(1);
    ctx.replyWithLongLong(2);
  }

  /** JRMTEST.REPLY.PASTARRAY: replies [1], then tries an element more, catching the refusal. */
  @RedisCommand(name = "jrmtest.reply.pastarray", flags = "readonly")
  public static void replyPastArray(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(1);
    ctx.replyWithLongLong(1);
    try {
      ctx.replyWithString("one too many");
    } catch (IllegalStateException refused) {
      ctx.log(LogLevel.NOTICE, "jrmtest refused: " + refused.getMessage());
    }
  }

  /** JRMTEST.ESCAPE: keeps argv[1] past its command; the next call uses it. */
  @RedisCommand(name = "jrmtest.escape", flags = "readonly")
  public static void escape(Context ctx, RedisString[] argv) {
    if (escaped == null) {
      escaped = argv[1];
      ctx.replyWithSimpleString("KEPT");
    } else {
      ctx.replyWithString(escaped);
    }
  }

  /**
   * JRMTEST.ESCAPE.CONTEXT [keep]: keeps its Context past its command (the first time, or when
   * asked to); otherwise replies with the selected db the kept Context reports.
   */
  @RedisCommand(name = "jrmtest.escape.context", flags = "readonly")
  public static void escapeContext(Context ctx, RedisString[] argv) {
    if (escapedContext == null || argv.length > 1) {
      escapedContext = ctx;
      ctx.replyWithSimpleString("KEPT");
    } else {
      ctx.replyWithLongLong(escapedContext.selectedDb());
    }
  }

  /**
   * JRMTEST.ESCAPE.CONTEXT.THREAD: while this call runs, another thread uses the Context kept by
   * JRMTEST.ESCAPE.CONTEXT; replies with what that thread got: {@code db <n>} or the exception's
   * message.
   */
  @RedisCommand(name = "jrmtest.escape.context.thread", flags = "readonly")
  public static void escapeContextThread(Context ctx, RedisString[] argv)
      throws InterruptedException {
    String[] outcome = {"no answer within 10 s"};
    Thread user =
        new Thread(
            () -> {
              try {
                outcome[0] = "db " + escapedContext.selectedDb();
              } catch (IllegalStateException refused) {
                outcome[0] = refused.getMessage();
              }
            });
    user.start();
    user.join(10_000);
    ctx.replyWithSimpleString(outcome[0]);
  }

  /**
   * JRMTEST.NESTED outer [inner...]: calls itself with the arguments after the first (while there
   * are any), then replies {@code outer/<what the nested call replied>}, reading its own argument
   * only after the nested call returned: each depth has its own context and arguments.
   */
  @RedisCommand(name = "jrmtest.nested", flags = "readonly")
  public static void nested(Context ctx, RedisString[] argv) {
    if (argv.length == 2) {
      ctx.replyWithString(argv[1]);
      return;
    }
    Object[] inner = new Object[argv.length - 2];
    System.arraycopy(argv, 2, inner, 0, inner.length);
    try (CallReply reply = ctx.call("jrmtest.nested", inner)) {
      ctx.replyWithString(argv[1] + "/" + reply.string());
    }
  }

  /** JRMTEST.REPLIES: one of each reply kind, in a postponed array with a nested array. */
  @RedisCommand(name = "jrmtest.replies", flags = "readonly")
  public static void replies(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(Context.POSTPONED_LENGTH);
    ctx.replyWithSimpleString("OK");
    ctx.replyWithLongLong(Long.MIN_VALUE);
    ctx.replyWithDouble(3.5);
    ctx.replyWithNull();
    ctx.replyWithStringBuffer(new byte[] {'a', 0, 'b'});
    ctx.replyWithString("héllo");
    try (RedisString fromBytes = ctx.createString("bytes".getBytes(StandardCharsets.UTF_8));
        RedisString fromLong = ctx.createString(-42);
        RedisString copy = ctx.createString(fromBytes);
        RedisString formatted = ctx.createStringPrintf("%s-%05d", "id", 42)) {
      ctx.replyWithArray(4);
      ctx.replyWithString(fromBytes);
      ctx.replyWithString(fromLong);
      ctx.replyWithString(copy);
      ctx.replyWithString(formatted);
    }
    ctx.replyWithError("ERR as an element");
    ctx.replySetArrayLength(8);
  }

  /** JRMTEST.PARSE integer|double value: the strict parsers of Redis strings. */
  @RedisCommand(name = "jrmtest.parse", flags = "readonly")
  public static void parse(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    switch (argv[1].toString()) {
      case "integer" -> ctx.replyWithLongLong(argv[2].toLongLong());
      case "double" -> ctx.replyWithDouble(argv[2].toDouble());
      default -> throw new RedisException("ERR parse integer or double");
    }
  }

  /**
   * JRMTEST.CALL command args...: runs the command and describes its reply as [type, length, value,
   * protocol], value being the integer, the string or the element count.
   */
  @RedisCommand(name = "jrmtest.call", flags = "write")
  public static void call(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    Object[] args = new Object[argv.length - 2];
    System.arraycopy(argv, 2, args, 0, args.length);
    try (CallReply reply = ctx.call(argv[1].toString(), args)) {
      ctx.replyWithArray(4);
      ctx.replyWithString(reply.type().name());
      ctx.replyWithLongLong(reply.length());
      switch (reply.type()) {
        case INTEGER -> ctx.replyWithLongLong(reply.integer());
        case ARRAY -> ctx.replyWithString(reply.length() > 0 ? reply.arrayElement(0).string() : "");
        case NULL -> ctx.replyWithNull();
        default -> ctx.replyWithString(reply.string());
      }
      ctx.replyWithStringBuffer(reply.proto());
    }
  }

  /** JRMTEST.CALLTYPES: a call with every kind of Java argument, SET from pieces. */
  @RedisCommand(name = "jrmtest.calltypes", flags = "write", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void callTypes(Context ctx, RedisString[] argv) {
    try (CallReply set =
            ctx.call("RPUSH", argv[1], "text", "raw".getBytes(StandardCharsets.UTF_8), 7, 8L, 2.5);
        CallReply range = ctx.call("LRANGE", argv[1], 0, -1);
        RedisString first = range.arrayElement(0).toRedisString()) {
      ctx.replyWithArray(3);
      ctx.replyWithLongLong(set.integer());
      ctx.replyWithCallReply(range);
      ctx.replyWithString(first);
    }
  }

  /** JRMTEST.LOG: one log line at every level, with the message given. */
  @RedisCommand(name = "jrmtest.log", flags = "readonly")
  public static void log(Context ctx, RedisString[] argv) {
    for (LogLevel level : LogLevel.values()) {
      ctx.log(level, "jrmtest " + level + " " + argv[1]);
    }
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.TIME: Redis's clock in milliseconds. */
  @RedisCommand(name = "jrmtest.time", flags = "readonly fast")
  public static void time(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.milliseconds());
  }

  /** JRMTEST.COLLECTORS: the names of the JVM's garbage collectors, as its MXBeans give them. */
  @RedisCommand(name = "jrmtest.collectors", flags = "readonly")
  public static void collectors(Context ctx, RedisString[] argv) {
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    ctx.replyWithArray(collectors.size());
    collectors.forEach(collector -> ctx.replyWithString(collector.getName()));
  }
}
