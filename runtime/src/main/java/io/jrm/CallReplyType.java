package io.jrm;

/** The type of a {@link CallReply} ({@code REDISMODULE_REPLY_*}). */
public enum CallReplyType {
  /** A type this JRM does not know (a newer Redis). */
  UNKNOWN,
  /** A bulk or simple string. */
  STRING,
  /** An error. */
  ERROR,
  /** An integer. */
  INTEGER,
  /** An array. */
  ARRAY,
  /** The null reply. */
  NULL,
  /** A RESP3 map. */
  MAP,
  /** A RESP3 set. */
  SET,
  /** A RESP3 boolean. */
  BOOL,
  /** A RESP3 double. */
  DOUBLE,
  /** A RESP3 big number. */
  BIG_NUMBER,
  /** A RESP3 verbatim string. */
  VERBATIM_STRING,
  /** A RESP3 attribute. */
  ATTRIBUTE;

  /** By code: {@code values()} copies its array on every call, and this runs per reply. */
  private static final CallReplyType[] BY_CODE = values();

  /** The type for a {@code REDISMODULE_REPLY_*} code: -1 is unknown, then 0, 1, ... in order. */
  static CallReplyType of(int code) {
    return code + 1 >= 0 && code + 1 < BY_CODE.length ? BY_CODE[code + 1] : UNKNOWN;
  }
}
