package io.jrm.it;

import io.jrm.BlockedClient;
import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.annotations.RedisCommand;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocked clients that disconnect, and calls on a blocked client after Redis freed it: each command
 * keeps the last client it blocked, which {@code JRMTEST.BLOCK.STALE} then tries.
 */
public final class DisconnectCommands {
  /** Disconnect callbacks that ran. */
  private static final AtomicLong disconnects = new AtomicLong();

  /** The client the last of these commands blocked, for JRMTEST.BLOCK.STALE. */
  private static volatile BlockedClient last;

  private DisconnectCommands() {}

  /**
   * JRMTEST.BLOCK.HOLD [throw]: blocks with no timeout and no thread, so only a disconnect ends it;
   * the disconnect callback counts itself and unblocks the client (or, with {@code throw}, throws
   * after counting, leaving the client blocked for Java).
   */
  @RedisCommand(name = "jrmtest.block.hold", flags = "readonly")
  public static void hold(Context ctx, RedisString[] argv) {
    boolean fail = argv.length > 1 && argv[1].toString().equals("throw");
    BlockedClient client = ctx.blockClient((reply, data) -> reply.replyWithNull(), null, 0);
    client.setDisconnectCallback(
        (callbackCtx, gone) -> {
          disconnects.incrementAndGet();
          if (fail) {
            throw new IllegalStateException("the disconnect callback failed");
          }
          gone.unblock(null); // frees it: the reply callback never runs for a client that is gone
        });
    last = client;
  }

  /** JRMTEST.BLOCK.DISCONNECTS: how many disconnect callbacks ran. */
  @RedisCommand(name = "jrmtest.block.disconnects", flags = "readonly")
  public static void count(Context ctx, RedisString[] argv) {
    ctx.replyWithLongLong(disconnects.get());
  }

  /**
   * JRMTEST.BLOCK.EXPIRE millis: blocks until Java times the client out; the timeout callback finds
   * its client through the context and replies TIMEOUT.
   */
  @RedisCommand(name = "jrmtest.block.expire", flags = "readonly")
  public static void expire(Context ctx, RedisString[] argv) {
    ctx.blockClient(
        (reply, data) -> reply.replyWithSimpleString("UNBLOCKED"),
        (reply, data) -> {
          last = reply.blockedClientHandle().orElseThrow();
          reply.replyWithSimpleString("TIMEOUT");
        },
        argv[1].toLongLong());
  }

  /**
   * JRMTEST.BLOCK.STALE: calls measureTimeStart, measureTimeEnd, threadSafeContext, unblock and
   * setDisconnectCallback on the last blocked client, and replies what each did: OK, or the class
   * of its exception.
   */
  @RedisCommand(name = "jrmtest.block.stale", flags = "readonly")
  public static void stale(Context ctx, RedisString[] argv) {
    BlockedClient client = last;
    ctx.replyWithArray(5);
    ctx.replyWithSimpleString(outcome(client::measureTimeStart));
    ctx.replyWithSimpleString(outcome(client::measureTimeEnd));
    ctx.replyWithSimpleString(outcome(() -> client.threadSafeContext().close()));
    ctx.replyWithSimpleString(outcome(() -> client.unblock("late")));
    ctx.replyWithSimpleString(outcome(() -> client.setDisconnectCallback((c, b) -> {})));
  }

  private static String outcome(Runnable call) {
    try {
      call.run();
      return "OK";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
