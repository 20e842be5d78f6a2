package io.jrm.it;

/** An enum field of {@link RichValue}: persisted by name. */
public enum Shade {
  RED,
  GREEN,
  BLUE
}
