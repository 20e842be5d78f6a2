package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.ClassEncoding;
import io.jrm.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @DataType} classes of a compilation: type names Redis accepts and no two alike,
 * encvers in range, {@code @Since} within the encver, and the class rules shared with
 * {@code @Persistable}.
 */
public final class DataTypeValidator {
  /** {@code RedisModule_CreateDataType} rejects it: it marks the absence of a type in RDB. */
  static final String RESERVED_NAME = "AAAAAAAAA";

  /** Redis type names are 9 characters, 6 bits each, packed into the 64-bit module type id. */
  static final int NAME_LENGTH = 9;

  /** The encver takes the id's other 10 bits. */
  static final int MAX_ENCVER = 1023;

  private final Elements elements;
  private final ErrorReporter reporter;
  private final PersistentClassValidator classes;
  private final CustomMethods customMethods;

  /** Creates a validator reporting to {@code reporter}, sharing {@code classes}' checks. */
  public DataTypeValidator(
      Elements elements, Types types, ErrorReporter reporter, PersistentClassValidator classes) {
    this.elements = elements;
    this.reporter = reporter;
    this.classes = classes;
    this.customMethods = new CustomMethods(elements, types, reporter);
  }

  /** Validates every class and returns the models of the valid ones. */
  public List<TypeModel> validate(List<TypeElement> dataTypes) {
    List<TypeModel> models = new ArrayList<>();
    Map<String, TypeElement> byName = new HashMap<>();
    for (TypeElement type : dataTypes) {
      AnnotationValues annotation =
          AnnotationValues.of(type, ClassNames.DATA_TYPE, elements).orElseThrow();
      int errorsBefore = reporter.errorCount();
      String name = annotation.string("name");
      int encver = annotation.integer("encver");
      validateName(type, annotation, name);
      TypeElement previous = byName.putIfAbsent(name, type);
      if (previous != null) {
        reporter.error(
            type,
            annotation.mirror(),
            annotation.explicit("name"),
            "The type name \""
                + name
                + "\" is already used by "
                + previous.getQualifiedName()
                + "; give each data type a name of its own.");
      }
      if (encver < 0 || encver > MAX_ENCVER) {
        reporter.error(
            type,
            annotation.mirror(),
            annotation.explicit("encver"),
            "The encver is "
                + encver
                + " but must be 0 to "
                + MAX_ENCVER
                + ": Redis stores it in 10 bits.");
      }
      Optional<ClassEncoding> encoding =
          classes.validate(
              type,
              annotation,
              "@DataType",
              TypeModel.DEFINITION_PREFIX + String.join("_", ClassName.get(type).simpleNames()));
      if (!CustomMethods.declaresEncoding(type)) {
        validateSince(type, encver);
      }
      boolean aofRewrite = customMethods.validateAofRewrite(type);
      boolean upgrade = customMethods.validateUpgrade(type);
      boolean validateLoaded = customMethods.validateValidateLoaded(type);
      boolean copy = customMethods.validateCopy(type);
      boolean freeEffort = customMethods.validateFreeEffort(type);
      boolean unlink = customMethods.validateUnlink(type);
      boolean defrag = customMethods.validateDefrag(type);
      boolean memUsage = customMethods.validateMemUsage(type);
      CustomMethods.Aux aux = customMethods.validateAux(type);
      boolean free = customMethods.validateFree(type);
      if (reporter.errorCount() == errorsBefore && encoding.isPresent()) {
        models.add(
            new TypeModel(
                name,
                encver,
                encoding.get(),
                upgrade,
                validateLoaded,
                aofRewrite,
                copy,
                freeEffort,
                unlink,
                defrag,
                memUsage,
                aux != CustomMethods.Aux.NONE,
                aux == CustomMethods.Aux.OWN_TRIGGERS,
                free));
      }
    }
    return models;
  }

  /**
   * Reports each class, since without a module there is no {@code RedisModule_OnLoad} to create the
   * type in.
   */
  public void reportMissingModule(List<TypeElement> dataTypes) {
    for (TypeElement type : dataTypes) {
      AnnotationValues annotation =
          AnnotationValues.of(type, ClassNames.DATA_TYPE, elements).orElseThrow();
      reporter.error(
          type,
          annotation.mirror(),
          "@DataType class "
              + type.getSimpleName()
              + " has no module: no class of this compilation is annotated @RedisModule, and the"
              + " module creates the type when it loads; annotate one class with"
              + " @RedisModule(name = \"mymodule\").");
    }
  }

  private void validateName(TypeElement type, AnnotationValues annotation, String name) {
    String quoted = "The type name \"" + name + "\"";
    if (name.length() != NAME_LENGTH) {
      reporter.error(
          type,
          annotation.mirror(),
          annotation.explicit("name"),
          quoted
              + " is "
              + name.length()
              + " characters long; Redis type names are exactly "
              + NAME_LENGTH
              + ", for example \"hellotype\".");
    }
    String invalid =
        name.chars()
            .filter(c -> !isNameCharacter(c))
            .distinct()
            .mapToObj(c -> "'" + Character.toString(c) + "'")
            .collect(Collectors.joining(", "));
    if (!invalid.isEmpty()) {
      reporter.error(
          type,
          annotation.mirror(),
          annotation.explicit("name"),
          quoted
              + " contains "
              + invalid
              + "; Redis type names are made of A-Z, a-z, 0-9, '-' and '_' only.");
    }
    if (name.equals(RESERVED_NAME)) {
      reporter.error(
          type,
          annotation.mirror(),
          annotation.explicit("name"),
          quoted + " is reserved by Redis; choose another name.");
    }
  }

  private static boolean isNameCharacter(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  /** A field added in an encver after the type's own would never be loaded. */
  private void validateSince(TypeElement type, int encver) {
    for (VariableElement field : PersistentClassValidator.persistedFields(type)) {
      Optional<AnnotationValues> since = AnnotationValues.of(field, ClassNames.SINCE, elements);
      if (since.isEmpty()) {
        continue;
      }
      int value = since.get().integer("value");
      if (value > encver) {
        reporter.error(
            field,
            since.get().mirror(),
            since.get().explicit("value"),
            "@Since("
                + value
                + ") on field "
                + field.getSimpleName()
                + " is after the encver of @DataType "
                + type.getSimpleName()
                + ", "
                + encver
                + "; raise the encver to "
                + value
                + " when adding the field, so that the data written holds it.");
      }
    }
  }
}
