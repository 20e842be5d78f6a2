package io.jrm;

import static io.jrm.internal.binding.RedisModuleApi.cString;

import io.jrm.internal.binding.RedisModuleApi;
import io.jrm.spi.CommandDefinition;

/**
 * Registers one command of the definition in {@code OnLoad}: {@code CreateCommand}, or for a name
 * {@code parent|sub} {@code CreateSubcommand} under the container {@code parent} (created, with no
 * handler, by its first subcommand), then its {@link CommandInfo} when it has one.
 */
final class CommandRegistration {
  private static final int OK = 0;
  private static final int ERR = 1;

  private CommandRegistration() {}

  /** {@return OK, or ERR when Redis refused the name, flags or key positions} */
  static int register(Context context, CommandDefinition command, long function) {
    RedisModuleApi api = context.api();
    long ctx = context.pointer();
    byte[] flags = cString(command.flags());
    int bar = command.name().indexOf('|');
    int rc;
    if (bar < 0) {
      rc =
          api.createCommand(
              ctx,
              cString(command.name()),
              function,
              flags,
              command.firstKey(),
              command.lastKey(),
              command.keyStep());
    } else {
      long parent = container(api, ctx, command.name().substring(0, bar));
      rc =
          parent == 0
              ? ERR
              : api.createSubcommand(
                  parent,
                  cString(command.name().substring(bar + 1)),
                  function,
                  flags,
                  command.firstKey(),
                  command.lastKey(),
                  command.keyStep());
    }
    CommandInfo info = command.info();
    if (rc == OK && info != null) {
      context.command(command.name()).orElseThrow().setCommandInfo(info);
    }
    return rc;
  }

  /** The container command {@code name}, created without a handler if it does not exist yet. */
  private static long container(RedisModuleApi api, long ctx, String name) {
    byte[] cName = cString(name);
    long parent = api.getCommand(ctx, cName);
    if (parent == 0 && api.createCommand(ctx, cName, 0, cString(""), 0, 0, 0) == OK) {
      parent = api.getCommand(ctx, cName);
    }
    return parent;
  }
}
