package io.jrm;

/** What a key holds ({@code REDISMODULE_KEYTYPE_*}). */
public enum KeyType {
  EMPTY,
  STRING,
  LIST,
  HASH,
  SET,
  ZSET,
  MODULE,
  STREAM;

  /** The type for a {@code REDISMODULE_KEYTYPE_*} code, 0 to 7 in order. */
  static KeyType of(int code) {
    KeyType[] types = values();
    if (code < 0 || code >= types.length) {
      throw new IllegalStateException("unknown key type code " + code);
    }
    return types[code];
  }
}
