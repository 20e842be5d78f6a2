package io.jrm;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The module's server event subscriptions. Redis keeps one callback per module and event, and the
 * stub's {@code server_event} is that callback for every event the module or the stub itself
 * subscribes to (module_stub.c); it enters Java only for the events whose byte in the stub's {@code
 * java_server_events} table Java set, and never in a forked child. Synchronized: a thread holding
 * the server lock may subscribe too.
 */
final class ServerEvents {
  // Redis 7.0's REDISMODULE_EVENT_* ids.
  static final int REPLICATION_ROLE_CHANGED = 0;
  static final int PERSISTENCE = 1;
  static final int FLUSHDB = 2;
  static final int LOADING = 3;
  static final int CLIENT_CHANGE = 4;
  static final int SHUTDOWN = 5;
  static final int REPLICA_CHANGE = 6;
  static final int MASTER_LINK_CHANGE = 7;
  static final int CRON_LOOP = 8;
  static final int MODULE_CHANGE = 9;
  static final int LOADING_PROGRESS = 10;
  static final int SWAPDB = 11;
  static final int REPL_BACKUP = 12;
  static final int FORK_CHILD = 13;
  static final int REPL_ASYNC_LOAD = 14;
  static final int EVENTLOOP = 15;
  static final int CONFIG = 16;

  /** How many events there are: the size of the stub's java_server_events (StubAbiTest). */
  static final int EVENT_COUNT = 17;

  /** How many persistence subevents there are: the stub's child_log_lines has one line each. */
  static final int PERSISTENCE_SUBEVENTS = 6;

  /** The bytes of one of child_log_lines: the level, a NUL, the line, a NUL. */
  static final int CHILD_LINE_SIZE = 256;

  /** The version of every event's data JRM reads (dataver of each RedisModuleEvent_* in 7.0). */
  private static final int DATA_VERSION = 1;

  private static final int OK = 0;

  private static final Subscription<?>[] subscriptions = new Subscription<?>[EVENT_COUNT];

  private ServerEvents() {}

  /** An event and the listener its data goes to. */
  private record Subscription<E extends ServerEventData>(
      ServerEvent<E> event, ServerEventListener<? super E> listener) {
    void deliver(Context ctx, SubEvent subEvent, long data) throws Exception {
      listener.onEvent(ctx, event.read(ctx.api().backend(), subEvent, data));
    }
  }

  static synchronized <E extends ServerEventData> void subscribe(
      Context ctx, ServerEvent<E> event, @Nullable ServerEventListener<? super E> listener) {
    // Redis keeps the stub's callback even without a listener: the stub may need the event itself.
    if (listener != null) {
      subscribeStub(ctx, event.id());
    }
    subscriptions[event.id()] = listener == null ? null : new Subscription<>(event, listener);
    ctx.api()
        .backend()
        .writeBytes(
            ModuleEntry.callbacks()[ModuleEntry.JAVA_SERVER_EVENTS] + event.id(),
            new byte[] {(byte) (listener == null ? 0 : 1)});
  }

  static boolean isSupported(Context ctx, SubEvent subEvent) {
    return ctx.api().isSubEventSupported(subEvent.event(), DATA_VERSION, subEvent.number()) != 0;
  }

  static synchronized void logInForkedChild(
      Context ctx, SubEvent subEvent, LogLevel level, String line) {
    if (subEvent.event() != PERSISTENCE) {
      throw new IllegalArgumentException(
          "only persistence subevents fire in a forked child, not " + subEvent);
    }
    byte[] levelName = level.redisName().getBytes(StandardCharsets.US_ASCII);
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    byte[] slot = new byte[CHILD_LINE_SIZE];
    if (levelName.length + 1 + text.length + 1 > slot.length) {
      throw new IllegalArgumentException(
          "a forked child's log line has at most "
              + (slot.length - levelName.length - 2)
              + " bytes at level "
              + level
              + ": "
              + text.length);
    }
    System.arraycopy(levelName, 0, slot, 0, levelName.length);
    System.arraycopy(text, 0, slot, levelName.length + 1, text.length);
    subscribeStub(ctx, PERSISTENCE);
    ctx.api()
        .backend()
        .writeBytes(
            ModuleEntry.callbacks()[ModuleEntry.CHILD_LOG_LINES]
                + (long) subEvent.number() * CHILD_LINE_SIZE,
            slot);
  }

  private static void subscribeStub(Context ctx, int event) {
    long callback = ModuleEntry.callbacks()[ModuleEntry.SERVER_EVENT_CALLBACK];
    if (ctx.api().subscribeToServerEvent(ctx.pointer(), event, DATA_VERSION, callback) != OK) {
      throw new IllegalStateException("Redis refused a subscription to server event " + event);
    }
  }

  /** Runs the listener of {@code event}, which Redis is firing; called by {@link ModuleEntry}. */
  static void fire(Context ctx, int event, long subEventNumber, long data) throws Exception {
    Subscription<?> subscription;
    synchronized (ServerEvents.class) {
      subscription = event >= 0 && event < EVENT_COUNT ? subscriptions[event] : null;
    }
    SubEvent subEvent = SubEvent.of(event, subEventNumber);
    // A subevent of a later Redis, which JRM cannot name, is not delivered.
    if (subscription != null && subEvent != null) {
      subscription.deliver(ctx, subEvent, data);
    }
  }
}
