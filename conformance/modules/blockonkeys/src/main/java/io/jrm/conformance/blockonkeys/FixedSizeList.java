package io.jrm.conformance.blockonkeys;

import io.jrm.AofOutput;
import io.jrm.RedisString;
import io.jrm.annotations.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of tests/modules/blockonkeys.c's type {@code fsltype_t}: a list of at most {@link
 * #CAPACITY} integers, pushed and popped at its tail. It persists as C's: the count ({@code
 * SaveUnsigned}) then each element ({@code SaveSigned}).
 */
@DataType(name = "fsltype_t", encver = 0)
public final class FixedSizeList {
  /** How many elements the C module's fixed array holds. */
  static final int CAPACITY = 1024;

  /** The elements, head first. */
  List<Long> elements = new ArrayList<>();

  /** The no-argument constructor the generated loader needs. */
  public FixedSizeList() {}

  boolean isEmpty() {
    return elements.isEmpty();
  }

  boolean isFull() {
    return elements.size() == CAPACITY;
  }

  long last() {
    return elements.get(elements.size() - 1);
  }

  long pop() {
    return elements.remove(elements.size() - 1);
  }

  void push(long element) {
    elements.add(element);
  }

  /** Rebuilds the value in a rewritten AOF as one FSL.PUSH per element, as in C. */
  public void aofRewrite(AofOutput aof, RedisString key) {
    for (long element : elements) {
      aof.emit("FSL.PUSH", key, element);
    }
  }
}
