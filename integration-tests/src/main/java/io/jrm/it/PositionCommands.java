package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.ChannelFlag;
import io.jrm.Context;
import io.jrm.KeyFlag;
import io.jrm.KeyPosition;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Commands of the jrmtest module ({@code JRMTEST.POS.*}) for {@code PositionsIT}: keys and channels
 * reported with flags, the keys of any command, the name of the running command.
 */
public final class PositionCommands {
  private PositionCommands() {}

  /**
   * JRMTEST.POS.COPY src dst: copies the string src to dst; asked for key positions, it reports src
   * as read and dst as overwritten.
   */
  @RedisCommand(name = "jrmtest.pos.copy", flags = "write getkeys-api")
  public static void copy(Context ctx, RedisString[] argv) {
    if (ctx.isKeysPositionRequest()) {
      ctx.keyAtPosWithFlags(1, EnumSet.of(KeyFlag.RO, KeyFlag.ACCESS));
      ctx.keyAtPosWithFlags(2, EnumSet.of(KeyFlag.OW, KeyFlag.UPDATE));
      return;
    }
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    try (CallReply copied = ctx.call("COPY", argv[1], argv[2], "REPLACE")) {
      ctx.replyWithCallReply(copied);
    }
  }

  /**
   * JRMTEST.POS.LISTEN channel... [PATTERN pattern...]: replies how many it was given; asked for
   * channel positions, it reports the channels as subscribed and the patterns as patterns.
   */
  @RedisCommand(name = "jrmtest.pos.listen", flags = "readonly getchannels-api")
  public static void listen(Context ctx, RedisString[] argv) {
    boolean patterns = false;
    int count = 0;
    for (int i = 1; i < argv.length; i++) {
      if (!patterns && argv[i].toString().equalsIgnoreCase("PATTERN")) {
        patterns = true;
        continue;
      }
      count++;
      if (ctx.isChannelsPositionRequest()) {
        ctx.channelAtPosWithFlags(
            i,
            patterns
                ? EnumSet.of(ChannelFlag.SUBSCRIBE, ChannelFlag.PATTERN)
                : EnumSet.of(ChannelFlag.SUBSCRIBE));
      }
    }
    if (!ctx.isChannelsPositionRequest()) {
      ctx.replyWithLongLong(count);
    }
  }

  /**
   * JRMTEST.POS.ANNOUNCE channel message: publishes the message and replies how many received it;
   * asked for channel positions, it reports the channel as published to and replies 0, which Redis
   * drops. A write command, so it replicates verbatim when it succeeds, never for a position
   * request.
   */
  @RedisCommand(name = "jrmtest.pos.announce", flags = "write getchannels-api")
  public static void announce(Context ctx, RedisString[] argv) {
    if (ctx.isChannelsPositionRequest()) {
      ctx.channelAtPosWithFlags(1, EnumSet.of(ChannelFlag.PUBLISH));
      ctx.replyWithLongLong(0); // as a C module may: nothing to reply to, and no harm either
      return;
    }
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithLongLong(ctx.publishMessage(argv[1], argv[2]));
  }

  /**
   * JRMTEST.POS.KEYSOF command arg...: the keys of that command as [name, flag...] pairs, flags in
   * lower case.
   */
  @RedisCommand(name = "jrmtest.pos.keysof", flags = "readonly")
  public static List<List<String>> keysOf(Context ctx, RedisString... command) {
    List<List<String>> keys = new ArrayList<>();
    for (KeyPosition key : ctx.commandKeysWithFlags((Object[]) command)) {
      List<String> entry = new ArrayList<>();
      entry.add(command[key.position()].toString());
      key.flags().stream().sorted().forEach(f -> entry.add(f.name().toLowerCase(Locale.ROOT)));
      keys.add(entry);
    }
    return keys;
  }

  /** JRMTEST.POS.POSITIONSOF command arg...: the positions of that command's keys. */
  @RedisCommand(name = "jrmtest.pos.positionsof", flags = "readonly")
  public static int[] positionsOf(Context ctx, RedisString... command) {
    return ctx.commandKeys((Object[]) command);
  }

  /** JRMTEST.POS.NAME: the name of the running command, as Redis gives it. */
  @RedisCommand(name = "jrmtest.pos.name", flags = "readonly fast")
  public static String name(Context ctx) {
    return ctx.currentCommandName().orElse("none");
  }
}
