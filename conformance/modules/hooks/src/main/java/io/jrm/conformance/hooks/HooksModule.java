package io.jrm.conformance.hooks;

import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisString;
import io.jrm.ServerEvent;
import io.jrm.SubEvent;
import io.jrm.annotations.OnLoad;
import io.jrm.annotations.RedisCommand;
import io.jrm.annotations.RedisModule;
import java.util.HashMap;
import java.util.Map;

/**
 * The port of Redis's tests/modules/hooks.c, for unit moduleapi/hooks: every server event it
 * subscribes to is counted under a name, with its last value, outside the keyspace (which loading
 * and flushing would change). The persistence events of BGSAVE and BGREWRITEAOF fire in the forked
 * child, where the C module only logs: there the stub writes the same lines.
 */
@RedisModule(name = "testhook")
public final class HooksModule {
  /** What was seen of one event name: how often, and the last value (text or number). */
  private static final class Logged {
    long count;
    String lastText;
    long lastNumber;
  }

  /** By event name; only the main thread, where events and commands run, touches it. */
  private static final Map<String, Logged> events = new HashMap<>();

  private HooksModule() {}

  private static Logged logged(String name) {
    Logged event = events.computeIfAbsent(name, n -> new Logged());
    event.count++;
    return event;
  }

  private static void logText(String name, String value) {
    logged(name).lastText = value;
  }

  private static void logNumber(String name, long value) {
    logged(name).lastNumber = value;
  }

  /** Subscribes to the events hooks.c does, after the same IsSubEventSupported check. */
  @OnLoad
  public static void onLoad(Context ctx, RedisString[] args) {
    if (!ctx.isSubEventSupported(SubEvent.NOW_MASTER)) {
      throw new IllegalStateException("this Redis does not fire ReplicationRoleChanged");
    }
    ctx.subscribeToServerEvent(
        ServerEvent.REPLICATION_ROLE_CHANGED,
        (c, e) ->
            logText(
                e.subEvent() == SubEvent.NOW_MASTER ? "role-master" : "role-replica",
                e.masterHost()));
    ctx.subscribeToServerEvent(
        ServerEvent.REPLICA_CHANGE,
        (c, e) ->
            logNumber(
                e.subEvent() == SubEvent.REPLICA_ONLINE ? "replica-online" : "replica-offline", 0));
    ctx.subscribeToServerEvent(
        ServerEvent.MASTER_LINK_CHANGE,
        (c, e) ->
            logNumber(
                e.subEvent() == SubEvent.MASTER_LINK_UP ? "masterlink-up" : "masterlink-down", 0));
    ctx.subscribeToServerEvent(
        ServerEvent.PERSISTENCE,
        (c, e) -> {
          String name = persistenceName(e.subEvent());
          c.log(LogLevel.WARNING, "module-event-" + name);
          if (e.subEvent() == SubEvent.PERSISTENCE_SYNC_RDB_START
              || e.subEvent() == SubEvent.PERSISTENCE_SYNC_AOF_START) {
            logNumber(name, 0);
          }
        });
    // What the same listener does where Java cannot run (C logs there: hooks.c only logs too).
    for (SubEvent inChild :
        new SubEvent[] {
          SubEvent.PERSISTENCE_RDB_START,
          SubEvent.PERSISTENCE_AOF_START,
          SubEvent.PERSISTENCE_ENDED,
          SubEvent.PERSISTENCE_FAILED
        }) {
      ctx.logInForkedChild(inChild, LogLevel.WARNING, "module-event-" + persistenceName(inChild));
    }
    ctx.subscribeToServerEvent(
        ServerEvent.LOADING, (c, e) -> logNumber(loadingName(e.subEvent()), 0));
    ctx.subscribeToServerEvent(
        ServerEvent.LOADING_PROGRESS,
        (c, e) ->
            logNumber(
                e.subEvent() == SubEvent.LOADING_PROGRESS_RDB
                    ? "loading-progress-rdb"
                    : "loading-progress-aof",
                e.progress()));
    ctx.subscribeToServerEvent(
        ServerEvent.CLIENT_CHANGE,
        (c, e) ->
            logNumber(
                e.subEvent() == SubEvent.CLIENT_CONNECTED
                    ? "client-connected"
                    : "client-disconnected",
                e.id()));
    ctx.subscribeToServerEvent(
        ServerEvent.FLUSHDB,
        (c, e) ->
            logNumber(
                e.subEvent() == SubEvent.FLUSHDB_START ? "flush-start" : "flush-end", e.db()));
    ctx.subscribeToServerEvent(
        ServerEvent.SHUTDOWN, (c, e) -> c.log(LogLevel.WARNING, "module-event-shutdown"));
    ctx.subscribeToServerEvent(ServerEvent.CRON_LOOP, (c, e) -> logNumber("cron-loop", e.hz()));
    ctx.subscribeToServerEvent(
        ServerEvent.MODULE_CHANGE,
        (c, e) ->
            logText(
                e.subEvent() == SubEvent.MODULE_LOADED ? "module-loaded" : "module-unloaded",
                e.moduleName()));
    ctx.subscribeToServerEvent(
        ServerEvent.SWAPDB,
        (c, e) -> {
          logNumber("swapdb-first", e.firstDb());
          logNumber("swapdb-second", e.secondDb());
        });
    ctx.subscribeToServerEvent(
        ServerEvent.CONFIG,
        (c, e) -> {
          logNumber("config-change-count", e.configNames().size());
          logText("config-change-first", e.configNames().get(0));
        });
  }

  private static String persistenceName(SubEvent subEvent) {
    return switch (subEvent) {
      case PERSISTENCE_RDB_START -> "persistence-rdb-start";
      case PERSISTENCE_AOF_START -> "persistence-aof-start";
      case PERSISTENCE_SYNC_AOF_START -> "persistence-syncaof-start";
      case PERSISTENCE_SYNC_RDB_START -> "persistence-syncrdb-start";
      case PERSISTENCE_ENDED -> "persistence-end";
      default -> "persistence-failed";
    };
  }

  private static String loadingName(SubEvent subEvent) {
    return switch (subEvent) {
      case LOADING_RDB_START -> "loading-rdb-start";
      case LOADING_AOF_START -> "loading-aof-start";
      case LOADING_REPL_START -> "loading-repl-start";
      case LOADING_ENDED -> "loading-end";
      default -> "loading-failed";
    };
  }

  /** HOOKS.EVENT_COUNT name: how often the event was seen since the last clear. */
  @RedisCommand(name = "hooks.event_count")
  public static void eventCount(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    Logged event = events.get(argv[1].toString());
    ctx.replyWithLongLong(event == null ? 0 : event.count);
  }

  /** HOOKS.EVENT_LAST name: the event's last text value, else its last number, else null. */
  @RedisCommand(name = "hooks.event_last")
  public static void eventLast(Context ctx, RedisString[] argv) {
    if (argv.length != 2) {
      ctx.wrongArity();
      return;
    }
    Logged event = events.get(argv[1].toString());
    if (event == null) {
      ctx.replyWithNull();
    } else if (event.lastText != null) {
      ctx.replyWithString(event.lastText);
    } else {
      ctx.replyWithLongLong(event.lastNumber);
    }
  }

  /**
   * HOOKS.CLEAR: forgets every event. hooks.c sends no reply at all (its client would wait); JRM
   * needs one, so this replies OK.
   */
  @RedisCommand(name = "hooks.clear")
  public static void clear(Context ctx, RedisString[] argv) {
    events.clear();
    ctx.replyWithSimpleString("OK");
  }
}
