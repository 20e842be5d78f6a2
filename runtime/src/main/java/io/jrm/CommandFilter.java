package io.jrm;

/**
 * A command filter ({@link Context#registerCommandFilter}): Redis runs it before every command of
 * the server, from clients, {@code RedisModule_Call} and scripts alike, and it may rewrite the
 * command's arguments. It runs on the thread that runs the command, for every command, so keep it
 * short and allocation-light; it may not reply or call commands. A Throwable it throws is logged
 * and the command runs with the arguments as they were left.
 */
@FunctionalInterface
public interface CommandFilter {
  /**
   * Looks at, and may rewrite, one command's arguments.
   *
   * @param args the command's arguments (the name first), valid only during this call
   */
  void filter(CommandFilterContext args);
}
