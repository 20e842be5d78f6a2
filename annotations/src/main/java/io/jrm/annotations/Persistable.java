package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose fields persist inside a {@link DataType} value, as a field type or a
 * collection element. The same rules apply as to a data type's fields; it has no name or encver of
 * its own, and {@link Since} on its fields refers to the encver of the data type being loaded.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Persistable {}
