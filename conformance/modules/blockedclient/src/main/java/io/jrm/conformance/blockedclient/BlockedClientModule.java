package io.jrm.conformance.blockedclient;

import io.jrm.BlockedClient;
import io.jrm.CallReply;
import io.jrm.CallReplyType;
import io.jrm.Context;
import io.jrm.ContextFlag;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * The port of Redis's tests/modules/blockedclient.c, for unit moduleapi/blockedclient: threads that
 * call Redis under the server lock on behalf of a blocked client ({@code ThreadSafeContextLock},
 * {@code TryLock}), commands that stay busy and {@code Yield}, and calls of blocking commands.
 *
 * <p>The C threads reply to their thread-safe context before unblocking; a JRM thread hands what to
 * reply to {@link BlockedClient#unblock}, and the reply callback replies it in the main thread: the
 * client sees the same reply.
 */
@RedisModule(name = "blockedclient")
public final class BlockedClientModule {
  /** The busy text clients get while a command of this module yields. */
  private static final String BUSY_REPLY = "Slow module operation";

  /** One thread per blocked client, as the C module's pthread_create. */
  private static final Executor NEW_THREAD = work -> new Thread(work).start();

  /** SET_SLOW_BG_OPERATION: whether DO_BG_RM_CALL's thread yields before calling. */
  private static volatile boolean slowBgOperation;

  /** Whether DO_BG_RM_CALL's thread is yielding now (IS_IN_SLOW_BG_OPERATION). */
  private static volatile boolean inSlowBgOperation;

  /** STOP_SLOW_FG_COMMAND: ends the SLOW_FG_COMMAND that runs. */
  private static volatile boolean abortFlag;

  private BlockedClientModule() {}

  /** What the reply callback replies, decided by the thread that unblocked the client. */
  @FunctionalInterface
  private interface Answer {
    void replyTo(Context ctx);
  }

  /**
   * ACQUIRE_GIL: a thread takes the server lock, and a second thread's TryLock must fail meanwhile.
   */
  @RedisCommand(name = "acquire_gil")
  public static void acquireGil(Context ctx, RedisString[] argv) {
    if (refusedBlocking(ctx)) {
      return;
    }
    BlockedClient client = block(ctx);
    client.completeAsync(NEW_THREAD, () -> lockTwice(client));
  }

  private static Answer lockTwice(BlockedClient client) throws InterruptedException {
    boolean[] secondGotLock = new boolean[1];
    try (ThreadSafeContext tsc = client.threadSafeContext()) {
      tsc.lock();
      try {
        Thread second =
            new Thread(
                () -> {
                  secondGotLock[0] = tsc.tryLock();
                  if (secondGotLock[0]) {
                    tsc.unlock();
                  }
                });
        second.start();
        second.join();
      } finally {
        tsc.unlock();
      }
    }
    // The C module asserts here, and so crashes Redis; the port says so instead.
    return secondGotLock[0]
        ? ctx -> ctx.replyWithError("ERR TryLock took the lock another thread held")
        : ctx -> ctx.replyWithSimpleString("OK");
  }

  /** DO_RM_CALL command args...: calls the command and replies what it replied. */
  @RedisCommand(name = "do_rm_call", flags = "write", replicate = Replicate.MANUAL)
  public static void doRmCall(Context ctx, RedisString[] argv) {
    if (argv.length < 2) {
      ctx.wrongArity();
      return;
    }
    Object[] args = Arrays.copyOfRange(argv, 2, argv.length);
    try (CallReply reply = ctx.call(argv[1].toString(), args)) {
      ctx.replyWithCallReply(reply);
    }
  }

  /** DO_BG_RM_CALL command args...: a thread calls the command for the blocked client. */
  @RedisCommand(name = "do_bg_rm_call")
  public static void doBgRmCall(Context ctx, RedisString[] argv) {
    callInBackground(ctx, argv, "", 1);
  }

  /** DO_BG_RM_CALL_FORMAT flags command args...: the same, with Call's flags ({@code S}, ...). */
  @RedisCommand(name = "do_bg_rm_call_format")
  public static void doBgRmCallFormat(Context ctx, RedisString[] argv) {
    callInBackground(ctx, argv, argv.length > 1 ? argv[1].toString() : "", 2);
  }

  private static void callInBackground(Context ctx, RedisString[] argv, String flags, int at) {
    if (refusedBlocking(ctx)) {
      return;
    }
    // The arguments are the command's: the thread gets copies.
    byte[][] command = new byte[argv.length - at][];
    for (int i = 0; i < command.length; i++) {
      command[i] = argv[at + i].bytes();
    }
    BlockedClient client = block(ctx);
    client.completeAsync(NEW_THREAD, () -> call(client, flags, command));
  }

  private static Answer call(BlockedClient client, String flags, byte[][] command) {
    ThreadSafeContext tsc = client.threadSafeContext();
    CallReply reply;
    try {
      tsc.lock();
      try {
        yieldWhileSlow(tsc.context());
        String name = new String(command[0], StandardCharsets.UTF_8);
        Object[] args = Arrays.copyOfRange(command, 1, command.length);
        reply =
            isKnown(tsc.context(), name) ? tsc.context().callWithFlags(flags, name, args) : null;
      } finally {
        tsc.unlock();
      }
    } catch (RuntimeException e) {
      tsc.close();
      throw e;
    }
    if (reply == null) {
      tsc.close();
      return ctx -> ctx.replyWithError("NULL reply returned");
    }
    // The reply lives in the thread-safe context: both are freed once it is forwarded.
    return ctx -> {
      try (tsc;
          reply) {
        ctx.replyWithCallReply(reply);
      }
    };
  }

  /**
   * Whether Redis knows the command. The C module calls without {@code E} and so gets no reply for
   * an unknown one; JRM always calls with {@code E}, which would answer Redis's error instead.
   */
  private static boolean isKnown(Context ctx, String name) {
    try (CallReply info = ctx.call("COMMAND", "INFO", name)) {
      return info.arrayElement(0).type() != CallReplyType.NULL;
    }
  }

  private static void yieldWhileSlow(Context ctx) {
    if (slowBgOperation) {
      inSlowBgOperation = true;
      while (slowBgOperation) {
        ctx.yield(true, BUSY_REPLY);
        LockSupport.parkNanos(1_000_000);
      }
      inSlowBgOperation = false;
    }
  }

  /** DO_FAKE_BG_TRUE: blocks the client and unblocks it at once with the reply true. */
  @RedisCommand(name = "do_fake_bg_true")
  public static void doFakeBgTrue(Context ctx, RedisString[] argv) {
    block(ctx).unblock((Answer) reply -> reply.replyWithBool(true));
  }

  /**
   * SLOW_FG_COMMAND micros: busy until STOP_SLOW_FG_COMMAND (0), yielding to clients, or for that
   * long, yielding to nothing but Redis's own events.
   */
  @RedisCommand(name = "slow_fg_command")
  public static void slowFgCommand(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    long blockTime;
    try {
      blockTime = argv[1].toLongLong();
    } catch (RedisException e) {
      ctx.replyWithError("Invalid integer value");
      return;
    }
    long start = ctx.monotonicMicroseconds();
    while (!abortFlag) {
      ctx.yield(blockTime == 0, BUSY_REPLY);
      LockSupport.parkNanos(1_000_000);
      if (blockTime != 0 && ctx.monotonicMicroseconds() - start > blockTime) {
        break;
      }
    }
    abortFlag = false;
    ctx.replyWithLongLong(1);
  }

  /** STOP_SLOW_FG_COMMAND: ends SLOW_FG_COMMAND, from inside its yield. */
  @RedisCommand(name = "stop_slow_fg_command", flags = "allow-busy")
  public static void stopSlowFgCommand(Context ctx, RedisString[] argv) {
    abortFlag = true;
    ctx.replyWithLongLong(1);
  }

  /** SET_SLOW_BG_OPERATION 0|1: whether DO_BG_RM_CALL's thread yields until set back to 0. */
  @RedisCommand(name = "set_slow_bg_operation", flags = "allow-busy")
  public static void setSlowBgOperation(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    try {
      slowBgOperation = argv[1].toLongLong() != 0;
    } catch (RedisException e) {
      ctx.replyWithError("Invalid integer value");
      return;
    }
    ctx.replyWithSimpleString("OK");
  }

  /** IS_IN_SLOW_BG_OPERATION: 1 while DO_BG_RM_CALL's thread yields. */
  @RedisCommand(name = "is_in_slow_bg_operation", flags = "allow-busy")
  public static void isInSlowBgOperation(Context ctx, RedisString[] argv) {
    if (argv.length != 1) {
      ctx.wrongArity();
      return;
    }
    ctx.replyWithLongLong(inSlowBgOperation ? 1 : 0);
  }

  /** Blocks the client without a timeout, for a thread to unblock with an {@link Answer}. */
  private static BlockedClient block(Context ctx) {
    return ctx.blockClient(
        (reply, answer) -> ((Answer) answer).replyTo(reply),
        (reply, answer) -> reply.replyWithError("ERR timed out"),
        0);
  }

  /**
   * Replies, as the C module, why the client cannot block here (MULTI, or a call that denies
   * blocking), checking only flags this Redis knows.
   */
  private static boolean refusedBlocking(Context ctx) {
    Set<ContextFlag> known = ctx.contextFlagsAll();
    Set<ContextFlag> flags = ctx.flags();
    if (known.contains(ContextFlag.MULTI) && flags.contains(ContextFlag.MULTI)) {
      ctx.replyWithSimpleString("Blocked client is not supported inside multi");
      return true;
    }
    if (known.contains(ContextFlag.DENY_BLOCKING) && flags.contains(ContextFlag.DENY_BLOCKING)) {
      ctx.replyWithSimpleString("Blocked client is not allowed");
      return true;
    }
    return false;
  }
}
