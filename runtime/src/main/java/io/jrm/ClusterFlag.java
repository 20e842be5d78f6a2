package io.jrm;

import java.util.Set;

/**
 * What {@link Context#setClusterFlags} turns off in Redis Cluster ({@code
 * REDISMODULE_CLUSTER_FLAG_*} of Redis 7.0), for a module that builds its own distributed system on
 * the cluster bus. Once set, a flag stays set until the server restarts.
 */
public enum ClusterFlag {
  /** Replicas never fail a dead master over, and replica migration is off. */
  NO_FAILOVER(1 << 1),
  /**
   * Every node accepts every key, without redirecting to the slot's owner; slots are still
   * propagated, without effect.
   */
  NO_REDIRECTION(1 << 2);

  private final int bit;

  ClusterFlag(int bit) {
    this.bit = bit;
  }

  /** The C mask of {@code flags}. */
  static long bits(Set<ClusterFlag> flags) {
    long bits = 0;
    for (ClusterFlag flag : flags) {
      bits |= flag.bit;
    }
    return bits;
  }
}
