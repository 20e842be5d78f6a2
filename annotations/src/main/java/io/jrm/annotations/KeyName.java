package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a typed {@link RedisCommand} parameter as a key name, so the processor derives the
 * command's {@code firstKey}, {@code lastKey} and {@code keyStep} from where the marked parameters
 * stand (what {@code COMMAND GETKEYS} and Redis Cluster read).
 *
 * <p>Only a required {@code io.jrm.RedisString} (what {@code Context.openKey} takes) or the
 * trailing {@code RedisString...} / {@code List<RedisString>} (every remaining argument is then a
 * key) can be a key. The marked positions must form one range with one step, as Redis's key
 * positions do: {@code (@KeyName a, b, @KeyName c)} is {@code 1, 3, 2}. An optional argument cannot
 * be a key (the range cannot say a key may be missing), and {@code firstKey}/{@code lastKey}/{@code
 * keyStep} cannot be written as well: the positions are written once, here.
 *
 * <p>Named {@code KeyName}, not {@code Key}, so that it and {@code io.jrm.Key} (what {@code
 * Context.openKey} returns) can both be imported in a handler's file.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface KeyName {}
