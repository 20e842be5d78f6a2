package io.jrm;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Conditions for {@link Key#zsetAdd} and {@link Key#zsetIncrby}, as the options of {@code ZADD}
 * ({@code REDISMODULE_ZADD_XX}, {@code _NX}, {@code _GT}, {@code _LT}). What happened comes back as
 * a {@link ZaddResult}.
 */
public enum ZaddFlag {
  /** Only update elements that already exist; never add ({@code REDISMODULE_ZADD_XX}). */
  XX(1),
  /** Only add new elements; never update ({@code REDISMODULE_ZADD_NX}). */
  NX(1 << 1),
  /** Update an existing element only if the new score is greater ({@code REDISMODULE_ZADD_GT}). */
  GT(1 << 5),
  /** Update an existing element only if the new score is less ({@code REDISMODULE_ZADD_LT}). */
  LT(1 << 6);

  private final int bit;

  ZaddFlag(int bit) {
    this.bit = bit;
  }

  /** {@return the flag's {@code REDISMODULE_ZADD_*} bit} */
  public int bit() {
    return bit;
  }

  /**
   * The {@code REDISMODULE_ZADD_*} bits of {@code flags}, the value a C module passes in {@code
   * *flagsptr}. The Java side of {@code RedisModule_ZsetAddFlagsToCoreFlags}, which Redis 7.0 keeps
   * internal.
   *
   * @param flags the flags
   * @return their bits, OR-ed
   */
  public static int toBits(Collection<ZaddFlag> flags) {
    int bits = 0;
    for (ZaddFlag flag : flags) {
      bits |= flag.bit;
    }
    return bits;
  }

  /**
   * The flags whose bits are set in {@code bits}; other bits, the output ones of {@link ZaddResult}
   * included, are ignored. The inverse of {@link #toBits}.
   *
   * @param bits Redis's output flags
   * @return the flags set in them
   */
  public static Set<ZaddFlag> fromBits(int bits) {
    Set<ZaddFlag> flags = EnumSet.noneOf(ZaddFlag.class);
    for (ZaddFlag flag : values()) {
      if ((bits & flag.bit) != 0) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /**
   * The same combinations {@code ZADD} refuses: XX with NX, and NX or GT with LT. Redis's core
   * would accept them silently and do nothing, which hides bugs, so they fail loudly here.
   */
  static void checkCompatible(Set<ZaddFlag> flags) {
    if (flags.contains(NX) && flags.contains(XX)) {
      throw new RedisException("ERR XX and NX options at the same time are not compatible");
    }
    int exclusive =
        (flags.contains(NX) ? 1 : 0) + (flags.contains(GT) ? 1 : 0) + (flags.contains(LT) ? 1 : 0);
    if (exclusive > 1) {
      throw new RedisException("ERR GT, LT, and/or NX options at the same time are not compatible");
    }
  }
}
