package io.jrm.it;

import io.jrm.BlockedClient;
import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.RedisCommand;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Commands that block their client and finish the work in Java threads. */
public final class BlockingCommands {
  /** Runs the background work of blocked clients. */
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "jrmtest-blocked-worker");
            thread.setDaemon(true);
            return thread;
          });

  private BlockingCommands() {}

  /**
   * JRMTEST.BLOCK.ECHO millis value: replies [value, is-reply-request, is-timeout-request] from the
   * reply callback, after a Java thread slept millis and unblocked the client.
   */
  @RedisCommand(name = "jrmtest.block.echo", flags = "readonly")
  public static void echo(Context ctx, RedisString[] argv) {
    long millis = argv[1].toLongLong();
    String value = argv[2].toString();
    BlockedClient client =
        ctx.blockClient(BlockingCommands::describe, BlockingCommands::timedOut, 10_000);
    client.completeAsync(
        WORKERS,
        () -> {
          Thread.sleep(millis);
          return value;
        });
  }

  /** JRMTEST.BLOCK.FAIL: blocks with no timeout; the background task throws. */
  @RedisCommand(name = "jrmtest.block.fail", flags = "readonly")
  public static void fail(Context ctx, RedisString[] argv) {
    BlockedClient client =
        ctx.blockClient(BlockingCommands::describe, BlockingCommands::timedOut, 0);
    client.completeAsync(
        WORKERS,
        () -> {
          throw new IllegalStateException("the background lookup failed");
        });
  }

  /**
   * JRMTEST.BLOCK.TIMEOUT millis [unblock-millis]: times out after millis; a thread unblocks after
   * unblock-millis (3 * millis by default), racing the timeout when both are close.
   */
  @RedisCommand(name = "jrmtest.block.timeout", flags = "readonly")
  public static void timeout(Context ctx, RedisString[] argv) {
    long millis = argv[1].toLongLong();
    long unblockMillis = argv.length > 2 ? argv[2].toLongLong() : millis * 3;
    BlockedClient client =
        ctx.blockClient(BlockingCommands::describe, BlockingCommands::timedOut, millis);
    later(unblockMillis, () -> client.unblock("too late"));
  }

  /** JRMTEST.BLOCK.ABORT: blocks, aborts at once, and replies from the command itself. */
  @RedisCommand(name = "jrmtest.block.abort", flags = "readonly")
  public static void abort(Context ctx, RedisString[] argv) {
    BlockedClient client =
        ctx.blockClient(BlockingCommands::describe, BlockingCommands::timedOut, 0);
    client.abort();
    ctx.replyWithSimpleString("ABORTED");
  }

  /**
   * JRMTEST.BLOCK.INCR key times: a Java thread INCRs key times under the server lock through a
   * thread-safe context of the blocked client, then unblocks it with the last value.
   */
  @RedisCommand(
      name = "jrmtest.block.incr",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void incr(Context ctx, RedisString[] argv) {
    String key = argv[1].toString();
    long times = argv[2].toLongLong();
    BlockedClient client =
        ctx.blockClient(BlockingCommands::describe, BlockingCommands::timedOut, 0);
    later(
        0,
        () -> {
          long last = 0;
          try (ThreadSafeContext tsc = client.threadSafeContext()) {
            for (long i = 0; i < times; i++) {
              last =
                  tsc.locked(
                      locked -> {
                        try (CallReply reply = locked.call("INCR", key)) {
                          return reply.integer();
                        }
                      });
            }
          }
          client.unblock(last);
        });
  }

  /**
   * JRMTEST.DETACHED.SET key value: a detached thread-safe context SETs the key, in the background.
   */
  @RedisCommand(
      name = "jrmtest.detached.set",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void detachedSet(Context ctx, RedisString[] argv) {
    String key = argv[1].toString();
    String value = argv[2].toString();
    later(
        0,
        () -> {
          try (ThreadSafeContext tsc = ThreadSafeContext.detached()) {
            tsc.locked(
                locked -> {
                  try (CallReply reply = locked.call("SET", key, value)) {
                    return reply.string();
                  }
                });
          }
        });
    ctx.replyWithSimpleString("STARTED");
  }

  private static void describe(Context ctx, Object data) {
    ctx.replyWithArray(3);
    ctx.replyWithString(String.valueOf(data));
    ctx.replyWithLongLong(ctx.isBlockedReplyRequest() ? 1 : 0);
    ctx.replyWithLongLong(ctx.isBlockedTimeoutRequest() ? 1 : 0);
  }

  private static void timedOut(Context ctx, Object data) {
    ctx.replyWithSimpleString(ctx.isBlockedTimeoutRequest() ? "TIMEOUT" : "NOT A TIMEOUT");
  }

  private static void later(long millis, Runnable work) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(millis);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              work.run();
            },
            "jrmtest-worker");
    thread.setDaemon(true);
    thread.start();
  }
}
