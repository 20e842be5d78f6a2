package io.jrm;

import java.util.Set;

/**
 * How Redis treats a module config ({@code REDISMODULE_CONFIG_*} of Redis 7.0), given when it is
 * registered ({@link Context#registerBoolConfig} and the others); no flag is Redis's {@code
 * REDISMODULE_CONFIG_DEFAULT}.
 */
public enum ConfigFlag {
  /**
   * Set only at load ({@code MODULE LOADEX ... CONFIG}, the config file): CONFIG SET refuses it.
   */
  IMMUTABLE(1),
  /** CONFIG SET hides its value from the slow log and MONITOR. */
  SENSITIVE(1 << 1),
  /** Left out of {@code CONFIG GET} with a pattern; an exact name still finds it. */
  HIDDEN(1 << 4),
  /** Immutable while {@code enable-protected-configs} is off. */
  PROTECTED(1 << 5),
  /** CONFIG SET refuses it while Redis loads data. */
  DENY_LOADING(1 << 6),
  /** A numeric config that takes memory units: {@code 1mb}, {@code 2gb}. */
  MEMORY(1 << 7),
  /** An enum config whose value is a set of its names, each a bit ({@code "two four"}). */
  BITFLAGS(1 << 8);

  private final int bit;

  ConfigFlag(int bit) {
    this.bit = bit;
  }

  /** The flags as Redis's bit mask. */
  static int mask(Set<ConfigFlag> flags) {
    int mask = 0;
    for (ConfigFlag flag : flags) {
      mask |= flag.bit;
    }
    return mask;
  }
}
