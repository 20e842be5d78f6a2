package io.jrm;

/** Which end of a list {@link Key#listPush} and {@link Key#listPop} work on. */
public enum ListEnd {
  /** The first element, as {@code LPUSH}/{@code LPOP} ({@code REDISMODULE_LIST_HEAD}). */
  HEAD(0),
  /** The last element, as {@code RPUSH}/{@code RPOP} ({@code REDISMODULE_LIST_TAIL}). */
  TAIL(1);

  private final int code;

  ListEnd(int code) {
    this.code = code;
  }

  /** The {@code REDISMODULE_LIST_*} value. */
  int code() {
    return code;
  }
}
