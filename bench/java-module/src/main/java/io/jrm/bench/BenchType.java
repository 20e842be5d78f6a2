package io.jrm.bench;

import io.jrm.AofOutput;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.Arrays;

/**
 * The native type of BENCH.INSERT and BENCH.RANGE: integers in ascending order, in an array that
 * doubles when full, as the C twin's ({@code bench/c-module/bench.c}) does: the twins compare what
 * reaching Redis costs, so each keeps the same algorithm. Its RDB encoding is the C twin's (the
 * count with {@code SaveUnsigned}, then each element with {@code SaveSigned}, under the same type
 * name and encver), so one RDB file loads in either module; it is written by hand because the
 * encoding JRM generates for a field would write the array's spare room too.
 */
@DataType(name = "benchtype", encver = 0)
public final class BenchType {
  /** The elements, in ascending order: the first {@link #size} of the array. */
  transient long[] values;

  /** How many elements the value holds. */
  transient int size;

  BenchType(int capacity) {
    values = new long[capacity];
  }

  /** Inserts {@code element} before the first larger element, as the C twin does. */
  void insert(long element) {
    int at = 0;
    while (at < size && values[at] <= element) {
      at++;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(4, size * 2));
    }
    System.arraycopy(values, at, values, at + 1, size - at);
    values[at] = element;
    size++;
  }

  /** The C twin's encoding: the count, then the elements. */
  public void rdbSave(RdbOutput out) {
    out.saveUnsigned(size);
    for (int i = 0; i < size; i++) {
      out.saveSigned(values[i]);
    }
  }

  /** Reads what {@link #rdbSave} (or the C twin) wrote. */
  public static BenchType rdbLoad(RdbInput in, int encver) {
    long count = in.loadUnsigned();
    if (count < 0 || count > Integer.MAX_VALUE - 8) {
      throw new RedisException(
          "ERR corrupt benchtype value: " + Long.toUnsignedString(count) + " elements");
    }
    BenchType value = new BenchType((int) count);
    for (; value.size < count; value.size++) {
      value.values[value.size] = in.loadSigned();
    }
    return value;
  }

  /** Rebuilds the value in a rewritten AOF as one BENCH.INSERT per element, as the C twin does. */
  public void aofRewrite(AofOutput aof, RedisString key) {
    for (int i = 0; i < size; i++) {
      aof.emit("BENCH.INSERT", key, values[i]);
    }
  }
}
