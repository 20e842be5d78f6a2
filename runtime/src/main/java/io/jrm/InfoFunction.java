package io.jrm;

/**
 * The module's own INFO sections ({@code RedisModule_RegisterInfoFunc}), registered with {@link
 * Context#registerInfoFunc}. Redis calls it for INFO, after the {@code <module>_heap} section JRM
 * adds, on the main thread; never for a crash report (Java may not run while Redis crashes).
 *
 * <pre>{@code
 * ctx.registerInfoFunc(info -> {
 *   if (info.addSection("stats")) { // INFO hello_stats, INFO hello, INFO everything...
 *     info.addField("calls", calls).addField("ratio", 0.5);
 *   }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface InfoFunction {
  /**
   * Adds sections and their fields. A Throwable is caught and logged; the reply keeps what was
   * added.
   *
   * @param info where the sections go, valid until this returns
   * @throws Exception anything; it is logged, not passed to Redis
   */
  void addInfo(InfoContext info) throws Exception;
}
