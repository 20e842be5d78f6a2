package io.jrm.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The x87 long double's memory read into the exact BigDecimal it holds, and written back. */
class LongDoublesTest {
  private static BigDecimal roundTrip(String value) {
    return LongDoubles.decode(LongDoubles.encode(new BigDecimal(value))).orElseThrow();
  }

  /** {@code significand / 2^63 * 2^power}, exactly. */
  private static BigDecimal x87(String significand, int power) {
    BigDecimal s = new BigDecimal(new BigInteger(significand));
    int shift = 63 - power;
    return shift >= 0
        ? s.divide(new BigDecimal(BigInteger.TWO.pow(shift)))
        : s.multiply(new BigDecimal(BigInteger.TWO.pow(-shift)));
  }

  @Test
  void oneAndATenthKeepsSixtyFourBitsNotADoublesFiftyThree() {
    // 1.1 * 2^63 = 10145709240540253388.8, rounded up.
    assertThat(roundTrip("1.1"))
        .isEqualTo(x87("10145709240540253389", 0))
        .isEqualTo(
            new BigDecimal("1.100000000000000000021684043449710088680149056017398834228515625"))
        .isNotEqualTo(new BigDecimal(1.1));
  }

  @Test
  void everyDoubleIsALongDouble() {
    for (double d : new double[] {0.1, -2.5, 1e300, 4.9e-324, Double.MAX_VALUE, 123456.789}) {
      assertThat(roundTrip(new BigDecimal(d).toString())).isEqualTo(new BigDecimal(d));
    }
  }

  @Test
  void tiesGoToTheEvenSignificand() {
    BigDecimal ulp = x87("1", 0); // 2^-63, one unit of the last place of 1
    BigDecimal halfUlp = ulp.divide(BigDecimal.valueOf(2));
    assertThat(roundTrip(BigDecimal.ONE.add(halfUlp).toPlainString()))
        .isEqualByComparingTo(BigDecimal.ONE);
    assertThat(roundTrip(BigDecimal.ONE.add(ulp).add(halfUlp).toPlainString()))
        .isEqualByComparingTo(BigDecimal.ONE.add(ulp.multiply(BigDecimal.valueOf(2))));
  }

  @Test
  void theExtremesRoundTripAndBeyondThemIsRefusedOrZero() {
    BigDecimal largest = x87("18446744073709551615", 16383);
    BigDecimal smallestDenormal = x87("1", -16382);
    assertThat(roundTrip(largest.toPlainString())).isEqualTo(largest);
    assertThat(LongDoubles.decode(LongDoubles.encode(smallestDenormal)).orElseThrow())
        .isEqualTo(smallestDenormal);
    assertThatThrownBy(() -> LongDoubles.encode(largest.multiply(BigDecimal.valueOf(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond the range of a long double");
    assertThatThrownBy(() -> LongDoubles.encode(new BigDecimal("1e5000")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(roundTrip("1e-6000")).isZero();
    assertThat(roundTrip("-3")).isEqualByComparingTo(new BigDecimal(-3));
  }
}
