package io.jrm;

import java.util.Collection;

/**
 * Conditions for {@link Key#hashSet(java.util.Set, Object...)} ({@code REDISMODULE_HASH_NX}, {@code
 * _XX}, {@code _COUNT_ALL}).
 *
 * <p>The other two {@code REDISMODULE_HASH_*} flags follow from the Java types: {@code
 * REDISMODULE_HASH_CFIELDS} is used when the field names are {@code String}s rather than {@link
 * RedisString}s, and {@code REDISMODULE_HASH_EXISTS} is what {@link Key#hashExists} asks.
 */
public enum HashFlag {
  /** Only set fields that do not exist yet ({@code REDISMODULE_HASH_NX}). */
  NX(1),
  /** Only set fields that exist already ({@code REDISMODULE_HASH_XX}). */
  XX(1 << 1),
  /**
   * Count inserted fields too, not only the updated and deleted ones ({@code
   * REDISMODULE_HASH_COUNT_ALL}).
   */
  COUNT_ALL(1 << 4);

  /** {@code REDISMODULE_HASH_CFIELDS}: field names are C strings. */
  static final int CFIELDS = 1 << 2;

  /** {@code REDISMODULE_HASH_EXISTS}: report existence instead of values. */
  static final int EXISTS = 1 << 3;

  private final int bit;

  HashFlag(int bit) {
    this.bit = bit;
  }

  /** {@return the flag's {@code REDISMODULE_HASH_*} bit} */
  public int bit() {
    return bit;
  }

  /**
   * The {@code REDISMODULE_HASH_*} bits of {@code flags}.
   *
   * @param flags the flags
   * @return their bits, OR-ed
   */
  public static int toBits(Collection<HashFlag> flags) {
    int bits = 0;
    for (HashFlag flag : flags) {
      bits |= flag.bit;
    }
    return bits;
  }
}
