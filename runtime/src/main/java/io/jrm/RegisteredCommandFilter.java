package io.jrm;

/**
 * A command filter Redis runs ({@link Context#registerCommandFilter}), until {@link
 * Context#unregisterCommandFilter} or the module's unload.
 */
public final class RegisteredCommandFilter {
  final int index;
  final long pointer;

  RegisteredCommandFilter(int index, long pointer) {
    this.index = index;
    this.pointer = pointer;
  }
}
