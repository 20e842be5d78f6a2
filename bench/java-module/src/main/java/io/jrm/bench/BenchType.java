package io.jrm.bench;

import io.jrm.AofOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;

/**
 * The native type of BENCH.INSERT and BENCH.RANGE: integers in ascending order. Its RDB encoding,
 * generated from its one field, is the C twin's ({@code bench/c-module/bench.c}): the count with
 * {@code SaveUnsigned}, then each element with {@code SaveSigned}, under the same type name and
 * encver, so one RDB file loads in either module.
 */
@DataType(name = "benchtype", encver = 0)
public final class BenchType {
  /** The elements, in ascending order; exactly as long as the value (the encoding writes it all). */
  long[] values = new long[0];

  /** Inserts {@code element} before the first larger element, as the C twin does. */
  void insert(long element) {
    int at = 0;
    while (at < values.length && values[at] <= element) {
      at++;
    }
    long[] grown = new long[values.length + 1];
    System.arraycopy(values, 0, grown, 0, at);
    grown[at] = element;
    System.arraycopy(values, at, grown, at + 1, values.length - at);
    values = grown;
  }

  /** Rebuilds the value in a rewritten AOF as one BENCH.INSERT per element, as the C twin does. */
  public void aofRewrite(AofOutput aof, RedisString key) {
    for (long element : values) {
      aof.emit("BENCH.INSERT", key, element);
    }
  }
}
