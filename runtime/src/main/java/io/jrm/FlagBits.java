package io.jrm;

import java.util.EnumSet;
import java.util.Set;

/**
 * Sets of Redis flags as the C bit masks they are: constant {@code i} of a flag enum is bit {@code
 * 1 << i} ({@link KeyFlag}, {@link ChannelFlag}).
 */
final class FlagBits {
  private FlagBits() {}

  /** The mask of {@code flags}. */
  static int of(Set<? extends Enum<?>> flags) {
    int bits = 0;
    for (Enum<?> flag : flags) {
      bits |= 1 << flag.ordinal();
    }
    return bits;
  }

  /** The mask of {@code flags}, as a flag method's varargs give them (repeats are harmless). */
  static int of(Enum<?>... flags) {
    int bits = 0;
    for (Enum<?> flag : flags) {
      bits |= 1 << flag.ordinal();
    }
    return bits;
  }

  /** The constants of {@code type} set in {@code bits}. */
  static <E extends Enum<E>> Set<E> set(Class<E> type, int bits) {
    Set<E> flags = EnumSet.noneOf(type);
    for (E flag : type.getEnumConstants()) {
      if ((bits & (1 << flag.ordinal())) != 0) {
        flags.add(flag);
      }
    }
    return flags;
  }
}
