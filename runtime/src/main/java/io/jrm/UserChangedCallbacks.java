package io.jrm;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The Java callbacks of clients a module authenticated ({@link
 * Context#authenticateClientWithUser(ModuleUser, LongConsumer)}). Redis holds a handle (a counter,
 * never an address) as the callback's private data and calls the stub's {@code user_changed} once,
 * when the client changes user or goes away, so the entry goes when it fires.
 */
final class UserChangedCallbacks {
  private static final Map<Long, LongConsumer> CALLBACKS = new HashMap<>();
  private static long lastHandle;

  private UserChangedCallbacks() {}

  /** {@return the handle Redis passes back for {@code callback}} */
  static synchronized long add(LongConsumer callback) {
    long handle = ++lastHandle;
    CALLBACKS.put(handle, callback);
    return handle;
  }

  /** Forgets a handle Redis was never given (the authentication failed). */
  static synchronized void remove(long handle) {
    CALLBACKS.remove(handle);
  }

  /** Runs and forgets the callback of {@code handle} for client {@code clientId}. */
  static void fire(long handle, long clientId) {
    LongConsumer callback;
    synchronized (UserChangedCallbacks.class) {
      callback = CALLBACKS.remove(handle);
    }
    if (callback != null) {
      callback.accept(clientId);
    }
  }

  /** {@return the stub's {@code user_changed}, the C callback of every handle} */
  static long function() {
    return ModuleEntry.callbacks()[ModuleEntry.USER_CHANGED_CALLBACK];
  }
}
