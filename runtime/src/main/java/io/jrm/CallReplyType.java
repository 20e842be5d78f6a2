package io.jrm;

/** The type of a {@link CallReply} ({@code REDISMODULE_REPLY_*}). */
public enum CallReplyType {
  UNKNOWN,
  STRING,
  ERROR,
  INTEGER,
  ARRAY,
  NULL,
  MAP,
  SET,
  BOOL,
  DOUBLE,
  BIG_NUMBER,
  VERBATIM_STRING,
  ATTRIBUTE;

  /** By code: {@code values()} copies its array on every call, and this runs per reply. */
  private static final CallReplyType[] BY_CODE = values();

  /** The type for a {@code REDISMODULE_REPLY_*} code: -1 is unknown, then 0, 1, ... in order. */
  static CallReplyType of(int code) {
    return code + 1 >= 0 && code + 1 < BY_CODE.length ? BY_CODE[code + 1] : UNKNOWN;
  }
}
