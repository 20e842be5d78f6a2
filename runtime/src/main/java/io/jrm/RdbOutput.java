package io.jrm;

import java.math.BigDecimal;

/**
 * Where a data type value writes its RDB encoding ({@code RedisModule_Save*}). JRM hands one to
 * generated and custom {@code rdbSave} code; a value must write the same sequence for the same
 * content.
 */
public interface RdbOutput {
  /**
   * {@code SaveUnsigned}: an unsigned 64-bit integer.
   *
   * @param value the number, read as unsigned
   */
  void saveUnsigned(long value);

  /**
   * {@code SaveSigned}: a signed 64-bit integer.
   *
   * @param value the number
   */
  void saveSigned(long value);

  /**
   * {@code SaveString}: a Redis string.
   *
   * @param value the string
   */
  void saveString(RedisString value);

  /**
   * {@code SaveStringBuffer}: bytes.
   *
   * @param value the bytes
   */
  void saveStringBuffer(byte[] value);

  /**
   * {@code SaveDouble}: a double, NaN and infinities included.
   *
   * @param value the number
   */
  void saveDouble(double value);

  /**
   * {@code SaveFloat}: a float, NaN and infinities included.
   *
   * @param value the number
   */
  void saveFloat(float value);

  /**
   * {@code SaveLongDouble}: a C {@code long double}, written as the long double nearest {@code
   * value} (on x86-64 a 64-bit significand: {@code 1.1} keeps some 19 digits where a double keeps
   * 16). {@link RdbInput#loadLongDouble} reads back that long double's exact value.
   *
   * @param value the number
   * @throws IllegalArgumentException if {@code value} is beyond the range of a long double
   */
  void saveLongDouble(BigDecimal value);

  /**
   * {@return whether this output computes a digest ({@code DEBUG DIGEST}) rather than persisting:
   * then unordered collections must be written in a canonical order, so that equal content digests
   * equally}
   */
  default boolean canonical() {
    return false;
  }
}
