package io.jrm;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Where a data type value reads its RDB encoding from ({@code RedisModule_Load*}), in the order it
 * was written. Reading past the end, or a value Redis reports as corrupt, throws {@link
 * RedisException}, which fails the load with a clear log line.
 */
public interface RdbInput {
  /**
   * {@code LoadUnsigned}.
   *
   * @return the number
   */
  long loadUnsigned();

  /**
   * {@code LoadSigned}.
   *
   * @return the number
   */
  long loadSigned();

  /**
   * {@code LoadString}: a new Redis string; close it when done.
   *
   * @return the string, to close when done
   */
  RedisString loadString();

  /**
   * {@code LoadStringBuffer}: the bytes of a string.
   *
   * @return the bytes
   */
  byte[] loadStringBuffer();

  /**
   * {@code LoadDouble}.
   *
   * @return the number
   */
  double loadDouble();

  /**
   * {@code LoadFloat}.
   *
   * @return the number
   */
  float loadFloat();

  /**
   * {@code LoadLongDouble}: a long double written by {@link RdbOutput#saveLongDouble} (or by a C
   * module's {@code SaveLongDouble}).
   *
   * @return the long double's exact value
   * @throws RedisException if the data is corrupt, or holds an infinity or NaN, which a {@link
   *     BigDecimal} cannot
   */
  BigDecimal loadLongDouble();

  /**
   * {@code LogIOError}: logs a problem with the data being read, with the module's name.
   *
   * @param level how severe it is
   * @param message the line to log
   */
  void logIoError(LogLevel level, String message);

  /**
   * {@return the context of this load ({@code GetContextFromIO}), valid until the load returns (say
   * to {@link Context#yield} during a long load, or to {@link Context#alloc} native memory for the
   * value); when JRM reads a value from its own serialized form (a COPY, an AOF's restore command)
   * the context of that callback or command; null only from an RdbInput JRM did not make}
   */
  default @Nullable Context context() {
    return null;
  }

  /**
   * {@return the key whose value is loading ({@code GetKeyNameFromIO}), valid until the load
   * returns; null when Redis does not say (a value loaded from a string, JRM's own serialized
   * form)}
   */
  default @Nullable RedisString keyName() {
    return null;
  }

  /**
   * {@return the database of the key whose value is loading ({@code GetDbIdFromIO}), -1 when Redis
   * does not say}
   */
  default int dbId() {
    return -1;
  }
}
