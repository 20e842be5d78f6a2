package io.jrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The module's keyspace event subscriptions. Redis tells subscribers apart by their callback (and
 * skips one while its own notification runs), so subscription {@code i} gets the stub's keyspace
 * trampoline {@code i}, which passes {@code i} back to {@link ModuleEntry#keyspaceEvent}.
 * Synchronized: a thread holding the server lock may subscribe too.
 */
final class KeyspaceSubscriptions {
  private static final int OK = 0;

  /** The listener of each subscription, by trampoline index. */
  private static final List<KeyspaceEventListener> listeners = new ArrayList<>();

  private KeyspaceSubscriptions() {}

  static synchronized void subscribe(
      Context ctx, Set<KeyspaceEventClass> classes, KeyspaceEventListener listener) {
    if (listener == null) {
      throw new NullPointerException("a keyspace event subscription needs a listener");
    }
    int bits = KeyspaceEventClass.eventBits(classes);
    if (bits == 0) {
      throw new IllegalArgumentException("subscribe to at least one class of keyspace events");
    }
    // The stub's trampolines are an array of function addresses ending with 0.
    long trampolines = ModuleEntry.callbacks()[ModuleEntry.KEYSPACE_TRAMPOLINES];
    long trampoline =
        ctx.api().backend().readWord(trampolines + (long) Long.BYTES * listeners.size());
    if (trampoline == 0) {
      throw new IllegalStateException(
          "a module has at most " + listeners.size() + " keyspace event subscriptions");
    }
    if (ctx.api().subscribeToKeyspaceEvents(ctx.pointer(), bits, trampoline) != OK) {
      throw new IllegalStateException("Redis refused the keyspace event subscription");
    }
    listeners.add(listener);
  }

  /**
   * Runs the listener of {@code subscription} for an event Redis is notifying: {@code event} is the
   * address of its name, {@code key} its key, which the listener gets as a copy of its own (Redis's
   * may live on the stack, where retaining it would crash Redis).
   */
  static void fire(Context ctx, int subscription, int type, long event, long key) throws Exception {
    KeyspaceEventListener listener;
    synchronized (KeyspaceSubscriptions.class) {
      listener = listeners.get(subscription);
    }
    KeyspaceEventClass eventClass = KeyspaceEventClass.ofEvent(type);
    if (eventClass == null) {
      return; // a class this Redis added after 7.0: not one the subscription asked for
    }
    String name = CStrings.read(ctx.api().backend(), event);
    RedisString copy = ctx.createString(new RedisString(ctx, key, false));
    try {
      listener.onKeyspaceEvent(ctx, eventClass, name, copy);
    } finally {
      if (!copy.isRetained()) {
        copy.close();
      }
    }
  }
}
