package io.jrm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Reads a C {@code long double} of x86-64 (the x87 80-bit extended format, in 16 bytes of memory,
 * little-endian: a 64-bit significand with its integer bit, then sign and a 15-bit exponent of bias
 * 16383) into the exact {@link BigDecimal} it holds.
 */
final class LongDoubles {
  /** The bytes a {@code long double} takes in memory (10 used, padded to 16). */
  static final int SIZE = 16;

  private static final int BIAS = 16383;
  private static final int SIGNIFICAND_BITS = 63; // the bits after the binary point

  private LongDoubles() {}

  /** The value of {@code bytes}, empty for an infinity or NaN. */
  static Optional<BigDecimal> decode(byte[] bytes) {
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
}
