package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that runs when the module loads, after its commands are registered: the Java
 * counterpart of the end of {@code RedisModule_OnLoad}.
 *
 * <p>The method must be {@code public static void}, in the {@link RedisModule} class, and take
 * {@code (Context ctx, RedisString[] args)}: the module arguments given to {@code --loadmodule} or
 * {@code MODULE LOAD}, without the ones JRM itself consumes ({@code jrm.*}). If it throws, the
 * module fails to load and Redis logs why. At most one per module.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnLoad {}
