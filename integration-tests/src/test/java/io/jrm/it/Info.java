package io.jrm.it;

import redis.clients.jedis.Jedis;

/** Reads fields of {@code INFO}, for tests that watch memory or replication. */
final class Info {
  private Info() {}

  /** The value of {@code field} in {@code INFO section}. */
  static String field(Jedis jedis, String section, String field) {
    for (String line : jedis.info(section).split("\r\n")) {
      if (line.startsWith(field + ":")) {
        return line.substring(field.length() + 1);
      }
    }
    throw new AssertionError("no " + field + " in INFO " + section);
  }

  /** {@code used_memory}: what Redis's allocator has handed out, module allocations included. */
  static long usedMemory(Jedis jedis) {
    return Long.parseLong(field(jedis, "memory", "used_memory"));
  }
}
