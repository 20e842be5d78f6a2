package io.jrm;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@link Context#flags()} tells about the caller and the server ({@code
 * REDISMODULE_CTX_FLAGS_*} of Redis 7.0), in bit order: constant {@code i} is bit {@code 1 << i}.
 */
public enum ContextFlag {
  /** Called from a Lua script or function. */
  LUA,
  /** Called inside MULTI/EXEC. */
  MULTI,
  /** The server is a master. */
  MASTER,
  /** The server is a replica. */
  REPLICA,
  /** The server is a read-only replica. */
  READONLY,
  /** Cluster mode is on. */
  CLUSTER,
  /** AOF is on. */
  AOF,
  /** RDB snapshots are configured. */
  RDB,
  /** A maxmemory limit is set. */
  MAXMEMORY,
  /** A maxmemory eviction policy other than noeviction is set. */
  EVICT,
  /** Redis is out of memory by its maxmemory setting. */
  OOM,
  /** Less than 25% of maxmemory is left. */
  OOM_WARNING,
  /** The command came from the master (replication), not from a client. */
  REPLICATED,
  /** Redis is loading (RDB or AOF). */
  LOADING,
  /** This replica has no link to its master. */
  REPLICA_IS_STALE,
  /** This replica is connecting to its master. */
  REPLICA_IS_CONNECTING,
  /** This replica is receiving its master's data. */
  REPLICA_IS_TRANSFERRING,
  /** This replica is online, its link to its master up. */
  REPLICA_IS_ONLINE,
  /** A child process (BGSAVE, BGREWRITEAOF, module fork) is running. */
  ACTIVE_CHILD,
  /** The surrounding MULTI will fail (a key it WATCHed changed). */
  MULTI_DIRTY,
  /** This code runs in a forked child. */
  IS_CHILD,
  /** The client may not be blocked (MULTI, scripts, a module's {@code Call}). */
  DENY_BLOCKING,
  /** The client speaks RESP3. */
  RESP3,
  /** A replica is loading its master's data in the background. */
  ASYNC_LOADING;

  /** The flags set in {@code bits}. */
  static Set<ContextFlag> of(int bits) {
    Set<ContextFlag> flags = EnumSet.noneOf(ContextFlag.class);
    for (ContextFlag flag : values()) {
      if ((bits & (1 << flag.ordinal())) != 0) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /** Whether this flag is set in {@code bits}. */
  boolean in(int bits) {
    return (bits & (1 << ordinal())) != 0;
  }
}
