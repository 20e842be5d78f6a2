package io.jrm;

/**
 * The options of {@link Context#setModuleOptions} ({@code REDISMODULE_OPTIONS_*} of Redis 7.0), in
 * bit order: constant {@code i} is bit {@code 1 << i}. {@code INFO modules} lists them.
 */
public enum ModuleOption {
  /**
   * The module's loads check for read errors, so Redis fails a load that cannot be read (a diskless
   * replica's short read) instead of stopping. JRM sets it for every module with data types,
   * whatever the module sets.
   */
  HANDLE_IO_ERRORS,
  /** Keys are not signalled as modified when a key opened for writing closes. */
  NO_IMPLICIT_SIGNAL_MODIFIED,
  /**
   * The module handles a diskless replica's asynchronous load ({@code repl-diskless-load swapdb}),
   * which keeps the old data set serving while the new one loads: it listens to {@link
   * ServerEvent#REPL_ASYNC_LOAD} to keep module-wide state loaded meanwhile apart.
   */
  HANDLE_REPL_ASYNC_LOAD
}
