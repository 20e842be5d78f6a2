package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Encodes a persisted field of a {@link DataType} or {@link Persistable} class with {@link
 * #value()} instead of the encoding JRM generates for its type, so that the field's type need not
 * be one JRM persists (such as {@code java.time.Instant}).
 *
 * <p>The codec class must implement {@code io.jrm.FieldCodec<F>}, where {@code F} is the field's
 * type (boxed if primitive); it must be a concrete class without type parameters, public (or
 * package-private in the package of the annotated class), and have a public no-argument
 * constructor. The generated serializer creates one instance of it for the field.
 *
 * <p>{@code @Nullable} and {@link Since} still apply around the codec: for a nullable field JRM
 * writes the null flag itself and calls the codec only for a value, and a field added by a later
 * encver is not read from older data.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Codec {
  /** {@return the class implementing {@code io.jrm.FieldCodec} for the field's type} */
  Class<?> value();
}
