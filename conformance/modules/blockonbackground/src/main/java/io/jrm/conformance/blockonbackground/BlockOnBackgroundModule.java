package io.jrm.conformance.blockonbackground;

import io.jrm.BlockedClient;
import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The port of Redis's tests/modules/blockonbackground.c (module {@code block}), for unit
 * moduleapi/blockonbackground: threads that count their work towards the blocked command's time
 * ({@code BlockedClientMeasureTimeStart/End}, also from the timeout callback through {@code
 * GetBlockedClientHandle}), a disconnect callback ({@code SetDisconnectCallback}), and a client
 * that {@code CLIENT UNBLOCK} may time out only when it was blocked with a timeout callback.
 */
@RedisModule(name = "block")
public final class BlockOnBackgroundModule {
  /** One thread per blocked client, as the C module's pthread_create. */
  private static final Executor NEW_THREAD = work -> new Thread(work).start();

  /** The client BLOCK.BLOCK blocked, until BLOCK.RELEASE or its timeout. */
  private static volatile BlockedClient blockedClient;

  private BlockOnBackgroundModule() {}

  /**
   * BLOCK.DEBUG delay_ms timeout_ms: a thread sleeps delay_ms, measuring it, then replies a random
   * number; the timeout may come first.
   */
  @RedisCommand(name = "block.debug")
  public static void debug(Context ctx, RedisString[] argv) {
    sleepInBackground(ctx, argv, true);
  }

  /** BLOCK.DEBUG_NO_TRACK delay_ms timeout_ms: the same, without measuring the thread's time. */
  @RedisCommand(name = "block.debug_no_track")
  public static void debugNoTrack(Context ctx, RedisString[] argv) {
    sleepInBackground(ctx, argv, false);
  }

  private static void sleepInBackground(Context ctx, RedisString[] argv, boolean track) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    long delay = parse(argv[1], "ERR invalid count");
    long timeout = parse(argv[2], "ERR invalid count");
    BlockedClient client = blockWithTimeout(ctx, timeout);
    // The C module sleeps in its thread, so its callback can only say the client went away.
    client.setDisconnectCallback(
        (disconnected, gone) ->
            disconnected.log(LogLevel.WARNING, "Blocked client " + gone + " disconnected!"));
    client.completeAsync(
        NEW_THREAD,
        () -> {
          if (track) {
            client.measureTimeStart();
          }
          Thread.sleep(delay);
          if (track) {
            // After a timeout Redis has freed the client and this throws: the unblock with the
            // failure then does nothing, as the C module's unblock after its timeout.
            client.measureTimeEnd();
          }
          return randomNumber();
        });
  }

  /**
   * BLOCK.DOUBLE_DEBUG delay_ms: a thread measures two sleeps of delay_ms each, so the command's
   * time is about twice the delay, then replies a random number.
   */
  @RedisCommand(name = "block.double_debug")
  public static void doubleDebug(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long delay = parse(argv[1], "ERR invalid count");
    BlockedClient client = blockWithTimeout(ctx, 0);
    client.completeAsync(
        NEW_THREAD,
        () -> {
          for (int i = 0; i < 2; i++) {
            client.measureTimeStart();
            Thread.sleep(delay);
            client.measureTimeEnd();
          }
          return randomNumber();
        });
  }

  /** Blocks the client with the reply of BLOCK.DEBUG and its timeout callback. */
  private static BlockedClient blockWithTimeout(Context ctx, long timeout) {
    return ctx.blockClient(
        (reply, data) -> reply.replyWithLongLong((Integer) data),
        (reply, data) -> {
          // The thread still measures its time: the timeout ends the measure, as in C, which
          // ignores the result (a thread that never started one).
          try {
            reply.blockedClientHandle().orElseThrow().measureTimeEnd();
          } catch (IllegalStateException notMeasured) {
            // nothing was being measured
          }
          reply.replyWithSimpleString("Request timedout");
        },
        timeout);
  }

  /** A non-negative random int, as C's rand(). */
  private static int randomNumber() {
    return ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
  }

  /**
   * BLOCK.BLOCK timeout_ms: blocks the client until BLOCK.RELEASE, or timeout_ms; with 0 there is
   * no timeout callback, so CLIENT UNBLOCK cannot unblock it.
   */
  @RedisCommand(name = "block.block")
  public static void block(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long timeout = parse(argv[1], "ERR invalid timeout");
    if (blockedClient != null) {
      ctx.replyWithError("ERR another client already blocked");
      return;
    }
    BlockedClient.Callback onTimeout =
        timeout > 0
            ? (reply, data) -> {
              blockedClient = null;
              reply.replyWithSimpleString("Timed out");
            }
            : null;
    blockedClient =
        ctx.blockClient(
            (reply, data) -> reply.replyWithStringBuffer((byte[]) data), onTimeout, timeout);
  }

  /** BLOCK.IS_BLOCKED: 1 while BLOCK.BLOCK holds a client, else 0. */
  @RedisCommand(name = "block.is_blocked")
  public static void isBlocked(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(blockedClient != null ? 1 : 0);
  }

  /** BLOCK.RELEASE reply: unblocks the client of BLOCK.BLOCK, which gets reply. */
  @RedisCommand(name = "block.release")
  public static void release(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    BlockedClient client = blockedClient;
    if (client == null) {
      ctx.replyWithError("ERR No blocked client");
      return;
    }
    client.unblock(argv[1].bytes());
    blockedClient = null;
    ctx.replyWithSimpleString("OK");
  }

  /** The integer of {@code arg}, or the C module's error reply. */
  private static long parse(RedisString arg, String error) {
    try {
      return arg.toLongLong();
    } catch (RedisException notAnInteger) {
      throw new RedisException(error);
    }
  }
}
