package io.jrm;

/**
 * Why an entry goes into ACL LOG ({@code RedisModuleACLLogEntryReason} of Redis 7.0, in its order),
 * for {@link Context#aclAddLogEntry}.
 */
public enum AclLogReason {
  /** An authentication failed. */
  AUTH,
  /** A command was denied. */
  CMD,
  /** A key was denied. */
  KEY,
  /** A channel was denied. */
  CHANNEL
}
