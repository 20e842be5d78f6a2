package io.jrm.it.noonload;

import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.function.UnaryOperator;

/**
 * A module without an {@code @OnLoad} method, built beside jrmtest (a project builds one module, so
 * it has a source folder and an output folder of its own): its module arguments are ignored. Having
 * no data types, it is also the module that ModuleUnloadIT unloads and loads again: its commands
 * keep state and start what an unload must stop.
 */
@RedisModule(name = "noonload", version = 1)
public final class NoOnLoadModule {
  /** Counted up by noonload.incr: a fresh load starts again at 0. */
  private static long counter;

  /** The context noonload.detached opened, until it closes it. */
  private static ThreadSafeContext detached;

  private NoOnLoadModule() {}

  /** Replies {@code +PONG}, to show the module serves. */
  @RedisCommand(name = "noonload.ping", flags = "readonly fast")
  public static void ping(Context ctx, RedisString[] argv) {
    ctx.replyWithSimpleString("PONG");
  }

  /** NOONLOAD.INCR: adds one to the module's counter and replies it. */
  @RedisCommand(name = "noonload.incr", flags = "readonly fast")
  public static long incr(Context ctx) {
    return ++counter;
  }

  /**
   * NOONLOAD.TIMEOUT millis: blocks the client until it times out after millis, then replies {@code
   * +TIMEOUT}; the first one starts the runtime's timeout thread.
   */
  @RedisCommand(name = "noonload.timeout", flags = "readonly")
  public static void timeout(Context ctx, long millis) {
    ctx.blockClient(
        (reply, data) -> reply.replyWithSimpleString("UNBLOCKED"),
        (reply, data) -> reply.replyWithSimpleString("TIMEOUT"),
        millis);
  }

  /** NOONLOAD.DETACHED open|close: opens or closes a detached thread-safe context. */
  @RedisCommand(name = "noonload.detached", flags = "readonly")
  public static String detached(Context ctx, String action) {
    if (action.equals("open") && detached == null) {
      detached = ThreadSafeContext.detached();
    } else if (action.equals("close") && detached != null) {
      detached.close();
      detached = null;
    } else {
      return "NOTHING TO DO";
    }
    return action;
  }

  /**
   * NOONLOAD.EXPORT name: exports, as a shared API of that name, a function that prefixes a string
   * with "noonload:"; replies 1, or 0 when the name is taken.
   */
  @RedisCommand(name = "noonload.export", flags = "readonly")
  public static boolean export(Context ctx, String name) {
    return ctx.exportSharedApi(name, (UnaryOperator<String>) text -> "noonload:" + text);
  }
}
