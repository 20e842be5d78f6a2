package io.jrm;

/**
 * What a command does with a key ({@code REDISMODULE_CMD_KEY_*} of Redis 7.0), in bit order:
 * constant {@code i} is bit {@code 1 << i}. The same flags serve a command's static metadata
 * ({@link KeySpec#flags}: exactly one of {@link #RO}, {@link #RW}, {@link #OW}, {@link #RM}, and at
 * most one of {@link #INSERT}, {@link #UPDATE}, {@link #DELETE}) and the keys it reports at run
 * time ({@link Context#keyAtPosWithFlags}, read with {@link Context#commandKeysWithFlags}); ACL
 * checks read them (a key only read needs only {@code %R~}).
 */
public enum KeyFlag {
  /** Read-only: the value is read, never changed. */
  RO,
  /** Read-write: the value is read and changed. */
  RW,
  /** Overwrite: the value is replaced without being read. */
  OW,
  /** Remove: the key is deleted. */
  RM,
  /** The user's data in the value is returned, copied or used. */
  ACCESS,
  /** Data is updated in place (not inserted or deleted). */
  UPDATE,
  /** Data is added to the value. */
  INSERT,
  /** Data is removed from the value. */
  DELETE,
  /** The argument is not a key, though cluster routing should treat it as one. */
  NOT_KEY,
  /** The keys reported may not be all the command touches. */
  INCOMPLETE,
  /** The flags depend on the arguments. */
  VARIABLE_FLAGS;

  /** {@return the C bit of this flag: Redis's flags follow this order from bit 0} */
  long bit() {
    return 1L << ordinal();
  }
}
