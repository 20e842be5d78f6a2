package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a static field a module config, {@code <module>.<name>} for CONFIG GET and CONFIG SET,
 * {@code MODULE LOADEX ... CONFIG} and the config file: JRM registers it at load, before the {@link
 * OnLoad} method, with the field's value then as its default, and Redis's setting writes the field.
 * When the {@code OnLoad} method does not call {@code ctx.loadConfigs()} itself, JRM calls it once
 * that method returns.
 *
 * <pre>{@code
 * @Config(name = "max_items", min = 1, max = 1_000_000)
 * static volatile long maxItems = 100; // CONFIG SET mymodule.max_items 500
 * }</pre>
 *
 * <p>The field must be {@code static volatile} (Redis sets it on its main thread; other threads
 * read it), not {@code final} nor {@code private}, of type {@code boolean} (a yes/no config),
 * {@code long} (a number between {@link #min()} and {@link #max()}), {@code String} (UTF-8) or a
 * Java enum (its constants' names in lower case are the config's values). Configs that check
 * values, combine several names as bit flags or take bytes are registered in code instead ({@code
 * Context.registerEnumConfig} and the others).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Config {
  /**
   * {@return the config's name after the module's prefix: letters, digits, {@code -} and {@code _}}
   */
  String name();

  /**
   * {@return Redis's flags for it, space-separated: {@code immutable}, {@code sensitive}, {@code
   * hidden}, {@code protected}, {@code deny-loading}, and {@code memory} for a {@code long} that
   * takes sizes such as {@code 2mb}}
   */
  String flags() default "";

  /** {@return the smallest value of a {@code long} config} */
  long min() default Long.MIN_VALUE;

  /** {@return the largest value of a {@code long} config} */
  long max() default Long.MAX_VALUE;
}
