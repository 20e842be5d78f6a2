package io.jrm;

/**
 * What a command does with a channel ({@code REDISMODULE_CMD_CHANNEL_*} of Redis 7.0), in bit
 * order: constant {@code i} is bit {@code 1 << i}. Reported with {@link
 * Context#channelAtPosWithFlags}; ACL checks read them before the command runs (unsubscribing is
 * always allowed).
 */
public enum ChannelFlag {
  /** The argument is a pattern, as PSUBSCRIBE takes, not one channel. */
  PATTERN,
  /** The command publishes to the channel. */
  PUBLISH,
  /** The command subscribes to the channel. */
  SUBSCRIBE,
  /** The command unsubscribes from the channel. */
  UNSUBSCRIBE;
}
