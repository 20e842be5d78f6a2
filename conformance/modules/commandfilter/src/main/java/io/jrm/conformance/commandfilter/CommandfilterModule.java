package io.jrm.conformance.commandfilter;

import io.jrm.CallReply;
import io.jrm.CommandFilterContext;
import io.jrm.Context;
import io.jrm.Key;
import io.jrm.KeyMode;
import io.jrm.ListEnd;
import io.jrm.RedisString;
import io.jrm.RegisteredCommandFilter;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Arrays;

/**
 * The port of Redis's tests/modules/commandfilter.c (unit moduleapi/commandfilter): a filter that
 * deletes, replaces and inserts arguments, retains one, and sends a command with {@code @log}
 * through COMMANDFILTER.LOG. Loaded with two arguments: the log key and 1 for NOSELF.
 */
@RedisModule(name = "commandfilter")
public final class CommandfilterModule {
  private static final String LOG_COMMAND = "commandfilter.log";

  private static String logKey;
  private static RegisteredCommandFilter filter;
  private static RedisString retained;

  /**
   * Set while COMMANDFILTER.LOG calls the command it logged, which the filter then leaves alone.
   */
  private static boolean inLogCommand;

  private CommandfilterModule() {}

  /** Reads the log key and NOSELF, and registers the filter. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("Log key name not specified");
    }
    logKey = args[0].toString();
    retained = null;
    filter = ctx.registerCommandFilter(CommandfilterModule::filter, args[1].toLongLong() != 0);
  }

  /** COMMANDFILTER.UNREGISTER: replies 0 when the filter was unregistered, else 1 (C's OK, ERR). */
  @RedisCommand(
      name = "commandfilter.unregister",
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void unregister(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(ctx.unregisterCommandFilter(filter) ? 0 : 1);
  }

  /** COMMANDFILTER.PING: calls {@code PING @log}, which the filter sends through the log. */
  @RedisCommand(
      name = "commandfilter.ping",
      flags = "deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void ping(Context ctx, RedisString[] argv) {
    ctx.replyWithCallReply(ctx.call("ping", "@log"));
  }

  /** COMMANDFILTER.RETAINED: the argument retained after {@code @retain}, or null. */
  @RedisCommand(
      name = "commandfilter.retained",
      flags = "readonly",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void retained(Context ctx, RedisString[] argv) {
    if (retained == null) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithString(retained);
    }
  }

  /**
   * COMMANDFILTER.LOG command [arg ...]: pushes the command's words, joined by spaces, on the log
   * key's list, then runs it and replies its reply.
   */
  @RedisCommand(
      name = LOG_COMMAND,
      flags = "write deny-oom",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void log(Context ctx, RedisString[] argv) {
    RedisString line = ctx.createString("");
    for (int i = 1; i < argv.length; i++) {
      if (i > 1) {
        line.append(" ");
      }
      line.append(argv[i].bytes());
    }
    try (Key log = ctx.openKey(ctx.createString(logKey), KeyMode.READ_WRITE)) {
      log.listPush(ListEnd.HEAD, line);
    }
    inLogCommand = true;
    try {
      CallReply reply =
          ctx.call(argv[1].toString(), (Object[]) Arrays.copyOfRange(argv, 2, argv.length));
      ctx.replyWithCallReply(reply);
    } finally {
      inLogCommand = false;
    }
  }

  private static void filter(CommandFilterContext args) {
    if (inLogCommand) {
      return; // the command COMMANDFILTER.LOG runs itself
    }
    boolean log = false;
    int pos = 0;
    while (pos < args.argsCount()) {
      String arg = args.argGet(pos).toString();
      switch (arg) {
        case "@delme" -> {
          args.argDelete(pos);
          continue;
        }
        case "@replaceme" -> args.argReplace(pos, "--replaced--");
        case "@insertbefore" -> {
          args.argInsert(pos, "--inserted-before--");
          pos++;
        }
        case "@insertafter" -> {
          args.argInsert(pos + 1, "--inserted-after--");
          pos++;
        }
        case "@retain" -> {
          if (retained != null) {
            retained.close();
          }
          retained = args.argGet(pos + 1).retain();
          pos++;
        }
        case "@log" -> log = true;
        default -> {}
      }
      pos++;
    }
    if (log) {
      args.argInsert(0, LOG_COMMAND);
    }
  }
}
