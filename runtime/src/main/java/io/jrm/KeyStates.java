package io.jrm;

import java.util.Arrays;

/**
 * The state of each key a context has open, by slot: a clock value, new at every write through the
 * key, negative once the key is closed. A {@link StringDma} keeps its key's slot and the value it
 * saw, not the {@link Key}: JDK 17's C2 does not scalar-replace a Key that a view refers to, so a
 * counter that took a view allocated its Key (56 bytes) every call; without the reference neither
 * is allocated.
 *
 * <p>The clock never goes back, so a slot taken again by a later key never matches a view of the
 * earlier one. Slots are taken like a stack: closing the topmost ones gives them back, and a new
 * call of the context starts from none, since the keys of its earlier calls are refused anyway.
 * Used only by the thread running the context's call.
 */
final class KeyStates {
  /** Slots of the first table, made by the first key opened: keys open at once are few. */
  private static final int INITIAL_SLOTS = 8;

  /** A table grown past this is dropped when a new call starts. */
  private static final int KEPT_SLOTS = 1024;

  /**
   * No table until a key is opened: contexts are also made for one value's AOF commands or one
   * callback, most of which open no key.
   */
  private static final long[] NONE = {};

  private long[] states = NONE;
  private int used;
  private long clock;

  /** Forgets the slots of the calls before: the context starts serving a new one. */
  void reset() {
    used = 0;
    if (states.length > KEPT_SLOTS) {
      states = NONE;
    }
  }

  /** A slot for a key just opened. */
  int open() {
    if (used == states.length) {
      states = Arrays.copyOf(states, Math.max(INITIAL_SLOTS, used * 2));
    }
    states[used] = ++clock;
    return used++;
  }

  /** The key in {@code slot} is about to be written: its views end. */
  void changed(int slot) {
    states[slot] = ++clock;
  }

  /** The key in {@code slot} was closed: its views end, and the slots on top that are free go. */
  void closed(int slot) {
    states[slot] = - ++clock;
    while (used > 0 && states[used - 1] < 0) {
      used--;
    }
  }

  /** The state of {@code slot}: what a view compares with the one it was taken at. */
  long state(int slot) {
    return states[slot];
  }

  /** Whether a state is that of a closed key. */
  static boolean isClosed(long state) {
    return state < 0;
  }
}
