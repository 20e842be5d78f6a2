package io.jrm.processor.model;

import io.jrm.processor.model.HandlerParameter.Presence;
import java.util.List;

/**
 * How a command handler takes its arguments: the whole {@code RedisString[] argv} ({@link #raw()}),
 * or typed parameters that the generated code parses and counts.
 *
 * @param raw whether the handler takes {@code (Context, RedisString[])}
 * @param parameters the typed parameters after the {@code Context}, in order; empty when raw
 */
public record CommandArguments(boolean raw, List<HandlerParameter> parameters) {
  /** A handler that takes {@code (Context, RedisString[])} and counts its arguments itself. */
  public static CommandArguments ofRaw() {
    return new CommandArguments(true, List.of());
  }

  /** A handler with typed parameters. */
  public static CommandArguments typed(List<HandlerParameter> parameters) {
    return new CommandArguments(false, List.copyOf(parameters));
  }

  /** The fewest arguments the command takes, counting its name as Redis's arity does. */
  public int minCount() {
    return 1 + (int) parameters.stream().filter(p -> p.presence() == Presence.REQUIRED).count();
  }

  /** The most arguments the command takes, counting its name; -1 for no limit. */
  public int maxCount() {
    if (raw || parameters.stream().anyMatch(p -> p.presence().isRest())) {
      return -1;
    }
    return 1 + parameters.size();
  }

  /**
   * The arity Redis's {@code COMMAND INFO} shows: {@code N} for exactly N arguments (the name
   * included), {@code -N} for N or more, -1 for a raw handler, which counts its own.
   */
  public int arity() {
    if (raw) {
      return -1;
    }
    return maxCount() == minCount() ? minCount() : -minCount();
  }
}
