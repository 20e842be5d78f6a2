package io.jrm.it;

import io.jrm.CallReply;
import io.jrm.Context;
import io.jrm.RedisString;
import io.jrm.Timer;
import io.jrm.annotations.RedisCommand;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Commands of the jrmtest module ({@code JRMTEST.TIMER.*}) for {@code TimerIT}: each timer's
 * callback pushes onto a list, so that a test waits for it with BLPOP rather than a sleep.
 */
public final class TimerCommands {
  private TimerCommands() {}

  /** What a timer pushes, and where: its Java data, kept by the module until it fires. */
  record Push(String list, String value) {
    void run(Context ctx) {
      try (CallReply reply = ctx.call("RPUSH", list, value)) {
        reply.integer();
      }
    }
  }

  /** JRMTEST.TIMER.PUSH list value ms: a timer that pushes value onto list; replies its id. */
  @RedisCommand(name = "jrmtest.timer.push", flags = "readonly")
  public static long push(Context ctx, RedisString list, RedisString value, long millis) {
    Timer<Push> timer =
        ctx.createTimer(
            millis, (fired, push) -> push.run(fired), new Push(list.toString(), value.toString()));
    return timer.id();
  }

  /** JRMTEST.TIMER.STOP id: 1 if the pending timer was stopped, else 0. */
  @RedisCommand(name = "jrmtest.timer.stop", flags = "readonly")
  public static long stop(Context ctx, long id) {
    Optional<Timer<?>> timer = ctx.timer(id);
    return timer.isPresent() && timer.get().stop(ctx) ? 1 : 0;
  }

  /** JRMTEST.TIMER.INFO id: [the value it will push, milliseconds left], or null. */
  @RedisCommand(name = "jrmtest.timer.info", flags = "readonly")
  public static void info(Context ctx, long id) {
    Optional<Timer<?>> timer = ctx.timer(id);
    Optional<Duration> remaining = timer.flatMap(t -> t.remaining(ctx));
    if (remaining.isEmpty()) {
      ctx.replyWithNull();
      return;
    }
    ctx.replyWithArray(2);
    ctx.replyWithString(((Push) timer.get().data()).value());
    ctx.replyWithLongLong(remaining.get().toMillis());
  }

  /** JRMTEST.TIMER.THROW ms: a timer whose callback throws. */
  @RedisCommand(name = "jrmtest.timer.throw", flags = "readonly")
  public static long throwing(Context ctx, long millis) {
    return ctx.createTimer(
            Duration.ofMillis(millis),
            (fired, message) -> {
              throw new IllegalStateException(message);
            },
            "timer boom")
        .id();
  }

  /**
   * JRMTEST.TIMER.SELFSTOP list ms: a timer whose callback stops itself and reads its remaining
   * time, then pushes {@code stopped=<bool> remaining=<present>}.
   */
  @RedisCommand(name = "jrmtest.timer.selfstop", flags = "readonly")
  public static long selfStop(Context ctx, RedisString list, long millis) {
    AtomicReference<Timer<String>> self = new AtomicReference<>();
    String key = list.toString();
    self.set(
        ctx.createTimer(
            millis,
            (fired, target) -> {
              Timer<String> timer = self.get();
              String seen =
                  "stopped="
                      + timer.stop(fired)
                      + " remaining="
                      + timer.remaining(fired).isPresent()
                      + " found="
                      + fired.timer(timer.id()).isPresent();
              new Push(target, seen).run(fired);
            },
            key));
    return self.get().id();
  }

  /** JRMTEST.TIMER.CLOCKS: [milliseconds, monotonic microseconds, monotonic microseconds]. */
  @RedisCommand(name = "jrmtest.timer.clocks", flags = "readonly fast")
  public static void clocks(Context ctx) {
    ctx.replyWithArray(3);
    ctx.replyWithLongLong(ctx.milliseconds());
    ctx.replyWithLongLong(ctx.monotonicMicroseconds());
    ctx.replyWithLongLong(ctx.monotonicMicroseconds());
  }
}
