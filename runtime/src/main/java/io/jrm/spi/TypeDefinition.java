package io.jrm.spi;

import io.jrm.AofOutput;
import io.jrm.AuxPhase;
import io.jrm.DefragContext;
import io.jrm.KeyOptContext;
import io.jrm.RdbInput;
import io.jrm.RdbOutput;
import io.jrm.RedisString;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the annotation processor generates for each {@code @DataType} class: its identity and its
 * serializers. Not for hand-written code; the runtime registers the type and calls these from
 * Redis's type callbacks.
 *
 * @param <T> the data type class
 */
public interface TypeDefinition<T> {
  /** {@return the 9-character type name, as in {@code @DataType(name)}} */
  String name();

  /** {@return the encoding version written, as in {@code @DataType(encver)}} */
  int encver();

  /** {@return the data type class} */
  Class<T> type();

  /**
   * Writes {@code value}'s RDB encoding (generated, or the class's own {@code rdbSave}).
   *
   * @param value the value
   * @param out where to write it
   */
  void save(T value, RdbOutput out);

  /**
   * Reads a value written with {@code encver} (generated, or the class's own {@code rdbLoad}),
   * upgrading it when older.
   *
   * @param in where to read from
   * @param encver the encoding version the value was written with
   * @return the value
   * @throws io.jrm.RedisException when {@code encver} is newer than {@link #encver()}
   */
  T load(RdbInput in, int encver);

  /** {@return whether the class writes its own AOF rewrite with {@link #rewriteAof}} */
  default boolean rewritesAof() {
    return false;
  }

  /**
   * Emits the commands that rebuild {@code value} at {@code key} (the class's {@code aofRewrite}).
   *
   * @param value the value
   * @param key its key
   * @param aof where to write the commands
   */
  default void rewriteAof(T value, RedisString key, AofOutput aof) {
    throw new UnsupportedOperationException(name() + " has no aofRewrite method");
  }

  /** {@return whether the class declares {@code copy}, which COPY calls} */
  default boolean copies() {
    return false;
  }

  /**
   * The copy COPY stores at the destination key (the class's {@code copy}).
   *
   * @param value the value copied
   * @param keys the source and destination keys
   * @return a new object, or null to refuse the copy
   */
  default @Nullable T copy(T value, KeyOptContext keys) {
    throw new UnsupportedOperationException(name() + " has no copy method");
  }

  /** {@return whether the class declares {@code freeEffort}} */
  default boolean hasFreeEffort() {
    return false;
  }

  /**
   * The work of freeing {@code value} (the class's {@code freeEffort}): over 64, Redis frees it on
   * its lazy-free thread.
   *
   * @param value the value
   * @param keys its key
   * @return the effort, say the number of elements
   */
  default long freeEffort(T value, KeyOptContext keys) {
    throw new UnsupportedOperationException(name() + " has no freeEffort method");
  }

  /** {@return whether the class declares {@code unlink}} */
  default boolean hasUnlink() {
    return false;
  }

  /**
   * Tells {@code value} that its key leaves the keyspace (the class's {@code unlink}).
   *
   * @param value the value
   * @param keys its key
   */
  default void unlink(T value, KeyOptContext keys) {
    throw new UnsupportedOperationException(name() + " has no unlink method");
  }

  /** {@return whether the class declares {@code defrag}} */
  default boolean hasDefrag() {
    return false;
  }

  /**
   * Moves the native memory {@code value} holds (the class's {@code defrag}), in Redis's active
   * defragmentation.
   *
   * @param value the value
   * @param ctx the defragmentation
   * @return whether it stopped early ({@link DefragContext#defragShouldStop()}) and wants another
   *     call
   */
  default boolean defrag(T value, DefragContext ctx) {
    throw new UnsupportedOperationException(name() + " has no defrag method");
  }

  /** {@return whether the class declares {@code memUsage}, which MEMORY USAGE then reports} */
  default boolean hasMemUsage() {
    return false;
  }

  /**
   * The memory {@code value} takes, in bytes, as its class counts it (the class's {@code
   * memUsage}).
   *
   * @param value the value
   * @return its size in bytes
   */
  default long memUsage(T value) {
    throw new UnsupportedOperationException(name() + " has no memUsage method");
  }

  /** {@return whether the class declares {@code free}, which runs when Redis frees a value} */
  default boolean hasFree() {
    return false;
  }

  /**
   * Lets {@code value} release what it holds outside the Java heap (the class's {@code free}):
   * Redis has freed it (DEL, overwrite, FLUSHDB, a lazy free on Redis's lazy-free thread).
   *
   * @param value the value
   */
  default void free(T value) {
    throw new UnsupportedOperationException(name() + " has no free method");
  }

  /** {@return whether the class declares {@code auxSave} and {@code auxLoad}} */
  default boolean hasAux() {
    return false;
  }

  /**
   * When Redis asks for {@link #auxSave}: for a class with aux methods, its {@code
   * auxSaveTriggers()}, or {@link AuxPhase#BEFORE_RDB} when it declares none; empty for a class
   * without. Asked once, when the type registers (after the module's {@code @OnLoad}).
   *
   * @return the phases, empty for none
   */
  default Set<AuxPhase> auxSaveTriggers() {
    return Set.of();
  }

  /**
   * Writes the class's module-wide state for {@code phase} (the class's static {@code auxSave}).
   *
   * @param out where to write it
   * @param phase before or after the keyspace
   */
  default void auxSave(RdbOutput out, AuxPhase phase) {
    throw new UnsupportedOperationException(name() + " has no auxSave method");
  }

  /**
   * Reads the class's module-wide state written with {@code encver} for {@code phase} (the class's
   * static {@code auxLoad}).
   *
   * @param in where to read from
   * @param encver the encoding version it was written with
   * @param phase before or after the keyspace
   * @throws io.jrm.RedisException when {@code encver} is newer than {@link #encver()}
   */
  default void auxLoad(RdbInput in, int encver, AuxPhase phase) {
    throw new UnsupportedOperationException(name() + " has no auxLoad method");
  }
}
