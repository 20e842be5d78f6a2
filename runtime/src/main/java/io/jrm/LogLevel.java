package io.jrm;

/** The levels of the Redis log, as {@code RedisModule_Log} takes them. */
public enum LogLevel {
  DEBUG("debug"),
  VERBOSE("verbose"),
  NOTICE("notice"),
  WARNING("warning");

  private final String redisName;

  LogLevel(String redisName) {
    this.redisName = redisName;
  }

  /** The name Redis uses for the level ({@code REDISMODULE_LOGLEVEL_*}). */
  public String redisName() {
    return redisName;
  }
}
