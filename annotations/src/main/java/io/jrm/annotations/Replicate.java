package io.jrm.annotations;

/**
 * How a command reaches replicas and the AOF, declared with {@link RedisCommand#replicate()}.
 *
 * <p>Only a command that succeeded is propagated: one that replied an error (or whose handler
 * threw) changed nothing, so replicas and the AOF do not see it.
 */
public enum Replicate {
  /** {@link #VERBATIM} for a command flagged {@code write}, {@link #MANUAL} for any other. */
  DEFAULT,

  /**
   * After the handler succeeds, the command is propagated exactly as the client sent it ({@code
   * RedisModule_ReplicateVerbatim}), unless the handler propagated something itself ({@code
   * ctx.replicate}, {@code ctx.replicateVerbatim}, a call with the {@code !} flag), which then
   * replaces it. Not after an error reply or an exception, not after a handler that blocked the
   * client (its reply callback replicates). Needs the {@code write} or {@code may-replicate} flag.
   */
  VERBATIM,

  /**
   * Never propagated: a change made on the master only (a local cache, a statistic). The handler's
   * own replication calls throw {@link IllegalStateException}.
   */
  NONE,

  /** Propagated only by what the handler calls itself, as a command of a C module. */
  MANUAL
}
