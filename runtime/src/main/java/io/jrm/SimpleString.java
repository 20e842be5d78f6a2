package io.jrm;

import java.util.Objects;

/**
 * A simple string reply ({@code +OK}), as opposed to the bulk string a returned {@link String}
 * becomes: return it from a handler, or put it in a returned list, map or {@link Reply}.
 *
 * <p>A type rather than an annotation on the method, because a simple string can be an element of
 * an array or a map value, where no annotation can reach.
 *
 * @param text one line: line breaks become spaces ({@link Context#replyWithSimpleString})
 */
public record SimpleString(String text) implements Reply {
  /** {@code +OK}, what a command that only confirms replies. */
  public static final SimpleString OK = new SimpleString("OK");

  /**
   * Checks that {@code text} is not null.
   *
   * @param text the status text
   */
  public SimpleString {
    Objects.requireNonNull(text, "text");
  }
}
