package io.jrm.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A C {@code long double} of x86-64 (the x87 80-bit extended format, in 16 bytes of memory,
 * little-endian: a 64-bit significand with its integer bit, then sign and a 15-bit exponent of bias
 * 16383, then padding) as the exact {@link BigDecimal} it holds, and back: Java has no type for
 * one, so its memory crosses the binding ({@code StringToLongDouble}, {@code LoadLongDouble}) and
 * the snapshot of a data type value.
 */
public final class LongDoubles {
  /** The bytes a {@code long double} takes in memory (10 used, padded to 16). */
  public static final int SIZE = 16;

  private static final int BIAS = 16383;
  private static final int SIGNIFICAND_BITS = 63; // the bits after the binary point
  private static final int MAX_EXPONENT = 0x7ffe; // 0x7fff is infinity and NaN
  private static final int MIN_NORMAL_POWER = 1 - BIAS; // also the power of denormals

  /**
   * Decimal exponents past which a value is surely out of range (the largest long double is about
   * 1.19e4932) or surely rounds to zero (the smallest denormal is about 3.6e-4951): the exact
   * computation of such a value would need a power of ten of millions of digits.
   */
  private static final int MAX_DECIMAL_EXPONENT = 4940;

  private static final int MIN_DECIMAL_EXPONENT = -4960;

  private LongDoubles() {}

  /**
   * {@return the value of {@code bytes}, the memory of a long double, empty for an infinity or NaN}
   *
   * @param bytes at least the first 10 bytes of the long double
   */
  public static Optional<BigDecimal> decode(byte[] bytes) {
    long significand = 0;
    for (int i = 7; i >= 0; i--) {
      significand = (significand << 8) | (bytes[i] & 0xff);
    }
    int signAndExponent = ((bytes[9] & 0xff) << 8) | (bytes[8] & 0xff);
    int exponent = signAndExponent & 0x7fff;
    if (exponent == 0x7fff) {
      return Optional.empty();
    }
    // A denormal (exponent 0) has the exponent of the smallest normal number.
    int power = Math.max(exponent, 1) - BIAS - SIGNIFICAND_BITS;
    BigDecimal magnitude = new BigDecimal(new BigInteger(Long.toUnsignedString(significand)));
    magnitude =
        power >= 0
            ? magnitude.multiply(new BigDecimal(BigInteger.TWO.pow(power)))
            : magnitude.divide(new BigDecimal(BigInteger.TWO.pow(-power))); // exact: 2^-n is finite
    return Optional.of((signAndExponent & 0x8000) != 0 ? magnitude.negate() : magnitude);
  }

  /**
   * {@return the memory of the long double nearest {@code value} (ties to even, as {@code strtold}
   * rounds), {@link #SIZE} bytes}
   *
   * @param value the number
   * @throws IllegalArgumentException if {@code value} is beyond the largest long double
   */
  public static byte[] encode(BigDecimal value) {
    byte[] bytes = new byte[SIZE];
    int decimalExponent = value.precision() - value.scale() - 1;
    if (value.signum() == 0 || decimalExponent < MIN_DECIMAL_EXPONENT) {
      return bytes;
    }
    if (decimalExponent > MAX_DECIMAL_EXPONENT) {
      throw outOfRange(value);
    }
    // |value| = numerator / denominator, integers.
    BigInteger numerator = value.unscaledValue().abs();
    BigInteger denominator = BigInteger.ONE;
    if (value.scale() > 0) {
      denominator = BigInteger.TEN.pow(value.scale());
    } else {
      numerator = numerator.multiply(BigInteger.TEN.pow(-value.scale()));
    }
    // The power of two of the leading bit: 2^power <= |value| < 2^(power + 1).
    int power = numerator.bitLength() - denominator.bitLength();
    if (power >= 0
        ? numerator.compareTo(denominator.shiftLeft(power)) < 0
        : numerator.shiftLeft(-power).compareTo(denominator) < 0) {
      power--;
    }
    power = Math.max(power, MIN_NORMAL_POWER); // below it, a denormal
    // The significand is |value| * 2^(63 - power), rounded.
    int shift = SIGNIFICAND_BITS - power;
    BigInteger scaledNumerator = shift >= 0 ? numerator.shiftLeft(shift) : numerator;
    BigInteger scaledDenominator = shift >= 0 ? denominator : denominator.shiftLeft(-shift);
    BigInteger[] quotient = scaledNumerator.divideAndRemainder(scaledDenominator);
    BigInteger significand = quotient[0];
    int half = quotient[1].shiftLeft(1).compareTo(scaledDenominator);
    if (half > 0 || (half == 0 && significand.testBit(0))) {
      significand = significand.add(BigInteger.ONE);
    }
    if (significand.bitLength() > SIGNIFICAND_BITS + 1) { // rounded up to the next power of two
      significand = significand.shiftRight(1);
      power++;
    }
    int exponent = significand.testBit(SIGNIFICAND_BITS) ? power + BIAS : 0;
    if (exponent > MAX_EXPONENT) {
      throw outOfRange(value);
    }
    long bits = significand.longValue();
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[i] = (byte) (bits >>> (8 * i));
    }
    int signAndExponent = exponent | (value.signum() < 0 ? 0x8000 : 0);
    bytes[8] = (byte) signAndExponent;
    bytes[9] = (byte) (signAndExponent >>> 8);
    return bytes;
  }

  private static IllegalArgumentException outOfRange(BigDecimal value) {
    return new IllegalArgumentException(value + " is beyond the range of a long double");
  }
}
