package io.jrm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The module's pending timers. Redis holds a handle per timer as its data pointer (a number, never
 * an address) and hands it back when the timer fires, is stopped or is looked up; this map keeps
 * the Java timer (callback and data) of each handle until then. Synchronized: a thread holding the
 * server lock may create and stop timers too.
 */
final class Timers {
  private static final int OK = 0;

  private static final Map<Long, Timer<?>> pending = new HashMap<>();

  /** The next handle; 0 is never one, so that a NULL data pointer is no timer. */
  private static long nextHandle = 1;

  private Timers() {}

  static synchronized <T> Timer<T> create(
      Context ctx, long periodMillis, TimerCallback<T> callback, T data) {
    if (periodMillis < 0) {
      throw new IllegalArgumentException("a timer's period is not negative: " + periodMillis);
    }
    if (callback == null) {
      throw new NullPointerException("a timer needs a callback");
    }
    long handle = nextHandle++;
    long id =
        ctx.api()
            .createTimer(
                ctx.pointer(),
                periodMillis,
                ModuleEntry.callbacks()[ModuleEntry.TIMER_CALLBACK],
                handle);
    Timer<T> timer = new Timer<>(id, handle, callback, data);
    pending.put(handle, timer);
    return timer;
  }

  /** The pending timer {@code id} of this module, if there is one. */
  static synchronized Optional<Timer<?>> find(Context ctx, long id) {
    long[] data = ctx.word();
    data[0] = 0;
    if (ctx.api().getTimerInfo(ctx.pointer(), id, null, data) != OK) {
      return Optional.empty();
    }
    return Optional.ofNullable(pending.get(data[0]));
  }

  static synchronized Optional<Duration> remaining(Context ctx, Timer<?> timer) {
    if (pending.get(timer.handle()) != timer) {
      return Optional.empty(); // fired or stopped: its id may be another timer's by now
    }
    long[] remaining = ctx.word();
    if (ctx.api().getTimerInfo(ctx.pointer(), timer.id(), remaining, null) != OK) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(remaining[0]));
  }

  static synchronized boolean stop(Context ctx, Timer<?> timer) {
    // Not pending: fired (Redis frees a firing timer after its callback, so stopping it from
    // there would free it twice) or stopped already.
    if (pending.get(timer.handle()) != timer
        || ctx.api().stopTimer(ctx.pointer(), timer.id(), null) != OK) {
      return false;
    }
    pending.remove(timer.handle());
    return true;
  }

  /** Runs the timer of {@code handle}, which Redis is firing; called by {@link ModuleEntry}. */
  static void fire(Context ctx, long handle) throws Exception {
    Timer<?> timer;
    synchronized (Timers.class) {
      timer = pending.remove(handle);
    }
    if (timer != null) {
      timer.fire(ctx);
    }
  }
}
