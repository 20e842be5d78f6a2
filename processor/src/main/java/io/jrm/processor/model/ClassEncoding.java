package io.jrm.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * How instances of a {@code @DataType} or {@code @Persistable} class are written: field by field,
 * or by the class's own {@code rdbSave} and {@code rdbLoad}.
 *
 * @param type the class
 * @param custom whether the class declares {@code rdbSave} and {@code rdbLoad}; then {@code fields}
 *     is empty
 * @param fields the persisted fields, in declaration order
 */
public record ClassEncoding(ClassName type, boolean custom, List<FieldModel> fields) {
  /** Copies {@code fields}. */
  public ClassEncoding {
    fields = List.copyOf(fields);
  }

  /** How messages name the class: its simple names, such as {@code Outer.Inner}. */
  public String displayName() {
    return String.join(".", type.simpleNames());
  }

  /**
   * {@code <prefix>Foo} next to {@code Foo}, or {@code <prefix>Outer_Foo} for a nested class, as
   * for the module's definition class.
   */
  static ClassName generatedName(ClassName type, String prefix) {
    return ClassName.get(type.packageName(), prefix + String.join("_", type.simpleNames()));
  }
}
