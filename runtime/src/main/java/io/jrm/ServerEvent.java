package io.jrm;

import io.jrm.internal.binding.NativeBackend;

/**
 * One of Redis 7.0's server events ({@code RedisModuleEvent_*}), typed by the data its listeners
 * receive: subscribe with {@link Context#subscribeToServerEvent}.
 *
 * <pre>{@code
 * ctx.subscribeToServerEvent(ServerEvent.FLUSHDB, (c, flush) -> {
 *   if (flush.subEvent() == SubEvent.FLUSHDB_END) c.log(LogLevel.NOTICE, "flushed " + flush.db());
 * });
 * }</pre>
 *
 * @param <E> what a listener of this event receives
 */
public final class ServerEvent<E extends ServerEventData> {
  /** The server became a master or a replica. */
  public static final ServerEvent<ReplicationRoleChange> REPLICATION_ROLE_CHANGED =
      new ServerEvent<>(
          ServerEvents.REPLICATION_ROLE_CHANGED,
          "ReplicationRoleChanged",
          ServerEventReader::replicationRoleChange);

  /**
   * A save started, ended or failed. The subevents of BGSAVE and BGREWRITEAOF fire in the forked
   * child, where Java never runs: their listener is not called ({@link Context#logInForkedChild}
   * writes a log line there instead).
   */
  public static final ServerEvent<PlainServerEvent> PERSISTENCE =
      plain(ServerEvents.PERSISTENCE, "Persistence");

  /** FLUSHDB or FLUSHALL starts or ended. */
  public static final ServerEvent<FlushEvent> FLUSHDB =
      new ServerEvent<>(ServerEvents.FLUSHDB, "FlushDB", ServerEventReader::flush);

  /** Loading (an RDB file, the AOF, a master's data) started, ended or failed. */
  public static final ServerEvent<PlainServerEvent> LOADING =
      plain(ServerEvents.LOADING, "Loading");

  /** A client connected or disconnected. */
  public static final ServerEvent<ClientChangeEvent> CLIENT_CHANGE =
      new ServerEvent<>(
          ServerEvents.CLIENT_CHANGE, "ClientChange", ServerEventReader::clientChange);

  /** The server is shutting down. */
  public static final ServerEvent<PlainServerEvent> SHUTDOWN =
      plain(ServerEvents.SHUTDOWN, "Shutdown");

  /** A replica of this server went online or offline. */
  public static final ServerEvent<PlainServerEvent> REPLICA_CHANGE =
      plain(ServerEvents.REPLICA_CHANGE, "ReplicaChange");

  /** The link of this replica to its master went up or down. */
  public static final ServerEvent<PlainServerEvent> MASTER_LINK_CHANGE =
      plain(ServerEvents.MASTER_LINK_CHANGE, "MasterLinkChange");

  /** The server cron ran. */
  public static final ServerEvent<CronLoopEvent> CRON_LOOP =
      new ServerEvent<>(ServerEvents.CRON_LOOP, "CronLoop", ServerEventReader::cronLoop);

  /** Another module was loaded or unloaded. */
  public static final ServerEvent<ModuleChangeEvent> MODULE_CHANGE =
      new ServerEvent<>(
          ServerEvents.MODULE_CHANGE, "ModuleChange", ServerEventReader::moduleChange);

  /** Loading made progress. */
  public static final ServerEvent<LoadingProgressEvent> LOADING_PROGRESS =
      new ServerEvent<>(
          ServerEvents.LOADING_PROGRESS, "LoadingProgress", ServerEventReader::loadingProgress);

  /** SWAPDB swapped two databases. */
  public static final ServerEvent<SwapDbEvent> SWAPDB =
      new ServerEvent<>(ServerEvents.SWAPDB, "SwapDB", ServerEventReader::swapDb);

  /** Deprecated in Redis 7.0, which never fires it; kept so that every event has a name. */
  public static final ServerEvent<PlainServerEvent> REPL_BACKUP =
      plain(ServerEvents.REPL_BACKUP, "ReplBackup");

  /** A forked child was born or died (fired in the parent). */
  public static final ServerEvent<PlainServerEvent> FORK_CHILD =
      plain(ServerEvents.FORK_CHILD, "ForkChild");

  /** A replica's asynchronous load of its master's data started, was aborted or completed. */
  public static final ServerEvent<PlainServerEvent> REPL_ASYNC_LOAD =
      plain(ServerEvents.REPL_ASYNC_LOAD, "ReplAsyncLoad");

  /** The event loop is about to sleep, or woke up: twice per loop, keep the listener short. */
  public static final ServerEvent<PlainServerEvent> EVENTLOOP =
      plain(ServerEvents.EVENTLOOP, "EventLoop");

  /** Configuration parameters changed. */
  public static final ServerEvent<ConfigChangeEvent> CONFIG =
      new ServerEvent<>(ServerEvents.CONFIG, "Config", ServerEventReader::configChange);

  /** Reads an event's data (the struct at {@code data}) into Java. */
  interface Reader<E> {
    E read(NativeBackend memory, SubEvent subEvent, long data);
  }

  private final int id;
  private final String name;
  private final Reader<E> reader;

  private ServerEvent(int id, String name, Reader<E> reader) {
    this.id = id;
    this.name = name;
    this.reader = reader;
  }

  private static ServerEvent<PlainServerEvent> plain(int id, String name) {
    return new ServerEvent<>(id, name, (memory, subEvent, data) -> new PlainServerEvent(subEvent));
  }

  /** {@return Redis's id of the event ({@code REDISMODULE_EVENT_*})} */
  public int id() {
    return id;
  }

  E read(NativeBackend memory, SubEvent subEvent, long data) {
    return reader.read(memory, subEvent, data);
  }

  /** {@return the event's name in the Modules API, {@code RedisModuleEvent_<name>}} */
  @Override
  public String toString() {
    return name;
  }
}
