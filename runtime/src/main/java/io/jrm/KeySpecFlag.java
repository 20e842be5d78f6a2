package io.jrm;

/**
 * A flag of a {@link KeySpec} ({@code REDISMODULE_CMD_KEY_*}): exactly one of {@link #RO}, {@link
 * #RW}, {@link #OW}, {@link #RM}, and at most one of {@link #INSERT}, {@link #UPDATE}, {@link
 * #DELETE}.
 */
public enum KeySpecFlag {
  /** Read-only: the command reads the key's value but does not change it. */
  RO,
  /** Read-write: the command reads the value and changes it. */
  RW,
  /** Overwrite: the command writes the value without reading it. */
  OW,
  /** Remove: the command deletes the key. */
  RM,
  /** The command returns, copies or uses the user data of the value. */
  ACCESS,
  /** The command updates the value (not only adds or removes parts). */
  UPDATE,
  /** The command only adds data to the value. */
  INSERT,
  /** The command only removes data from the value. */
  DELETE,
  /** The argument is not a key but is routed like one (a shard channel). */
  NOT_KEY,
  /** The spec may not find every key (a key may be found elsewhere). */
  INCOMPLETE,
  /** The key's flags depend on other arguments. */
  VARIABLE_FLAGS;

  /** {@return the C bit of this flag: Redis's flags follow this order from bit 0} */
  long bit() {
    return 1L << ordinal();
  }
}
