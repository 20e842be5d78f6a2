package io.jrm.spi;

import io.jrm.ConfigFlag;
import io.jrm.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The registration of {@code @Config} fields whose values are not Redis's own type: a {@code
 * String} (UTF-8 bytes to Redis) and a Java enum (its constants by lower-cased name, numbered by
 * ordinal). Called by generated code; not for hand-written code.
 */
public final class FieldConfigs {
  private FieldConfigs() {}

  /**
   * Registers a {@code String} field as a string config.
   *
   * @param ctx the context of the load
   * @param name the config's name
   * @param flags its flags
   * @param field reads the field: its value now is the default
   * @param set writes the field
   */
  public static void string(
      Context ctx,
      String name,
      Set<ConfigFlag> flags,
      Supplier<String> field,
      Consumer<String> set) {
    String initial = field.get();
    ctx.registerStringConfig(
        name,
        initial == null ? null : initial.getBytes(StandardCharsets.UTF_8),
        flags,
        n -> {
          String value = field.get();
          return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        },
        (n, value) -> set.accept(new String(value, StandardCharsets.UTF_8)),
        null);
  }

  /**
   * Registers an enum field as an enum config.
   *
   * @param <E> the enum
   * @param ctx the context of the load
   * @param name the config's name
   * @param flags its flags
   * @param type the enum's class
   * @param field reads the field: its value now is the default (the first constant when null)
   * @param set writes the field
   */
  public static <E extends Enum<E>> void enumeration(
      Context ctx,
      String name,
      Set<ConfigFlag> flags,
      Class<E> type,
      Supplier<E> field,
      Consumer<E> set) {
    E[] constants = type.getEnumConstants();
    Map<String, Integer> values = new LinkedHashMap<>();
    for (E constant : constants) {
      values.put(constant.name().toLowerCase(Locale.ROOT), constant.ordinal());
    }
    E initial = field.get();
    ctx.registerEnumConfig(
        name,
        initial == null ? 0 : initial.ordinal(),
        flags,
        values,
        n -> {
          E value = field.get();
          return value == null ? 0 : value.ordinal();
        },
        (n, value) -> set.accept(constants[value]),
        null);
  }
}
