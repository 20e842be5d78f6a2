package io.jrm;

/**
 * What {@link Context#openKey(RedisString, KeyMode, KeyOpenFlag...)} adds to the key's mode ({@code
 * REDISMODULE_OPEN_KEY_*}).
 */
public enum KeyOpenFlag {
  /** Leaves the key's LRU/LFU as it is, as OBJECT IDLETIME does ({@code OPEN_KEY_NOTOUCH}). */
  NOTOUCH(1 << 16);

  private final int bit;

  KeyOpenFlag(int bit) {
    this.bit = bit;
  }

  /** The flags of {@code flags} together. */
  static int bits(KeyOpenFlag... flags) {
    int bits = 0;
    for (KeyOpenFlag flag : flags) {
      bits |= flag.bit;
    }
    return bits;
  }
}
