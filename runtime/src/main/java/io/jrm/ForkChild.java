package io.jrm;

/**
 * A child process the module forked ({@link Context#fork}), running its {@link ChildTask} in C.
 * Redis allows one module child at a time, besides its own BGSAVE or AOF rewrite child.
 */
public final class ForkChild {
  private final int pid;
  private final long handle;

  ForkChild(int pid, long handle) {
    this.pid = pid;
    this.handle = handle;
  }

  /** Runs in the parent, on the main thread, once the child has exited. */
  @FunctionalInterface
  public interface DoneHandler {
    /**
     * Handles the child's end.
     *
     * @param exitCode the code the child exited with: its task's, or 254 when a step failed
     * @param bySignal the signal that ended it, or 0
     * @throws Exception logged
     */
    void done(int exitCode, int bySignal) throws Exception;
  }

  /** {@return the child's process id} */
  public int pid() {
    return pid;
  }

  /**
   * Kills the child (SIGUSR1) and waits for it (RedisModule_KillForkChild); its done handler does
   * not run.
   *
   * @return whether it was killed: false when it has exited already, or is not the module's child
   */
  public boolean kill() {
    return ForkChildren.kill(this);
  }

  long handle() {
    return handle;
  }
}
