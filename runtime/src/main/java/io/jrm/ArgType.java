package io.jrm;

/** The type of a {@link CommandArg} ({@code RedisModuleCommandArgType}), in C's order. */
public enum ArgType {
  /** A string. */
  STRING,
  /** An integer. */
  INTEGER,
  /** A floating-point number. */
  DOUBLE,
  /** A key name: a string with the index of its {@link KeySpec}. */
  KEY,
  /** A glob-style pattern. */
  PATTERN,
  /** A Unix time stamp. */
  UNIX_TIME,
  /** A token alone, with no value ({@link CommandArg#token}). */
  PURE_TOKEN,
  /** One of its sub-arguments. */
  ONEOF,
  /** All of its sub-arguments, in order. */
  BLOCK
}
