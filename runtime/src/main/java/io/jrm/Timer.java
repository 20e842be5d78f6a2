package io.jrm;

import java.time.Duration;
import java.util.Optional;

/**
 * A timer of the module ({@code RedisModule_CreateTimer}), made by {@link Context#createTimer}: it
 * fires once, on Redis's main thread, after its period, and runs its {@link TimerCallback} with its
 * data. Until then the module keeps the data (Redis holds only a handle to it); the timer forgets
 * it when it fires or is stopped. Redis refuses MODULE UNLOAD while a timer of the module is
 * pending.
 *
 * <p>A timer has fired as soon as its callback starts: from inside the callback, {@link #stop}
 * returns false and {@link #remaining} is empty (stopping the timer Redis is running would free it
 * twice). To repeat, create a new timer from the callback.
 *
 * <pre>{@code
 * Timer<RedisString> timer = ctx.createTimer(Duration.ofSeconds(1), Hello::expire, key.retain());
 * ...
 * if (timer.stop(ctx)) {
 *   timer.data().close(); // it will not fire: release what it held
 * }
 * }</pre>
 *
 * @param <T> the type of the timer's data
 */
public final class Timer<T> {
  private final long id;
  private final long handle;
  private final TimerCallback<T> callback;
  private final T data;

  Timer(long id, long handle, TimerCallback<T> callback, T data) {
    this.id = id;
    this.handle = handle;
    this.callback = callback;
    this.data = data;
  }

  /**
   * {@return Redis's id of the timer ({@code RedisModuleTimerID}), for {@link Context#timer(long)}}
   */
  public long id() {
    return id;
  }

  /** {@return the data the timer was created with} */
  public T data() {
    return data;
  }

  /** The handle Redis holds as the timer's data ({@link Timers}). */
  long handle() {
    return handle;
  }

  void fire(Context ctx) throws Exception {
    callback.fire(ctx, data);
  }

  /**
   * Stops the timer before it fires ({@code StopTimer}): its callback will not run.
   *
   * @param ctx the context of the callback running now (any context of the module)
   * @return true if it was pending and is stopped now; false if it has fired (or is firing) or was
   *     stopped already
   */
  public boolean stop(Context ctx) {
    return Timers.stop(ctx, this);
  }

  /**
   * How long until the timer fires ({@code GetTimerInfo}), to the millisecond.
   *
   * @param ctx the context of the callback running now (any context of the module)
   * @return the time left, zero when due; empty if it has fired (or is firing) or was stopped
   */
  public Optional<Duration> remaining(Context ctx) {
    return Timers.remaining(ctx, this);
  }

  @Override
  public String toString() {
    return "Timer " + id;
  }
}
