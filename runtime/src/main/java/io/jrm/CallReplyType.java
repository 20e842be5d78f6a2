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

  /** The type for a {@code REDISMODULE_REPLY_*} code: -1 is unknown, then 0, 1, ... in order. */
  static CallReplyType of(int code) {
    CallReplyType[] types = values();
    return code + 1 >= 0 && code + 1 < types.length ? types[code + 1] : UNKNOWN;
  }
}
