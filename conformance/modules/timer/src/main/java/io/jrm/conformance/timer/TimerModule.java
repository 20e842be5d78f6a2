package io.jrm.conformance.timer;

import io.jrm.Context;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.Timer;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.Optional;

/**
 * The port of Redis's tests/modules/timer.c, for unit moduleapi/timer: timers that INCR a key,
 * looked up and stopped by id.
 */
@RedisModule(name = "timer")
public final class TimerModule {
  private TimerModule() {}

  /** The timer's callback: INCR the key it holds, then release it. */
  private static void incr(Context ctx, RedisString key) {
    try {
      ctx.call("INCR", key).close(); // unread, as the C module frees it
    } finally {
      key.close();
    }
  }

  /** TEST.CREATETIMER period key: a timer that INCRs key after period ms; replies its id. */
  @RedisCommand(name = "test.createtimer")
  public static void createTimer(Context ctx, RedisString[] argv) {
    if (argv.length != 3) {
      ctx.wrongArity();
      return;
    }
    Optional<Long> period = number(argv[1]);
    if (period.isEmpty()) {
      ctx.replyWithError("Invalid time specified.");
      return;
    }
    // A negative period fires at once in Redis, as a zero one does here.
    Timer<RedisString> timer =
        ctx.createTimer(Math.max(0, period.get()), TimerModule::incr, argv[2].retain());
    ctx.replyWithLongLong(timer.id());
  }

  /** TEST.GETTIMER id: [key, remaining ms] of a pending timer, else null. */
  @RedisCommand(name = "test.gettimer")
  public static void getTimer(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    Optional<Long> id = number(argv[1]);
    if (id.isEmpty()) {
      ctx.replyWithError("Invalid id specified.");
      return;
    }
    Optional<Timer<?>> timer = ctx.timer(id.get());
    Optional<Long> remaining = timer.flatMap(t -> t.remaining(ctx)).map(d -> d.toMillis());
    if (remaining.isEmpty()) {
      ctx.replyWithNull();
      return;
    }
    ctx.replyWithArray(2);
    ctx.replyWithString((RedisString) timer.get().data());
    ctx.replyWithLongLong(remaining.get());
  }

  /** TEST.STOPTIMER id: 1 if the pending timer was stopped (its key released), else 0. */
  @RedisCommand(name = "test.stoptimer")
  public static void stopTimer(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    Optional<Long> id = number(argv[1]);
    if (id.isEmpty()) {
      ctx.replyWithError("Invalid id specified.");
      return;
    }
    Optional<Timer<?>> timer = ctx.timer(id.get());
    boolean stopped = timer.isPresent() && timer.get().stop(ctx);
    if (stopped) {
      ((RedisString) timer.get().data()).close();
    }
    ctx.replyWithLongLong(stopped ? 1 : 0);
  }

  /** The argument as a long long, as {@code RedisModule_StringToLongLong} reads it. */
  private static Optional<Long> number(RedisString text) {
    try {
      return Optional.of(text.toLongLong());
    } catch (RedisException notANumber) {
      return Optional.empty();
    }
  }
}
