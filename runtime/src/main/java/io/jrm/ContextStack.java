package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.Arrays;

/**
 * The reused {@link Context} of each nesting depth of upcalls: depth 0 serves the commands Redis
 * runs, depth 1 a command of the module that one calls through {@link Context#call}, and so on.
 * Reusing them (with their reply tracker and argv wrappers) is what lets a command allocate nothing
 * of its own; upcalls are serialized by Redis (the main thread, or a thread holding the server
 * lock), so one stack serves them all.
 */
final class ContextStack {
  private final RedisModuleApi api;
  private Context[] contexts = new Context[4];
  private int depth;

  ContextStack(RedisModuleApi api) {
    this.api = api;
  }

  /** The context of a new upcall on {@code ctx}, one depth below the running one. */
  Context enter(long ctx) {
    if (depth == contexts.length) {
      contexts = Arrays.copyOf(contexts, depth * 2);
    }
    Context context = contexts[depth];
    if (context == null || context.exhausted()) {
      context = new Context(api, ctx);
      contexts[depth] = context;
    }
    context.activate(ctx);
    depth++;
    return context;
  }

  /** Whether no upcall is running: the last one has returned to Redis. */
  boolean idle() {
    return depth == 0;
  }

  /** Ends the innermost upcall: its context is refused until the next upcall at its depth. */
  void exit() {
    contexts[--depth].deactivate();
  }
}
