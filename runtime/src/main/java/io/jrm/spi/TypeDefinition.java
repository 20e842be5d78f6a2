package io.jrm.spi;

import io.jrm.AofOutput;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisString;

/**
 * What the annotation processor generates for each {@code @DataType} class: its identity and its
 * serializers. Not for hand-written code; the runtime registers the type and calls these from
 * Redis's type callbacks.
 *
 * @param <T> the data type class
 */
public interface TypeDefinition<T> {
  /** The 9-character type name, as in {@code @DataType(name)}. */
  String name();

  /** The encoding version written, as in {@code @DataType(encver)}. */
  int encver();

  /** The data type class. */
  Class<T> type();

  /** Writes {@code value}'s RDB encoding (generated, or the class's own {@code rdbSave}). */
  void save(T value, RdbOutput out);

  /**
   * Reads a value written with {@code encver} (generated, or the class's own {@code rdbLoad}),
   * upgrading it when older.
   *
   * @throws io.jrm.RedisException when {@code encver} is newer than {@link #encver()}
   */
  T load(RdbInput in, int encver);

  /** Whether the class writes its own AOF rewrite with {@link #rewriteAof}. */
  default boolean rewritesAof() {
    return false;
  }

  /**
   * Emits the commands that rebuild {@code value} at {@code key} (the class's {@code aofRewrite}).
   */
  default void rewriteAof(T value, RedisString key, AofOutput aof) {
    throw new UnsupportedOperationException(name() + " has no aofRewrite method");
  }
}
