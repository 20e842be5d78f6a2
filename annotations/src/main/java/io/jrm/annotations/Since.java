package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a persisted field added in encoding version {@link #value()} of its {@link DataType}: data
 * written by an older encver has no such field, and loading it leaves the field as the constructor
 * set it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Since {
  /** {@return the first encver whose data holds the field} */
  int value();
}
