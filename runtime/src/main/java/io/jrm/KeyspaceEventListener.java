package io.jrm;

/**
 * What a keyspace event subscription runs ({@link Context#subscribeToKeyspaceEvents}): on the
 * thread that fired the event (Redis's main thread, or a thread holding the server lock), while the
 * command, expiry or load that caused it is still running, so it must be quick. Its context has the
 * event's database selected, may open keys and call commands, and has no client: a reply throws
 * {@link IllegalStateException}. The events a listener's own work fires do not reach that listener
 * again (Redis skips a subscriber its own notification fired).
 */
@FunctionalInterface
public interface KeyspaceEventListener {
  /**
   * Runs once per event of the subscribed classes. A Throwable is caught and logged: Redis goes on,
   * and the command that fired the event is not affected.
   *
   * @param ctx the context of the notification, valid until it returns
   * @param type the event's class
   * @param event the event's name: the command's ({@code del}, {@code set}, {@code lpush}...),
   *     {@code expired}, {@code loaded}, or what a module notified
   * @param key the key, a string of the notification: valid until it returns unless retained
   * @throws Exception anything; it is logged, not passed to Redis
   */
  void onKeyspaceEvent(Context ctx, KeyspaceEventClass type, String event, RedisString key)
      throws Exception;
}
