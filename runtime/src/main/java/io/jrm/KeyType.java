package io.jrm;

/** What a key holds ({@code REDISMODULE_KEYTYPE_*}). */
public enum KeyType {
  /** No value: the key does not exist. */
  EMPTY,
  /** A string. */
  STRING,
  /** A list. */
  LIST,
  /** A hash. */
  HASH,
  /** A set. */
  SET,
  /** A sorted set. */
  ZSET,
  /** A value of a module data type. */
  MODULE,
  /** A stream. */
  STREAM;

  /**
   * By code: {@code values()} copies its array on every call, and this runs on every {@code
   * Key.type()}.
   */
  private static final KeyType[] BY_CODE = values();

  /** The type for a {@code REDISMODULE_KEYTYPE_*} code, 0 to 7 in order. */
  static KeyType of(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalStateException("unknown key type code " + code);
    }
    return BY_CODE[code];
  }
}
