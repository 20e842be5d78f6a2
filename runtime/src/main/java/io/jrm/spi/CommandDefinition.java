package io.jrm.spi;

import io.jrm.CommandInfo;
import org.jspecify.annotations.Nullable;

/**
 * One command of a module, with the arguments of {@code RedisModule_CreateCommand} and what {@code
 * RedisModule_SetCommandInfo} adds. A name {@code parent|sub} is a subcommand ({@code
 * RedisModule_CreateSubcommand}) of the container {@code parent}, which the runtime creates when no
 * command of the module has that name yet.
 *
 * @param name the command name clients type
 * @param flags space-separated command flags, already validated by the processor
 * @param firstKey index of the first key, 0 for none
 * @param lastKey index of the last key, negative counts from the end
 * @param keyStep step between keys
 * @param replication how the runtime propagates the command to replicas and the AOF
 * @param info what COMMAND INFO and COMMAND DOCS show beyond the above, or null for nothing
 */
public record CommandDefinition(
    String name,
    String flags,
    int firstKey,
    int lastKey,
    int keyStep,
    Replication replication,
    @Nullable CommandInfo info) {

  /**
   * A command with no info beyond {@code CreateCommand}'s.
   *
   * @param name the command name clients type
   * @param flags space-separated command flags
   * @param firstKey index of the first key, 0 for none
   * @param lastKey index of the last key
   * @param keyStep step between keys
   * @param replication how the runtime propagates the command
   */
  public CommandDefinition(
      String name, String flags, int firstKey, int lastKey, int keyStep, Replication replication) {
    this(name, flags, firstKey, lastKey, keyStep, replication, null);
  }
}
