package io.jrm.it;

import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data type that encodes itself ({@code rdbSave}/{@code rdbLoad}): named counters. Encoding:
 * U(n), then per counter B(name) S(count), then D(total), F(n as a float), and a trailer
 * U(0xC0FFEE) that loading checks. Encver 0 had no total: loading it recomputes it.
 */
@DataType(name = "jrmtest-c", encver = 1)
public final class CounterValue {
  static final long TRAILER = 0xC0FFEE;

  transient TreeMap<String, Long> counts = new TreeMap<>();
  transient double total;

  public CounterValue() {}

  public void rdbSave(RdbOutput out) {
    out.saveUnsigned(counts.size());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      out.saveStringBuffer(e.getKey().getBytes(StandardCharsets.UTF_8));
      out.saveSigned(e.getValue());
    }
    out.saveDouble(total);
    out.saveFloat(counts.size());
    out.saveUnsigned(TRAILER);
  }

  public static CounterValue rdbLoad(RdbInput in, int encver) {
    CounterValue value = new CounterValue();
    long size = in.loadUnsigned();
    if (size < 0 || size > Integer.MAX_VALUE) {
      throw new RedisException("ERR corrupt jrmtest-c value: " + size + " counters");
    }
    for (long i = 0; i < size; i++) {
      String name;
      try (RedisString loaded = in.loadString()) {
        name = loaded.toString();
      }
      value.counts.put(name, in.loadSigned());
    }
    if (encver >= 1) {
      value.total = in.loadDouble();
    } else {
      value.total = value.counts.values().stream().mapToLong(Long::longValue).sum();
    }
    float count = in.loadFloat();
    if (count != size) {
      throw new RedisException(
          "ERR corrupt jrmtest-c value: count " + count + " for " + size + " counters");
    }
    long trailer = in.loadUnsigned();
    if (trailer != TRAILER) {
      throw new RedisException("ERR corrupt jrmtest-c value: trailer " + Long.toHexString(trailer));
    }
    return value;
  }

  String describe() {
    return "counts=" + counts + ";total=" + total;
  }
}
