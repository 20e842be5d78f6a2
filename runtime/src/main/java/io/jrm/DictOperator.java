package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

/**
 * Where a dictionary iterator seeks ({@link NativeDict#iteratorStart}, {@link DictIterator#reseek})
 * or how it compares its current key ({@link DictIterator#compare}): the operator strings of
 * Redis's {@code RedisModule_DictIteratorStart}. {@link #FIRST} and {@link #LAST} ignore the key
 * and compare as false.
 */
public enum DictOperator {
  /** {@code ^}: the smallest key. */
  FIRST("^"),
  /** {@code $}: the greatest key. */
  LAST("$"),
  /** {@code >}: the first key greater than the given one. */
  GREATER(">"),
  /** {@code >=}: the first key greater than or equal to the given one. */
  GREATER_OR_EQUAL(">="),
  /** {@code <}: the first key smaller than the given one (iterating backwards from it). */
  LESS("<"),
  /** {@code <=}: the first key smaller than or equal to the given one. */
  LESS_OR_EQUAL("<="),
  /** {@code ==}: exactly the given key. */
  EQUAL("==");

  private final String symbol;
  private final byte[] cSymbol;

  DictOperator(String symbol) {
    this.symbol = symbol;
    this.cSymbol = cString(symbol);
  }

  /** {@return the operator as Redis writes it, for example {@code ">="}} */
  public String symbol() {
    return symbol;
  }

  /** The operator as the NUL-terminated C string the binding passes (never modified). */
  byte[] cSymbol() {
    return cSymbol;
  }
}
