package io.jrm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class a Redis native data type ({@code RedisModule_CreateDataType}): its values live in
 * keys, persist in RDB and AOF, replicate, digest and report their memory, with the serializers
 * generated at compile time.
 *
 * <p>What persists are the class's non-static, non-{@code transient} fields, which must not be
 * {@code private} or {@code final}; the class needs a non-private no-argument constructor. Field
 * types: primitives and their boxes, {@code String}, {@code byte[]}, enums, arrays, {@code
 * List}/{@code Set}/{@code Map} of these, and classes annotated {@link Persistable}. Fields are
 * never null unless annotated with a {@code @Nullable} annotation (any package).
 *
 * <p>Each value is written as its fields in declaration order: integers with {@code SaveSigned},
 * {@code boolean} and {@code char} with {@code SaveUnsigned}, {@code double} and {@code float} with
 * {@code SaveDouble} and {@code SaveFloat}, strings (UTF-8) and {@code byte[]} with {@code
 * SaveStringBuffer}, enums by name, collections and arrays as {@code SaveUnsigned(size)} then their
 * elements, a nullable field as {@code SaveUnsigned(0 or 1)} then the value if present.
 *
 * <p>To take over the encoding, declare both {@code public void rdbSave(RdbOutput out)} and {@code
 * public static T rdbLoad(RdbInput in, int encver)}. To take over the encoding of one field only,
 * annotate it {@link Codec} with a class implementing {@code io.jrm.FieldCodec}; its type then need
 * not be one of the above, and {@code @Nullable} and {@link Since} still apply. To write the AOF as
 * the commands that rebuild a value, declare {@code public void aofRewrite(AofOutput aof,
 * RedisString key)}; otherwise JRM rebuilds the value from its RDB encoding. After loading data of
 * an older encver, {@code public void upgrade(int fromEncver)} runs if declared. Then, after every
 * load (RDB, {@code RESTORE}, {@code <module>.jrm-restore}), {@code public void validateLoaded()}
 * runs if declared: the unchecked exception it throws for a value that breaks the class's
 * invariants fails the load with the error {@code ERR invalid <name> value: <its message>}.
 *
 * <p>A value that holds memory outside the Java heap (a {@code NativeBuffer}, a retained {@code
 * RedisString}) releases it in {@code public void free()}, which runs once when Redis frees the
 * value (DEL, overwrite, FLUSHDB, a lazy free, on Redis's lazy-free thread then), never for a value
 * Redis does not free (the old value a replace returns, a value saved to a string).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DataType {
  /**
   * {@return the type name in RDB files: exactly 9 characters of {@code A-Z a-z 0-9 - _}, unique
   * among the modules a server loads, and not {@code AAAAAAAAA}}
   */
  String name();

  /** {@return the encoding version, 0 to 1023: raise it when the persisted fields change} */
  int encver() default 0;
}
