package io.jrm.conformance.propagate;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.KeyspaceEventClass;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.ThreadSafeContext;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import io.jrm.annotations.Replicate;

/**
 * The port of Redis's tests/modules/propagate.c (module propagate-test), for unit
 * moduleapi/propagate: what a module propagates from timers, threads, notifications, nested calls
 * and commands, and how Redis wraps it in MULTI/EXEC.
 */
@RedisModule(name = "propagate-test")
public final class PropagateModule {
  /** How many times the timer of PROPAGATE-TEST.TIMER has fired in this round. */
  private static int times;

  private PropagateModule() {}

  /** Counts every keyspace event in key "notifications", propagated. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    ctx.subscribeToKeyspaceEvents(
        KeyspaceEventClass.all(), (c, type, event, key) -> call(c, "!", "INCR", "notifications"));
  }

  /** Calls a command and frees its reply, as the C module does: a failed call is ignored too. */
  private static void call(Context ctx, String flags, String command, Object... args) {
    try {
      ctx.callWithFlags(flags, command, args).close();
    } catch (RedisException ignored) {
      // the C module frees a NULL reply and goes on
    }
  }

  /** Replicates INCR timer, and runs again 100 ms later until it has three times. */
  private static void timerHandler(Context ctx, Boolean unused) {
    ctx.replicate("INCR", "timer");
    times++;
    if (times < 3) {
      ctx.createTimer(100, PropagateModule::timerHandler, Boolean.FALSE);
    } else {
      times = 0;
    }
  }

  private static void timerNestedHandler(Context ctx, Boolean replicated) {
    String flags = replicated ? "!" : "";
    ctx.replicate("INCRBY", "timer-nested-start", "1");
    call(ctx, flags, "propagate-test.nested");
    call(ctx, flags, "INCR", "timer-nested-middle");
    ctx.replicate("INCRBY", "timer-nested-end", "1");
  }

  private static void timerMaxmemoryHandler(Context ctx, Boolean unused) {
    call(ctx, "!", "SETEX", "timer-maxmemory-volatile-start", "100", "1");
    call(ctx, "!", "CONFIG", "SET", "maxmemory", "1");
    ctx.replicate("INCR", "timer-maxmemory-middle");
    call(ctx, "!", "SETEX", "timer-maxmemory-volatile-end", "100", "1");
  }

  private static void timerEvalHandler(Context ctx, Boolean unused) {
    call(ctx, "!", "INCRBY", "timer-eval-start", "1");
    call(ctx, "!", "EVAL", "redis.call('set',KEYS[1],ARGV[1])", "1", "foo", "bar");
    ctx.replicate("INCR", "timer-eval-middle");
    call(ctx, "!", "INCRBY", "timer-eval-end", "1");
  }

  /** PROPAGATE-TEST.TIMER: three timers in a row, each replicating INCR timer. */
  @RedisCommand(name = "propagate-test.timer", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void timer(Context ctx, RedisString[] argv) {
    ctx.createTimer(100, PropagateModule::timerHandler, Boolean.FALSE);
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.TIMER-NESTED: a timer that calls PROPAGATE-TEST.NESTED, not propagated. */
  @RedisCommand(name = "propagate-test.timer-nested", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void timerNested(Context ctx, RedisString[] argv) {
    ctx.createTimer(100, PropagateModule::timerNestedHandler, Boolean.FALSE);
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.TIMER-NESTED-REPL: the same timer, its calls propagated. */
  @RedisCommand(name = "propagate-test.timer-nested-repl", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void timerNestedRepl(Context ctx, RedisString[] argv) {
    ctx.createTimer(100, PropagateModule::timerNestedHandler, Boolean.TRUE);
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.TIMER-MAXMEMORY: a timer that sets maxmemory between two SETEX. */
  @RedisCommand(name = "propagate-test.timer-maxmemory", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void timerMaxmemory(Context ctx, RedisString[] argv) {
    ctx.createTimer(100, PropagateModule::timerMaxmemoryHandler, Boolean.TRUE);
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.TIMER-EVAL: a timer that runs EVAL between two INCRBY. */
  @RedisCommand(name = "propagate-test.timer-eval", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void timerEval(Context ctx, RedisString[] argv) {
    ctx.createTimer(100, PropagateModule::timerEvalHandler, Boolean.TRUE);
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.THREAD: a thread that replicates and calls three times under the lock. */
  @RedisCommand(name = "propagate-test.thread", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void thread(Context ctx, RedisString[] argv) {
    new Thread(PropagateModule::threadMain, "propagate-test.thread").start();
    ctx.replyWithSimpleString("OK");
  }

  private static void threadMain() {
    try (ThreadSafeContext tsc = ThreadSafeContext.detached()) {
      Context ctx = tsc.context();
      ctx.selectDb(9); // the tests run in database 9
      for (int i = 0; i < 3; i++) {
        tsc.lock();
        try {
          ctx.replicate("INCR", "a-from-thread");
          call(ctx, "!", "INCR", "thread-call");
          ctx.replicate("INCR", "b-from-thread");
        } finally {
          tsc.unlock();
        }
      }
    }
  }

  /**
   * PROPAGATE-TEST.DETACHED-THREAD: a thread that replicates and calls once under the lock of a
   * detached context (made per command here, closed by the thread: one kept open for the module's
   * life would make MODULE UNLOAD refuse it).
   */
  @RedisCommand(name = "propagate-test.detached-thread", firstKey = 1, lastKey = 1, keyStep = 1)
  public static void detachedThread(Context ctx, RedisString[] argv) {
    ThreadSafeContext detached = ThreadSafeContext.detached();
    new Thread(() -> detachedThreadMain(detached), "propagate-test.detached-thread").start();
    ctx.replyWithSimpleString("OK");
  }

  private static void detachedThreadMain(ThreadSafeContext tsc) {
    try (tsc) {
      Context ctx = tsc.context();
      ctx.selectDb(9);
      tsc.lock();
      try {
        ctx.replicate("INCR", "thread-detached-before");
        call(ctx, "!", "INCR", "thread-detached-1");
        call(ctx, "!", "INCR", "thread-detached-2");
        ctx.replicate("INCR", "thread-detached-after");
      } finally {
        tsc.unlock();
      }
    }
  }

  /** PROPAGATE-TEST.SIMPLE: replicates two INCRs, to test their MULTI/EXEC wrapping. */
  @RedisCommand(
      name = "propagate-test.simple",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void simple(Context ctx, RedisString[] argv) {
    ctx.replicate("INCR", "counter-1");
    ctx.replicate("INCR", "counter-2");
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.MIXED: calls and replicates, mixed. */
  @RedisCommand(
      name = "propagate-test.mixed",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void mixed(Context ctx, RedisString[] argv) {
    call(ctx, "!", "INCR", "using-call");
    ctx.replicate("INCR", "counter-1");
    ctx.replicate("INCR", "counter-2");
    call(ctx, "!", "INCR", "after-call");
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.NESTED: calls, replicates and calls module commands that propagate. */
  @RedisCommand(
      name = "propagate-test.nested",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void nested(Context ctx, RedisString[] argv) {
    call(ctx, "!", "INCR", "using-call");
    call(ctx, "!", "propagate-test.simple");
    ctx.replicate("INCR", "counter-3");
    ctx.replicate("INCR", "counter-4");
    call(ctx, "!", "INCR", "after-call");
    call(ctx, "!", "INCR", "before-call-2");
    call(ctx, "!", "keyspace.incr_case1", "asdf"); // propagates INCR
    call(ctx, "!", "keyspace.del_key_copy", "asdf"); // propagates DEL
    call(ctx, "!", "INCR", "after-call-2");
    ctx.replyWithSimpleString("OK");
  }

  /** PROPAGATE-TEST.INCR key: INCR key, the module command propagated rather than the INCR. */
  @RedisCommand(
      name = "propagate-test.incr",
      flags = "write",
      firstKey = 1,
      lastKey = 1,
      keyStep = 1,
      replicate = Replicate.MANUAL)
  public static void incr(Context ctx, RedisString[] argv) {
    try (CallReply reply = ctx.call("INCR", argv[1])) {
      ctx.replyWithCallReply(reply);
    }
    ctx.replicateVerbatim();
  }
}
