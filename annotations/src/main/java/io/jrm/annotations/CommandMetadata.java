package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@code COMMAND INFO} and {@code COMMAND DOCS} show of a {@link RedisCommand} beyond its
 * flags and key positions ({@code RedisModule_SetCommandInfo}), checked by the processor. Empty
 * strings are left out. Arguments with sub-arguments ({@code oneof}, {@code block}) and anything
 * computed at load go through {@code io.jrm.CommandInfo} in {@code @OnLoad} instead.
 *
 * <pre>{@code
 * @RedisCommand(name = "my.copy", flags = "write")
 * @CommandMetadata(
 *     summary = "Copies a key", since = "1.0.0", complexity = "O(1)",
 *     keySpecs = {
 *       @KeySpec(flags = "RO access", index = 1),
 *       @KeySpec(flags = "OW update", index = 2)
 *     })
 * public static void copy(Context ctx, RedisString[] argv) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CommandMetadata {
  /** {@return a one-line summary} */
  String summary() default "";

  /** {@return the complexity, such as {@code O(1)}} */
  String complexity() default "";

  /** {@return the version of the module that added the command} */
  String since() default "";

  /** {@return space-separated tips for clients, such as {@code nondeterministic_output}} */
  String tips() default "";

  /**
   * {@return the arity: N for exactly N arguments with the name, -N for at least N} 0 keeps Redis's
   * (-1, or -2 for a subcommand). Typed parameters derive it, so it is written only for a {@code
   * (Context, RedisString[])} handler.
   */
  int arity() default 0;

  /** {@return the changes of the command, oldest first} */
  History[] history() default {};

  /**
   * {@return where the command finds its keys; with any, Redis derives the legacy first, last and
   * step from them, so {@link RedisCommand}'s key positions are then left out}
   */
  KeySpec[] keySpecs() default {};

  /** {@return the arguments COMMAND DOCS shows, in order} */
  Arg[] args() default {};

  /** One argument without sub-arguments ({@code RedisModuleCommandArg}). */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface Arg {
    /** {@return the argument's name} */
    String name();

    /**
     * {@return the type as COMMAND DOCS shows it: {@code string}, {@code integer}, {@code double},
     * {@code key}, {@code pattern}, {@code unix-time} or {@code pure-token}}
     */
    String type();

    /** {@return for a {@code key}: the index of its key spec in {@link #keySpecs()}} */
    int keySpecIndex() default 0;

    /** {@return the token before the value; the value itself of a {@code pure-token}} */
    String token() default "";

    /** {@return a one-line summary} */
    String summary() default "";

    /** {@return the version of the module that added the argument} */
    String since() default "";

    /** {@return the version of the module that deprecated the argument} */
    String deprecatedSince() default "";

    /** {@return whether the argument may be left out} */
    boolean optional() default false;

    /** {@return whether the argument may repeat} */
    boolean multiple() default false;

    /** {@return whether the argument and its token may repeat} */
    boolean multipleToken() default false;
  }

  /** One change of the command. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface History {
    /** {@return the version of the module} */
    String since();

    /** {@return what changed} */
    String changes();
  }
}
