package io.jrm.annotations;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One key spec of a command ({@code RedisModuleCommandKeySpec}), in {@link
 * CommandMetadata#keySpecs()}. The begin search is {@link #index()} or {@link #keyword()} (neither:
 * unknown); the keys from there are one key, a range ({@link #lastKey()}, {@link #keyStep()},
 * {@link #limit()}), a count ({@link #keyNumIndex()}, {@link #firstKey()}, {@link #keyStep()}) or
 * {@link #unknownKeys()}. The processor checks the combination and the flags.
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface KeySpec {
  /**
   * {@return the flags as COMMAND INFO shows them, space-separated} Exactly one of {@code RO},
   * {@code RW}, {@code OW}, {@code RM}; at most one of {@code insert}, {@code update}, {@code
   * delete}; any of {@code access}, {@code not_key}, {@code incomplete}, {@code variable_flags}.
   */
  String flags();

  /** {@return notes COMMAND INFO shows} */
  String notes() default "";

  /** {@return the argv index of the first key (1 is the first argument); 0: not by index} */
  int index() default 0;

  /** {@return the keyword the keys follow; empty: not by keyword} */
  String keyword() default "";

  /** {@return with {@link #keyword()}: the index to search from, negative from the end} */
  int startFrom() default 1;

  /** {@return a range's last key relative to the begin, or negative: -1 the last argument} */
  int lastKey() default 0;

  /** {@return arguments from one key to the next, in a range or after a count} */
  int keyStep() default 1;

  /** {@return with {@link #lastKey()} -1: 0 no limit, N one N-th of the remaining arguments} */
  int limit() default 0;

  /** {@return the index of the key count relative to the begin; -1: no count} */
  int keyNumIndex() default -1;

  /** {@return with {@link #keyNumIndex()}: the first key's index relative to the begin} */
  int firstKey() default 1;

  /** {@return whether only the command knows its keys from the begin on} */
  boolean unknownKeys() default false;
}
