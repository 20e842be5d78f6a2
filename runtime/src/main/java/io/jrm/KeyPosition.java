package io.jrm;

import java.util.Set;

/**
 * A key among a command's arguments, as {@link Context#commandKeysWithFlags} finds it.
 *
 * @param position the key's index in the arguments, the command name being 0
 * @param flags what the command does with the key
 */
public record KeyPosition(int position, Set<KeyFlag> flags) {
  /**
   * Keeps an unmodifiable copy of {@code flags}.
   *
   * @param position the key's index in the arguments, the command name being 0
   * @param flags what the command does with the key
   */
  public KeyPosition {
    flags = Set.copyOf(flags);
  }
}
