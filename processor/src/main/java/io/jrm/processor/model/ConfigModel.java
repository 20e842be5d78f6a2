package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A validated {@code @Config} field.
 *
 * @param name the config's name after the module's prefix
 * @param kind what Redis sees of it
 * @param owner the class that declares the field
 * @param field the field's name
 * @param flags the {@code io.jrm.ConfigFlag} constants of its flags
 * @param min the smallest value of a numeric config
 * @param max the largest value of a numeric config
 * @param enumType the enum of an enum config, else null
 */
public record ConfigModel(
    String name,
    Kind kind,
    ClassName owner,
    String field,
    List<String> flags,
    long min,
    long max,
    ClassName enumType) {

  /** The field types a config may have, by the Redis config each registers. */
  public enum Kind {
    /** A {@code boolean}: a bool config. */
    BOOL,
    /** A {@code long}: a numeric config. */
    NUMERIC,
    /** A {@code String}: a string config. */
    STRING,
    /** A Java enum: an enum config. */
    ENUM
  }
}
