package io.jrm.it;

import io.jrm.AuxPhase;
import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.util.Locale;

/** Commands over {@link AuxState}'s module-wide state. */
public final class AuxCommands {
  private AuxCommands() {}

  /** JRMTEST.AUX.SET before|after string: the state of that phase. */
  @RedisCommand(name = "jrmtest.aux.set", flags = "write deny-oom")
  public static void set(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    AuxState.strings.put(phase(argv[1]), argv[2].bytes());
    ctx.replyWithSimpleString("OK");
  }

  /** JRMTEST.AUX.GET before|after: the state of that phase, null for none. */
  @RedisCommand(name = "jrmtest.aux.get", flags = "readonly")
  public static void get(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    byte[] string = AuxState.strings.get(phase(argv[1]));
    if (string == null) {
      ctx.replyWithNull();
    } else {
      ctx.replyWithStringBuffer(string);
    }
  }

  /** JRMTEST.AUX.LOADS: the phases auxLoad ran for since the module loaded, in order. */
  @RedisCommand(name = "jrmtest.aux.loads", flags = "readonly")
  public static void loads(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(AuxState.loads.size());
    AuxState.loads.forEach(phase -> ctx.replyWithSimpleString(phase.name()));
  }

  /** JRMTEST.AUX.FAIL none|throw|short: how auxSave misbehaves from now on. */
  @RedisCommand(name = "jrmtest.aux.fail", flags = "write")
  public static void fail(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    AuxState.failure = AuxState.Failure.valueOf(argv[1].toString().toUpperCase(Locale.ROOT));
    ctx.replyWithSimpleString("OK");
  }

  private static AuxPhase phase(RedisString argument) {
    return switch (argument.toString()) {
      case "before" -> AuxPhase.BEFORE_RDB;
      case "after" -> AuxPhase.AFTER_RDB;
      default -> throw new RedisException("ERR phase must be before or after");
    };
  }
}
