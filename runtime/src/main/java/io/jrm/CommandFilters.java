package io.jrm;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The module's command filters. Redis passes a filter callback nothing of its own, so filter {@code
 * i} is registered with the stub's trampoline {@code i}, which passes {@code i} back.
 */
final class CommandFilters {
  /** Redis's REDISMODULE_CMDFILTER_NOSELF. */
  private static final int NOSELF = 1;

  /** Indexed by trampoline; read for every command of the server, possibly off the main thread. */
  private static volatile AtomicReferenceArray<CommandFilter> filters =
      new AtomicReferenceArray<>(0);

  private CommandFilters() {}

  static synchronized RegisteredCommandFilter register(
      Context ctx, CommandFilter filter, boolean noSelf) {
    if (filter == null) {
      throw new NullPointerException("a command filter is needed");
    }
    // The stub's trampolines are an array of function addresses ending with 0.
    long trampolines = ModuleEntry.callbacks()[ModuleEntry.COMMAND_FILTER_TRAMPOLINES];
    int index = 0;
    long trampoline;
    while ((trampoline = ctx.api().backend().readWord(trampolines + (long) Long.BYTES * index))
        != 0) {
      if (index >= filters.length() || filters.get(index) == null) {
        break;
      }
      index++;
    }
    if (trampoline == 0) {
      throw new IllegalStateException("a module has at most " + index + " command filters");
    }
    long pointer = ctx.api().registerCommandFilter(ctx.pointer(), trampoline, noSelf ? NOSELF : 0);
    if (pointer == 0) {
      throw new IllegalStateException("Redis refused the command filter");
    }
    if (index >= filters.length()) {
      AtomicReferenceArray<CommandFilter> grown = new AtomicReferenceArray<>(index + 1);
      for (int i = 0; i < filters.length(); i++) {
        grown.set(i, filters.get(i));
      }
      filters = grown;
    }
    filters.set(index, filter);
    return new RegisteredCommandFilter(index, pointer);
  }

  static synchronized boolean unregister(Context ctx, RegisteredCommandFilter registration) {
    if (filters.get(registration.index) == null
        || ctx.api().unregisterCommandFilter(ctx.pointer(), registration.pointer) != Context.OK) {
      return false;
    }
    filters.set(registration.index, null);
    return true;
  }

  /** Runs filter {@code index} over the arguments at {@code filterCtx}. */
  static void fire(Context ctx, int index, long filterCtx) {
    CommandFilter filter = filters.get(index);
    if (filter != null) {
      filter.filter(new CommandFilterContext(ctx, filterCtx));
    }
  }
}
