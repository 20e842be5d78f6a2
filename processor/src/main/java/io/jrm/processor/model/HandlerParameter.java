package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * One typed parameter of a command handler, after its {@code Context}: how the generated code makes
 * it from the command's arguments.
 *
 * @param name the parameter's name in the source, for messages
 * @param conversion what one argument becomes
 * @param enumType the enum class when {@code conversion} is {@link Conversion#ENUM}, else null
 * @param presence whether the argument must be there, may be missing, or is the rest
 * @param key whether the parameter is marked {@code @KeyName}
 */
public record HandlerParameter(
    String name, Conversion conversion, ClassName enumType, Presence presence, boolean key) {

  /** What one argument ({@code RedisString}) becomes. */
  public enum Conversion {
    /** The argument itself. */
    REDIS_STRING,
    /** Its bytes decoded as UTF-8. */
    STRING,
    /** A copy of its bytes. */
    BYTES,
    /** A 64-bit integer, as {@code RedisModule_StringToLongLong} reads it. */
    LONG,
    /** A 64-bit integer that must fit an {@code int}. */
    INT,
    /** A double, as {@code RedisModule_StringToDouble} reads it. */
    DOUBLE,
    /** {@code 1/0}, {@code true/false} or {@code yes/no}, ignoring case. */
    BOOLEAN,
    /** The constant of {@code enumType} named so, ignoring case. */
    ENUM
  }

  /** Where the parameter's argument comes from. */
  public enum Presence {
    /** One argument that must be given. */
    REQUIRED,
    /** One trailing argument that may be missing: a {@code @Nullable} parameter gets null. */
    NULLABLE,
    /** One trailing argument that may be missing: an {@code Optional} parameter. */
    OPTIONAL,
    /** Every remaining argument, as a {@code RedisString...} array. */
    REST_ARRAY,
    /** Every remaining argument, as a {@code List<RedisString>}. */
    REST_LIST;

    /** Whether the parameter takes one argument that may be missing. */
    public boolean isOptional() {
      return this == NULLABLE || this == OPTIONAL;
    }

    /** Whether the parameter takes every remaining argument. */
    public boolean isRest() {
      return this == REST_ARRAY || this == REST_LIST;
    }
  }
}
