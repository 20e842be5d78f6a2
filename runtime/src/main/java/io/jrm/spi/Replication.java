package io.jrm.spi;

/**
 * How the runtime propagates a command to replicas and the AOF: the processor's resolution of
 * {@code @RedisCommand(replicate = ...)}, its {@code DEFAULT} already decided by the flags.
 */
public enum Replication {
  /** Propagated verbatim after a successful run, unless the handler propagated something itself. */
  VERBATIM,
  /** Never propagated: the handler's replication calls are refused. */
  NONE,
  /** Propagated only by the handler's own calls. */
  MANUAL
}
