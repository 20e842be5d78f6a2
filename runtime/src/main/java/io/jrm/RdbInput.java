package io.jrm;

/**
 * Where a data type value reads its RDB encoding from ({@code RedisModule_Load*}), in the order it
 * was written. Reading past the end, or a value Redis reports as corrupt, throws {@link
 * RedisException}, which fails the load with a clear log line.
 */
public interface RdbInput {
  /** {@code LoadUnsigned}. */
  long loadUnsigned();

  /** {@code LoadSigned}. */
  long loadSigned();

  /** {@code LoadString}: a new Redis string; close it when done. */
  RedisString loadString();

  /** {@code LoadStringBuffer}: the bytes of a string. */
  byte[] loadStringBuffer();

  /** {@code LoadDouble}. */
  double loadDouble();

  /** {@code LoadFloat}. */
  float loadFloat();

  /** {@code LogIOError}: logs a problem with the data being read, with the module's name. */
  void logIoError(LogLevel level, String message);
}
