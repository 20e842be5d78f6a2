package io.jrm;

/** A flag of a {@link CommandArg} ({@code REDISMODULE_CMD_ARG_*}). */
public enum ArgFlag {
  /** The argument may be left out (like {@code GET} of {@code SET}). */
  OPTIONAL,
  /** The argument may repeat (like the keys of {@code DEL}). */
  MULTIPLE,
  /** The argument and its token may repeat (like {@code GET pattern} of {@code SORT}). */
  MULTIPLE_TOKEN;

  /** {@return the C bit of this flag: Redis's flags follow this order from bit 0} */
  int bit() {
    return 1 << ordinal();
  }
}
