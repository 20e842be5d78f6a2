package io.jrm;

/**
 * What runs when a server event the module subscribed to fires ({@link
 * Context#subscribeToServerEvent}): on Redis's main thread, never in a forked child, with a context
 * of the module that may open keys and call commands but has no client to reply to.
 *
 * @param <E> the event's data
 */
@FunctionalInterface
public interface ServerEventListener<E extends ServerEventData> {
  /**
   * Runs once per event. A Throwable is caught and logged: Redis goes on.
   *
   * @param ctx the context of the callback, valid until it returns
   * @param event what happened
   * @throws Exception anything; it is logged, not passed to Redis
   */
  void onEvent(Context ctx, E event) throws Exception;
}
