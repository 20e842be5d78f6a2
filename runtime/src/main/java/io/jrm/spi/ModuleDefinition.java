package io.jrm.spi;

import io.jrm.Context;
import io.jrm.LogLevel;
import io.jrm.RedisString;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the annotation processor generates for a module: its identity, its commands and a dispatch
 * by index. Not for hand-written code; the runtime registers the commands and routes each call from
 * the module's C stub to {@link #dispatch}.
 */
public interface ModuleDefinition {
  /** {@return the module name, as in {@code @RedisModule(name)}} */
  String name();

  /** {@return the module version, as in {@code @RedisModule(version)}} */
  int version();

  /**
   * {@return the commands, in the order of their indexes: command {@code i} is dispatched with
   * {@code i}}
   */
  List<CommandDefinition> commands();

  /**
   * {@return the data types, in the order of their indexes: type {@code i} is loaded by the stub's
   * {@code rdb_load} trampoline {@code i}}
   */
  default List<TypeDefinition<?>> types() {
    return List.of();
  }

  /**
   * Runs command {@code index} of {@link #commands()}.
   *
   * @param index the command's index in {@link #commands()}
   * @param ctx the context of the call
   * @param argv the command's arguments, its name first
   * @throws Exception what the handler throws: it becomes the error reply
   */
  void dispatch(int index, Context ctx, RedisString[] argv) throws Exception;

  /**
   * Registers the module's {@code @Config} fields, before {@link #onLoad}; this default has none.
   *
   * @param ctx the context of the load
   */
  default void registerConfigs(Context ctx) {}

  /**
   * Runs the module's {@code @OnLoad} method. This default, for a module without one, logs the
   * module arguments it was given as ignored, so a typo in a deployment does not go unnoticed.
   *
   * @param ctx the context of the load
   * @param args the module's load arguments
   * @throws Exception what the handler throws: the load fails with it
   */
  default void onLoad(Context ctx, RedisString[] args) throws Exception {
    if (args.length > 0) {
      ctx.log(
          LogLevel.WARNING,
          "JRM: module "
              + name()
              + " has no @OnLoad method, so its arguments are ignored: "
              + Arrays.stream(args).map(RedisString::toString).collect(Collectors.joining(" ")));
    }
  }
}
