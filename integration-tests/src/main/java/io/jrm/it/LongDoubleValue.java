package io.jrm.it;

import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.annotations.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A data type of C long doubles ({@code SaveLongDouble}/{@code LoadLongDouble}): a list of numbers
 * kept as the decimals they were given, which go through a long double only on their way to RDB.
 * Encoding: U(n), then E(number) per number.
 */
@DataType(name = "jrmtest-e", encver = 0)
public final class LongDoubleValue {
  transient List<BigDecimal> numbers = new ArrayList<>();

  public LongDoubleValue() {}

  public void rdbSave(RdbOutput out) {
    out.saveUnsigned(numbers.size());
    numbers.forEach(out::saveLongDouble);
  }

  public static LongDoubleValue rdbLoad(RdbInput in, int encver) {
    LongDoubleValue value = new LongDoubleValue();
    long size = in.loadUnsigned();
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new RedisException("ERR corrupt jrmtest-e value: " + size + " numbers");
    }
    for (long i = 0; i < size; i++) {
      value.numbers.add(in.loadLongDouble());
    }
    return value;
  }

  /** The numbers in full, as {@link BigDecimal#toPlainString()} writes them, space-separated. */
  String describe() {
    return numbers.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(" "));
  }
}
