package io.jrm;

/**
 * How {@link WriteKey#streamTrimByLength} and {@link WriteKey#streamTrimById} trim ({@code
 * REDISMODULE_STREAM_TRIM_*}): constant {@code i} is bit {@code 1 << i}.
 */
public enum StreamTrimFlag {
  /**
   * Trims only whole nodes of the stream's radix tree, so possibly less than asked, as {@code ~}
   * does in {@code XTRIM}: cheaper, and at most 100 nodes' worth of entries a call ({@code
   * REDISMODULE_STREAM_TRIM_APPROX}).
   */
  APPROX
}
