package io.jrm;

/**
 * What {@link Key#zsetAdd} did: the output flags of {@code RedisModule_ZsetAdd} ({@code
 * REDISMODULE_ZADD_ADDED}, {@code _UPDATED}, {@code _NOP}), plus {@link #UNCHANGED} for the case C
 * reports with no flag at all.
 */
public enum ZaddResult {
  /** The element was new and was added ({@code REDISMODULE_ZADD_ADDED}). */
  ADDED(1 << 2),
  /** The element existed and its score changed ({@code REDISMODULE_ZADD_UPDATED}). */
  UPDATED(1 << 3),
  /** Nothing was done because of {@link ZaddFlag}s ({@code REDISMODULE_ZADD_NOP}). */
  NOP(1 << 4),
  /** The element existed with that very score already; C sets no output flag then. */
  UNCHANGED(0);

  private final int bits;

  ZaddResult(int bits) {
    this.bits = bits;
  }

  /** {@return the {@code REDISMODULE_ZADD_*} output bit, 0 for {@link #UNCHANGED}} */
  public int bits() {
    return bits;
  }

  /**
   * The result the output bits of {@code *flagsptr} report; input bits ({@link ZaddFlag}) are
   * ignored. The Java side of {@code RedisModule_ZsetAddFlagsFromCoreFlags}, which Redis 7.0 keeps
   * internal.
   *
   * @param bits Redis's output flags
   * @return what they say was done
   */
  public static ZaddResult fromBits(int bits) {
    // One output bit at most is ever set; check in C's order of precedence all the same.
    if ((bits & ADDED.bits) != 0) {
      return ADDED;
    }
    if ((bits & UPDATED.bits) != 0) {
      return UPDATED;
    }
    if ((bits & NOP.bits) != 0) {
      return NOP;
    }
    return UNCHANGED;
  }
}
