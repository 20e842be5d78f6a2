package io.jrm;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What happened, within a server event: each constant is one subevent of Redis 7.0's {@code
 * REDISMODULE_SUBEVENT_*} (or the one subevent, 0, of an event that has none of its own), with the
 * event it belongs to. Every {@link ServerEventData} carries one.
 */
public enum SubEvent {
  /** The server became a master ({@code REDISMODULE_EVENT_REPLROLECHANGED_NOW_MASTER}). */
  NOW_MASTER(ServerEvents.REPLICATION_ROLE_CHANGED, 0),
  /** The server became a replica ({@code REDISMODULE_EVENT_REPLROLECHANGED_NOW_REPLICA}). */
  NOW_REPLICA(ServerEvents.REPLICATION_ROLE_CHANGED, 1),
  /** A BGSAVE started; fired in the forked child ({@link Context#logInForkedChild}). */
  PERSISTENCE_RDB_START(ServerEvents.PERSISTENCE, 0),
  /** A BGREWRITEAOF started; fired in the forked child ({@link Context#logInForkedChild}). */
  PERSISTENCE_AOF_START(ServerEvents.PERSISTENCE, 1),
  /** A SAVE (or a DEBUG RELOAD's) started, on the main thread. */
  PERSISTENCE_SYNC_RDB_START(ServerEvents.PERSISTENCE, 2),
  /** A save ended; in the forked child for a background one. */
  PERSISTENCE_ENDED(ServerEvents.PERSISTENCE, 3),
  /** A save failed; in the forked child for a background one. */
  PERSISTENCE_FAILED(ServerEvents.PERSISTENCE, 4),
  /** An AOF rewrite started on the main thread (the first AOF of a server started empty). */
  PERSISTENCE_SYNC_AOF_START(ServerEvents.PERSISTENCE, 5),
  /** FLUSHDB or FLUSHALL is about to empty a database. */
  FLUSHDB_START(ServerEvents.FLUSHDB, 0),
  /** FLUSHDB or FLUSHALL emptied a database. */
  FLUSHDB_END(ServerEvents.FLUSHDB, 1),
  /** Loading an RDB file started. */
  LOADING_RDB_START(ServerEvents.LOADING, 0),
  /** Loading the AOF started. */
  LOADING_AOF_START(ServerEvents.LOADING, 1),
  /** Loading the data a master sent started. */
  LOADING_REPL_START(ServerEvents.LOADING, 2),
  /** Loading ended. */
  LOADING_ENDED(ServerEvents.LOADING, 3),
  /** Loading failed. */
  LOADING_FAILED(ServerEvents.LOADING, 4),
  /** A client connected. */
  CLIENT_CONNECTED(ServerEvents.CLIENT_CHANGE, 0),
  /** A client disconnected. */
  CLIENT_DISCONNECTED(ServerEvents.CLIENT_CHANGE, 1),
  /** The server is shutting down. */
  SHUTDOWN(ServerEvents.SHUTDOWN, 0),
  /** A replica of this server is online. */
  REPLICA_ONLINE(ServerEvents.REPLICA_CHANGE, 0),
  /** A replica of this server went offline. */
  REPLICA_OFFLINE(ServerEvents.REPLICA_CHANGE, 1),
  /** The link to the master is up. */
  MASTER_LINK_UP(ServerEvents.MASTER_LINK_CHANGE, 0),
  /** The link to the master is down. */
  MASTER_LINK_DOWN(ServerEvents.MASTER_LINK_CHANGE, 1),
  /** The server cron ran (hz times a second). */
  CRON_LOOP(ServerEvents.CRON_LOOP, 0),
  /** Another module was loaded. */
  MODULE_LOADED(ServerEvents.MODULE_CHANGE, 0),
  /** Another module was unloaded. */
  MODULE_UNLOADED(ServerEvents.MODULE_CHANGE, 1),
  /** Loading an RDB file made progress. */
  LOADING_PROGRESS_RDB(ServerEvents.LOADING_PROGRESS, 0),
  /** Loading the AOF made progress. */
  LOADING_PROGRESS_AOF(ServerEvents.LOADING_PROGRESS, 1),
  /** SWAPDB swapped two databases. */
  SWAPDB(ServerEvents.SWAPDB, 0),
  /** Deprecated in Redis 7.0, which never fires it ({@code REPL_BACKUP_CREATE}). */
  REPL_BACKUP_CREATE(ServerEvents.REPL_BACKUP, 0),
  /** Deprecated in Redis 7.0, which never fires it ({@code REPL_BACKUP_RESTORE}). */
  REPL_BACKUP_RESTORE(ServerEvents.REPL_BACKUP, 1),
  /** Deprecated in Redis 7.0, which never fires it ({@code REPL_BACKUP_DISCARD}). */
  REPL_BACKUP_DISCARD(ServerEvents.REPL_BACKUP, 2),
  /** A forked child (BGSAVE, BGREWRITEAOF, full sync) was born; fired in the parent. */
  FORK_CHILD_BORN(ServerEvents.FORK_CHILD, 0),
  /** A forked child ended; fired in the parent. */
  FORK_CHILD_DIED(ServerEvents.FORK_CHILD, 1),
  /** A replica began loading its master's data while serving the old (repl-diskless-load). */
  REPL_ASYNC_LOAD_STARTED(ServerEvents.REPL_ASYNC_LOAD, 0),
  /** That asynchronous load was aborted: the old data stays. */
  REPL_ASYNC_LOAD_ABORTED(ServerEvents.REPL_ASYNC_LOAD, 1),
  /** That asynchronous load completed: the new data replaced the old. */
  REPL_ASYNC_LOAD_COMPLETED(ServerEvents.REPL_ASYNC_LOAD, 2),
  /** The event loop is about to sleep. */
  EVENTLOOP_BEFORE_SLEEP(ServerEvents.EVENTLOOP, 0),
  /** The event loop woke up. */
  EVENTLOOP_AFTER_SLEEP(ServerEvents.EVENTLOOP, 1),
  /** CONFIG SET (or a module's config) changed configuration parameters. */
  CONFIG_CHANGE(ServerEvents.CONFIG, 0);

  /** By event id, then by subevent number. */
  private static final SubEvent[][] BY_NUMBER = byNumber();

  private final int event;
  private final int number;

  SubEvent(int event, int number) {
    this.event = event;
    this.number = number;
  }

  /** {@return Redis's number of this subevent within its event} */
  public int number() {
    return number;
  }

  /** Redis's id of the event this subevent belongs to. */
  int event() {
    return event;
  }

  /** The subevent {@code number} of event {@code event}, or null when JRM does not know it. */
  static @Nullable SubEvent of(int event, long number) {
    if (event < 0 || event >= BY_NUMBER.length) {
      return null;
    }
    SubEvent[] subEvents = BY_NUMBER[event];
    return number >= 0 && number < subEvents.length ? subEvents[(int) number] : null;
  }

  private static SubEvent[][] byNumber() {
    SubEvent[][] table = new SubEvent[ServerEvents.EVENT_COUNT][0];
    for (SubEvent subEvent : values()) {
      SubEvent[] row = table[subEvent.event];
      if (row.length <= subEvent.number) {
        row = Arrays.copyOf(row, subEvent.number + 1);
        table[subEvent.event] = row;
      }
      row[subEvent.number] = subEvent;
    }
    return table;
  }
}
