package io.jrm.conformance.getchannels;

import io.jrm.ChannelFlag;
import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The port of Redis's tests/modules/getchannels.c, for unit moduleapi/getchannels: a command that
 * declares the channels it would use, so that ACL checks them before it runs.
 */
@RedisModule(name = "getchannels")
public final class GetchannelsModule {
  private GetchannelsModule() {}

  /**
   * GETCHANNELS.COMMAND [SUBSCRIBE|UNSUBSCRIBE|PUBLISH LITERAL|PATTERN channel]...: reports each
   * channel with what the triple says to a channel-position request; else replies OK (or the first
   * bad operation or type).
   */
  @RedisCommand(name = "getchannels.command", flags = "getchannels-api")
  public static void command(Context ctx, RedisString[] argv) {
    if ((argv.length - 1) % 3 != 0) {
      ctx.wrongArity();
      return;
    }
    boolean request = ctx.isChannelsPositionRequest();
    String error = null;
    for (int i = 1; i < argv.length && error == null; i += 3) {
      Set<ChannelFlag> flags = EnumSet.noneOf(ChannelFlag.class);
      switch (lowerCase(argv[i])) {
        case "subscribe" -> flags.add(ChannelFlag.SUBSCRIBE);
        case "unsubscribe" -> flags.add(ChannelFlag.UNSUBSCRIBE);
        case "publish" -> flags.add(ChannelFlag.PUBLISH);
        default -> error = "Invalid channel operation";
      }
      if (error != null) {
        break;
      }
      switch (lowerCase(argv[i + 1])) {
        case "literal" -> {}
        case "pattern" -> flags.add(ChannelFlag.PATTERN);
        default -> error = "Invalid channel type";
      }
      if (error == null && request) {
        ctx.channelAtPosWithFlags(i + 2, flags);
      }
    }
    if (request) {
      return;
    }
    if (error != null) {
      ctx.replyWithError(error);
    } else {
      ctx.replyWithSimpleString("OK");
    }
  }

  /** The argument in ASCII lower case, as strcasecmp compares (other bytes unchanged). */
  private static String lowerCase(RedisString arg) {
    return new String(arg.bytes(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
  }
}
