package io.jrm.conformance.getkeys;

import io.jrm.CommandKeysException;
import io.jrm.Context;
import io.jrm.KeyFlag;
import io.jrm.KeyPosition;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The port of Redis's tests/modules/getkeys.c, for unit moduleapi/getkeys: commands whose keys
 * follow a {@code KEY} token (answering key-position requests with and without flags), one with a
 * fixed key range, and one that lists the keys of any command.
 */
@RedisModule(name = "getkeys")
public final class GetkeysModule {
  private static final Set<KeyFlag> READ = EnumSet.of(KeyFlag.RO, KeyFlag.ACCESS);

  private GetkeysModule() {}

  /** GETKEYS.COMMAND [arg | KEY key]...: replies the keys; reports them without flags. */
  @RedisCommand(name = "getkeys.command", flags = "getkeys-api")
  public static void command(Context ctx, RedisString[] argv) {
    if (ctx.isKeysPositionRequest()) {
      for (int position : keyPositions(argv)) {
        ctx.keyAtPos(position);
      }
      return;
    }
    replyKeys(ctx, argv);
  }

  /** GETKEYS.COMMAND_WITH_FLAGS [arg | KEY key]...: as GETKEYS.COMMAND, keys reported read-only. */
  @RedisCommand(name = "getkeys.command_with_flags", flags = "getkeys-api")
  public static void commandWithFlags(Context ctx, RedisString[] argv) {
    if (ctx.isKeysPositionRequest()) {
      for (int position : keyPositions(argv)) {
        ctx.keyAtPosWithFlags(position, READ);
      }
      return;
    }
    replyKeys(ctx, argv);
  }

  /** GETKEYS.FIXED arg...: replies its arguments; keys are argv[2..4] by the legacy range. */
  @RedisCommand(name = "getkeys.fixed", firstKey = 2, lastKey = 4, keyStep = 1)
  public static void fixed(Context ctx, RedisString[] argv) {
    ctx.replyWithArray(argv.length - 1);
    for (int i = 1; i < argv.length; i++) {
      ctx.replyWithString(argv[i]);
    }
  }

  /**
   * GETKEYS.INTROSPECT with-flags command arg...: the keys of the command as GetCommandKeys finds
   * them, each with RO/RW/OW/RM when with-flags is not 0.
   */
  @RedisCommand(name = "getkeys.introspect")
  public static void introspect(Context ctx, RedisString[] argv) {
    if (argv.length < 4) {
      ctx.wrongArity();
      return;
    }
    long withFlags;
    try {
      withFlags = argv[1].toLongLong();
    } catch (RedisException notANumber) {
      ctx.replyWithError("ERR invalid integer");
      return;
    }
    RedisString[] command = Arrays.copyOfRange(argv, 2, argv.length);
    try {
      if (withFlags == 0) {
        int[] positions = ctx.commandKeys((Object[]) command);
        ctx.replyWithArray(positions.length);
        for (int position : positions) {
          ctx.replyWithString(command[position]);
        }
      } else {
        List<KeyPosition> keys = ctx.commandKeysWithFlags((Object[]) command);
        ctx.replyWithArray(keys.size());
        for (KeyPosition key : keys) {
          ctx.replyWithArray(2);
          ctx.replyWithString(command[key.position()]);
          ctx.replyWithString(accessName(key.flags()));
        }
      }
    } catch (CommandKeysException e) {
      ctx.replyWithError(
          e.reason() == CommandKeysException.Reason.UNKNOWN_COMMAND ? "ERR ENOENT" : "ERR EINVAL");
    }
  }

  /** The first of RO, RW, OW, RM among {@code flags}, as the C module names them; else "". */
  private static String accessName(Set<KeyFlag> flags) {
    for (KeyFlag access : List.of(KeyFlag.RO, KeyFlag.RW, KeyFlag.OW, KeyFlag.RM)) {
      if (flags.contains(access)) {
        return access.name();
      }
    }
    return "";
  }

  /** The positions of the arguments that follow a {@code KEY} token (ignoring case). */
  private static int[] keyPositions(RedisString[] argv) {
    int[] positions = new int[argv.length];
    int count = 0;
    for (int i = 0; i + 1 < argv.length; i++) {
      if (isKeyToken(argv[i].bytes())) {
        positions[count++] = i + 1;
      }
    }
    return Arrays.copyOf(positions, count);
  }

  /** Whether {@code arg} is {@code KEY} in ASCII, ignoring case (as strncasecmp compares). */
  private static boolean isKeyToken(byte[] arg) {
    return arg.length == 3
        && (arg[0] | 0x20) == 'k'
        && (arg[1] | 0x20) == 'e'
        && (arg[2] | 0x20) == 'y';
  }

  /** Replies the arguments that follow a {@code KEY} token. */
  private static void replyKeys(Context ctx, RedisString[] argv) {
    int[] positions = keyPositions(argv);
    ctx.replyWithArray(positions.length);
    for (int position : positions) {
      ctx.replyWithString(argv[position]);
    }
  }
}
