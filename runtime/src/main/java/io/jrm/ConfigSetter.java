package io.jrm;

/**
 * Takes a new value of a module config (CONFIG SET, {@code MODULE LOADEX ... CONFIG}, the config
 * file, the default at {@link Context#loadConfigs}), on the main thread, after Redis has checked
 * its type, range or names. To refuse the value, throw: the exception's message is the reason
 * CONFIG SET shows ({@code ERR CONFIG SET failed (possibly related to argument 'mod.name') -
 * <message>}) and a load fails with it. A {@link RedisException} or {@link
 * IllegalArgumentException} is such a refusal; any other Throwable is logged as well.
 *
 * @param <T> the config's value type, as for {@link ConfigGetter}
 */
@FunctionalInterface
public interface ConfigSetter<T> {
  /**
   * Stores the value.
   *
   * @param name the config's name as registered, without the module's prefix
   * @param value the new value; a {@code byte[]} is the caller's copy
   * @throws Exception to refuse the value, with the reason as its message
   */
  void set(String name, T value) throws Exception;
}
