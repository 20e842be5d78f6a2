package io.jrm.spi;

import io.jrm.Context;
import io.jrm.RedisString;
import java.util.List;

/**
 * What the annotation processor generates for a module: its identity, its commands and a dispatch
 * by index. Not for hand-written code; the runtime registers the commands and routes each call from
 * the module's C stub to {@link #dispatch}.
 */
public interface ModuleDefinition {
  /** The module name, as in {@code @RedisModule(name)}. */
  String name();

  /** The module version, as in {@code @RedisModule(version)}. */
  int version();

  /**
   * The commands, in the order of their indexes: command {@code i} is dispatched with {@code i}.
   */
  List<CommandDefinition> commands();

  /**
   * The data types, in the order of their indexes: type {@code i} is loaded by the stub's {@code
   * rdb_load} trampoline {@code i}.
   */
  default List<TypeDefinition<?>> types() {
    return List.of();
  }

  /** Runs command {@code index} of {@link #commands()}. */
  void dispatch(int index, Context ctx, RedisString[] argv) throws Exception;

  /** Runs the module's {@code @OnLoad} method, if it has one. */
  default void onLoad(Context ctx, RedisString[] args) throws Exception {}
}
