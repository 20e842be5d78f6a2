package io.jrm.it;

import io.jrm.BlockedClient;
import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.RedisCommand;

/** Commands that block their client on keys, measure background time and try the server lock. */
public final class KeyBlockingCommands {
  /** How long a thread of JRMTEST.BKEYS.TRYLOCK may take before the command gives up on it. */
  private static final long JOIN_MILLIS = 5_000;

  private KeyBlockingCommands() {}

  /**
   * JRMTEST.BKEYS.LPOP key timeout-millis: pops the head of the list at key, blocking until it has
   * one (null after the timeout).
   */
  @RedisCommand(
      name = "jrmtest.bkeys.lpop",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void lpop(Context ctx, RedisString[] argv) {
    if (!popInto(ctx, argv[1])) {
      ctx.blockClientOnKeys(
          KeyBlockingCommands::popInto,
          (reply, data) -> reply.replyWithNull(),
          argv[2].toLongLong(),
          argv[1]);
    }
  }

  /**
   * JRMTEST.BKEYS.LPOPNOTIMEOUT key timeout-millis: JRMTEST.BKEYS.LPOP without a timeout callback,
   * so that CLIENT UNBLOCK cannot unblock it (and a timeout is refused).
   */
  @RedisCommand(
      name = "jrmtest.bkeys.lpopnotimeout",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void lpopNoTimeout(Context ctx, RedisString[] argv) {
    if (!popInto(ctx, argv[1])) {
      ctx.blockClientOnKeys(KeyBlockingCommands::popInto, null, argv[2].toLongLong(), argv[1]);
    }
  }

  /** Replies the popped head of the list at key, or nothing (false) when it is empty. */
  private static boolean popInto(Context ctx, RedisString key) {
    try (CallReply head = ctx.call("LPOP", key)) {
      if (head.string() == null) {
        return false;
      }
      ctx.replyWithString(head.string());
      return true;
    }
  }

  /** JRMTEST.BKEYS.SIGNAL key: signals the key ready without adding anything. */
  @RedisCommand(
      name = "jrmtest.bkeys.signal",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1)
  public static void signal(Context ctx, RedisString[] argv) {
    ctx.signalKeyAsReady(argv[1]);
    ctx.replyWithSimpleString("OK");
  }

  /**
   * JRMTEST.BKEYS.MEASURED millis: a thread works millis, measured, then unblocks the client; the
   * command's time in INFO commandstats includes that work.
   */
  @RedisCommand(name = "jrmtest.bkeys.measured", flags = "readonly")
  public static void measured(Context ctx, RedisString[] argv) {
    long millis = argv[1].toLongLong();
    BlockedClient client =
        ctx.blockClient(
            (reply, data) -> reply.replyWithSimpleString("DONE"),
            (reply, data) -> reply.replyWithNull(),
            0);
    Thread worker =
        new Thread(
            () -> {
              client.measureTimeStart();
              try {
                Thread.sleep(millis);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              client.measureTimeEnd();
              client.unblock(null);
            },
            "jrmtest-measured");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * JRMTEST.BKEYS.TRYLOCK: replies 1 when another thread got the server lock while this command
   * runs (which holds it), else 0.
   */
  @RedisCommand(name = "jrmtest.bkeys.trylock", flags = "readonly")
  public static void tryLock(Context ctx, RedisString[] argv) throws InterruptedException {
    boolean[] locked = new boolean[1];
    Thread other =
        new Thread(
            () -> {
              try (ThreadSafeContext tsc = ThreadSafeContext.detached()) {
                locked[0] = tsc.tryLock();
                if (locked[0]) {
                  tsc.unlock();
                }
              }
            },
            "jrmtest-trylock");
    other.start();
    other.join(JOIN_MILLIS);
    ctx.replyWithLongLong(locked[0] ? 1 : 0);
  }
}
