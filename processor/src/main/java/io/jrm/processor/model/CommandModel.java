package io.jrm.processor.model;

import java.util.Locale;

/**
 * A validated {@code @RedisCommand}: the arguments of {@code RedisModule_CreateCommand} and the
 * method that handles it.
 *
 * @param name the command name as written
 * @param flags the space-separated flags, normalized to single spaces
 * @param firstKey index of the first key, 0 for none
 * @param lastKey index of the last key, negative counts from the end
 * @param keyStep step between keys
 * @param handler the method that runs the command
 * @param arguments how the handler takes its arguments, and the arity they make
 * @param returnsReply whether the handler returns its reply, which the generated code then writes
 * @param replication how the runtime propagates the command: the name of a {@code
 *     io.jrm.spi.Replication} constant, {@code DEFAULT} already resolved
 * @param metadata what {@code SetCommandInfo} sends, empty for nothing
 */
public record CommandModel(
    String name,
    String flags,
    int firstKey,
    int lastKey,
    int keyStep,
    HandlerRef handler,
    CommandArguments arguments,
    boolean returnsReply,
    String replication,
    CommandMetadataModel metadata) {

  /** The name commands are ordered and compared by, as Redis command names ignore case. */
  public String sortKey() {
    return name.toLowerCase(Locale.ROOT);
  }
}
