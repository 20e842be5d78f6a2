package io.jrm;

/**
 * What a {@link Timer} runs when it fires: on Redis's main thread, with a context of the module
 * (its database is the one selected where the timer was created) that may open keys and call
 * commands, but has no client to reply to.
 *
 * @param <T> the type of the data the timer was created with
 */
@FunctionalInterface
public interface TimerCallback<T> {
  /**
   * Runs once, when the timer fires. A Throwable is caught and logged: Redis goes on.
   *
   * @param ctx the context of the callback, valid until it returns
   * @param data the data the timer was created with
   * @throws Exception anything; it is logged, not passed to Redis
   */
  void fire(Context ctx, T data) throws Exception;
}
