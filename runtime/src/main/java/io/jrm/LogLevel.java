package io.jrm;

/** The levels of the Redis log, as {@code RedisModule_Log} takes them. */
public enum LogLevel {
  /** Shown only when {@code loglevel} is debug. */
  DEBUG("debug"),
  /** Shown when {@code loglevel} is verbose or debug. */
  VERBOSE("verbose"),
  /** Shown unless {@code loglevel} is warning. */
  NOTICE("notice"),
  /** Shown at every {@code loglevel}. */
  WARNING("warning");

  private final String redisName;

  LogLevel(String redisName) {
    this.redisName = redisName;
  }

  /** {@return the name Redis uses for the level ({@code REDISMODULE_LOGLEVEL_*})} */
  public String redisName() {
    return redisName;
  }
}
