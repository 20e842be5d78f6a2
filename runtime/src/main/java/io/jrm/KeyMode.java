package io.jrm;

/**
 * How {@link Context#openKey} opens a key ({@code REDISMODULE_READ}, {@code REDISMODULE_WRITE}).
 */
public enum KeyMode {
  /** Read only: writing through the key fails. */
  READ(1),
  /** Write; reading works too, as in C. */
  WRITE(2),
  /** Read and write, the usual mode of C modules. */
  READ_WRITE(3);

  private final int flags;

  KeyMode(int flags) {
    this.flags = flags;
  }

  /** The {@code REDISMODULE_READ}/{@code REDISMODULE_WRITE} bits. */
  int flags() {
    return flags;
  }

  /** Whether writing through a key opened this way is allowed. */
  boolean writes() {
    return (flags & WRITE.flags) != 0;
  }
}
