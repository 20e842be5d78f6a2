package io.jrm.example;

import io.jrm.AofOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of Redis 7.0's {@code src/modules/hellotype.c} type: a sorted list of 64-bit integers.
 *
 * <p>It persists with the C module's encoding, generated from its one field: the element count
 * ({@code SaveUnsigned}) then each element ({@code SaveSigned}), under the same type name and
 * encver, so an RDB file written by either module loads in the other.
 */
@DataType(name = "hellotype", encver = 0)
public final class HelloType {
  /** The elements, in ascending order. */
  List<Long> values = new ArrayList<>();

  /** Inserts {@code value} before the first larger element, as the C module's linked list does. */
  void insert(long value) {
    int at = 0;
    while (at < values.size() && values.get(at) < value) {
      at++;
    }
    values.add(at, value);
  }

  /** Rebuilds the value in a rewritten AOF as one HELLOTYPE.INSERT per element, as in C. */
  public void aofRewrite(AofOutput aof, RedisString key) {
    for (long value : values) {
      aof.emit("HELLOTYPE.INSERT", key, value);
    }
  }
}
