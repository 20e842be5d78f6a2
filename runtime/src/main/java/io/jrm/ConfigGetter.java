package io.jrm;

/**
 * Answers a module config's current value when Redis asks (CONFIG GET, CONFIG REWRITE, INFO), on
 * the main thread. A Throwable is caught and logged, and Redis sees 0, false or an empty string.
 *
 * @param <T> the config's value type: {@code Boolean}, {@code Long}, {@code byte[]} or, for an enum
 *     config, the {@code Integer} of its name (a bit mask with {@link ConfigFlag#BITFLAGS})
 */
@FunctionalInterface
public interface ConfigGetter<T> {
  /**
   * The config's value.
   *
   * @param name the config's name as registered, without the module's prefix
   * @return its value, not null
   */
  T get(String name);
}
