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
 */
public record CommandModel(
    String name,
    String flags,
    int firstKey,
    int lastKey,
    int keyStep,
    HandlerRef handler,
    CommandArguments arguments,
    boolean returnsReply) {

  /** The name commands are ordered and compared by, as Redis command names ignore case. */
  public String sortKey() {
    return name.toLowerCase(Locale.ROOT);
  }
}
