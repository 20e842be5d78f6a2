package io.jrm.conformance.lazyfree;

import io.jrm.AofOutput;
import io.jrm.KeyOptContext;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisException;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.Arrays;

/**
 * The type {@code test_lazy} of Redis's tests/modules/test_lazyfree.c: a sorted sequence of
 * integers (C's linked list, here an array), saved as its length ({@code SaveUnsigned}) then each
 * element ({@code SaveSigned}). Its free effort is its length, so that UNLINK of a long one frees
 * it on Redis's lazy-free thread.
 */
@DataType(name = "test_lazy", encver = 0)
public final class LazyFreeLink {
  private long[] elements = new long[4];
  private int length;

  /** Inserts {@code element} in order, after the elements equal to it. */
  void insert(long element) {
    int at = length;
    while (at > 0 && elements[at - 1] >= element) {
      at--; // C walks from the head past smaller elements: equal ones stay after the new one
    }
    if (length == elements.length) {
      elements = Arrays.copyOf(elements, length * 2);
    }
    System.arraycopy(elements, at, elements, at + 1, length - at);
    elements[at] = element;
    length++;
  }

  /** The number of elements inserted. */
  int length() {
    return length;
  }

  /** The length, then each element. */
  public void rdbSave(RdbOutput out) {
    out.saveUnsigned(length);
    for (int i = 0; i < length; i++) {
      out.saveSigned(elements[i]);
    }
  }

  /** Reads what rdbSave wrote. */
  public static LazyFreeLink rdbLoad(RdbInput in, int encver) {
    long count = in.loadUnsigned();
    if (count < 0 || count > Integer.MAX_VALUE - 8) {
      throw new RedisException("ERR test_lazy length out of range: " + count);
    }
    LazyFreeLink link = new LazyFreeLink();
    for (long i = 0; i < count; i++) {
      link.insert(in.loadSigned());
    }
    return link;
  }

  /** One LAZYFREELINK.INSERT per element. */
  public void aofRewrite(AofOutput aof, RedisString key) {
    for (int i = 0; i < length; i++) {
      aof.emit("LAZYFREELINK.INSERT", key, elements[i]);
    }
  }

  /** The number of elements: over 64, UNLINK frees the value on the lazy-free thread. */
  public long freeEffort(KeyOptContext keys) {
    return length;
  }
}
