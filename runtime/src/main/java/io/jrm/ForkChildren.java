package io.jrm;

import io.jrm.internal.binding.RedisModuleApi;
import java.util.HashMap;
import java.util.Map;

/**
 * The done handlers of the module's fork children. Redis holds a handle (a counter) as the done
 * handler's data and calls the stub's {@code fork_done} with it once the child exits, so the entry
 * goes then, or when the child is killed (Redis then forgets the handler without calling it).
 */
final class ForkChildren {
  /** The stub's fork_with_task in callback_functions[]. */
  static final int FORK_FUNCTION = 33;

  private static final int OK = 0;
  private static final Map<Long, ForkChild.DoneHandler> handlers = new HashMap<>();
  private static long lastHandle;

  private ForkChildren() {}

  /**
   * Forks through the stub, which runs {@code task} in the child: Java calls no RedisModule_Fork
   * itself, as the child would return into Java. The one call of io.jrm past {@code
   * RedisModuleApi}: fork_with_task is the stub's, not Redis's.
   */
  static ForkChild fork(Context ctx, ChildTask task, ForkChild.DoneHandler done) {
    RedisModuleApi api = ctx.api();
    byte[] encoded = task.encoded();
    long memory = api.alloc(encoded.length);
    try {
      api.backend().writeBytes(memory, encoded);
      api.backend().lastErrno(); // first read: it may link code, which would overwrite errno below
      long handle;
      synchronized (ForkChildren.class) {
        handle = ++lastHandle;
        // Before the fork: a child that exits at once is reaped only after this call returns, on
        // the main thread, but the handler must be there by then.
        handlers.put(handle, done);
      }
      long fork = ModuleEntry.callbacks()[FORK_FUNCTION];
      int pid = api.backend().calls().i_jjj(fork, ctx.pointer(), memory, handle);
      if (pid < 0) {
        int errno = api.backend().lastErrno();
        forget(handle);
        throw new RedisException("ERR Fork failed (errno " + errno + ")");
      }
      return new ForkChild(pid, handle);
    } finally {
      api.free(memory); // the child has its own copy
    }
  }

  static boolean kill(ForkChild child) {
    if (ModuleEntry.api().killForkChild(child.pid()) != OK) {
      return false;
    }
    forget(child.handle());
    return true;
  }

  /** Runs and forgets the done handler of {@code handle}. */
  static void done(long handle, int exitCode, int bySignal) throws Exception {
    ForkChild.DoneHandler handler;
    synchronized (ForkChildren.class) {
      handler = handlers.remove(handle);
    }
    if (handler != null) {
      handler.done(exitCode, bySignal);
    }
  }

  private static synchronized void forget(long handle) {
    handlers.remove(handle);
  }
}
