package io.jrm.internal.binding;

/**
 * The C types of the Redis Module API as a backend must pass them on LP64 platforms. Pointers,
 * {@code size_t}, {@code long long} and {@code mstime_t} are all one 64-bit word, and {@code const
 * char *} arguments are passed as NUL-terminated byte arrays the backend copies.
 */
public enum CType {
  VOID,
  /** {@code int}. */
  INT,
  /** {@code long long}, {@code size_t}, {@code mstime_t}, {@code long}. */
  LONG,
  /** {@code double}. */
  DOUBLE,
  /** {@code float}. */
  FLOAT,
  /** Any pointer: handles ({@code RedisModuleCtx *}, ...), buffers and out-parameters. */
  POINTER
}
