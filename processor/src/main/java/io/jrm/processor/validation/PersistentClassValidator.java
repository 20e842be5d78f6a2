package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.ClassEncoding;
import io.jrm.processor.model.FieldModel;
import io.jrm.processor.model.ValueEncoding;
import io.jrm.processor.validation.EncodingResolver.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks what {@code @DataType} and {@code @Persistable} classes have in common: a concrete class
 * the generated serializer can create, persisted fields it can set and encode, or a complete custom
 * encoding. Each class is checked once, even when it carries both annotations.
 */
public final class PersistentClassValidator {
  private final Elements elements;
  private final ErrorReporter reporter;
  private final EncodingResolver resolver;
  private final CustomMethods customMethods;
  private final FieldCodecs codecs;
  private final Map<TypeElement, Optional<ClassEncoding>> validated = new HashMap<>();

  /** Creates a validator reporting to {@code reporter}. */
  public PersistentClassValidator(Elements elements, Types types, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
    this.resolver = new EncodingResolver(elements, types);
    this.customMethods = new CustomMethods(elements, types, reporter);
    this.codecs = new FieldCodecs(elements, types, reporter);
  }

  /**
   * Reports every problem of {@code type} and returns its encoding if there was none; a class
   * already validated is not reported on again.
   *
   * @param annotation the annotation that makes it persistent, for the error positions
   * @param label how messages name the annotation, such as {@code "@DataType"}
   * @param generated the simple name of the class generated for it, for messages
   */
  public Optional<ClassEncoding> validate(
      TypeElement type, AnnotationValues annotation, String label, String generated) {
    Optional<ClassEncoding> previous = validated.get(type);
    if (previous != null) {
      return previous;
    }
    int errorsBefore = reporter.errorCount();
    String what = label + " " + type.getSimpleName();
    if (type.getKind() != ElementKind.CLASS) {
      // An interface, enum, record or annotation: what else is wrong follows from that.
      reporter.error(
          type,
          annotation.mirror(),
          what
              + " is "
              + kindName(type.getKind())
              + ", but must be a class with a field for each part of the value.");
      validated.put(type, Optional.empty());
      return Optional.empty();
    }
    boolean reachable = validateShape(type, annotation.mirror(), what, generated);
    boolean custom = customMethods.validateEncoding(type);
    List<FieldModel> fields = new ArrayList<>();
    if (!custom) {
      if (reachable) {
        // A private class's implicit constructor is private too: one error is enough.
        validateConstructor(type, annotation.mirror(), what);
      }
      PackageElement from = elements.getPackageOf(type);
      for (VariableElement field : persistedFields(type)) {
        validateField(type, field, from).ifPresent(fields::add);
      }
    }
    Optional<ClassEncoding> result =
        reporter.errorCount() == errorsBefore
            ? Optional.of(new ClassEncoding(ClassName.get(type), custom, fields))
            : Optional.empty();
    validated.put(type, result);
    return result;
  }

  /** The fields that persist: those neither static nor transient, in declaration order. */
  public static List<VariableElement> persistedFields(TypeElement type) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(
            f ->
                !f.getModifiers().contains(Modifier.STATIC)
                    && !f.getModifiers().contains(Modifier.TRANSIENT))
        .toList();
  }

  /**
   * A concrete class, not generic, reachable from its package, that needs no outer instance.
   *
   * @return whether the generated code can reach the class
   */
  private boolean validateShape(
      TypeElement type, AnnotationMirror mirror, String what, String generated) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(
          type,
          mirror,
          what + " is abstract, but must be a concrete class: loading creates instances of it.");
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(
          type,
          mirror,
          what
              + " is an inner class, which needs an instance of its outer class; make it static"
              + " (or top-level).");
    } else if (type.getNestingKind() != NestingKind.MEMBER
        && type.getNestingKind() != NestingKind.TOP_LEVEL) {
      reporter.error(type, mirror, what + " must be a top-level class or a static nested class.");
    }
    Optional<String> inaccessible = EncodingResolver.accessible(type, elements.getPackageOf(type));
    inaccessible.ifPresent(
        reason ->
            reporter.error(
                type,
                mirror,
                what
                    + " cannot be used by the generated "
                    + generated
                    + ": "
                    + reason.replaceFirst("^the class around it, ", "")
                    + "."));
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(
          type,
          mirror,
          what
              + " must not have type parameters: its persisted fields need types that are known"
              + " when it is compiled.");
    }
    return inaccessible.isEmpty();
  }

  private void validateConstructor(TypeElement type, AnnotationMirror mirror, String what) {
    boolean found =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(
                c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!found) {
      reporter.error(
          type,
          mirror,
          what
              + " has no non-private constructor without parameters, which loading calls before"
              + " it sets the fields; add "
              + type.getSimpleName()
              + "() {} (it may be package-private).");
    }
  }

  private Optional<FieldModel> validateField(
      TypeElement owner, VariableElement field, PackageElement from) {
    int errorsBefore = reporter.errorCount();
    String name = field.getSimpleName().toString();
    String described = "The field " + name + " of " + owner.getSimpleName();
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(
          field,
          described
              + " is private, so the generated serializer cannot read or set it; make it"
              + " package-private or mark it transient.");
    }
    if (field.getModifiers().contains(Modifier.FINAL)) {
      reporter.error(
          field,
          described + " is final, so loading cannot set it; remove final or mark it transient.");
    }
    int since = 0;
    Optional<AnnotationValues> sinceAnnotation =
        AnnotationValues.of(field, ClassNames.SINCE, elements);
    if (sinceAnnotation.isPresent()) {
      since = sinceAnnotation.get().integer("value");
      if (since < 1) {
        reporter.error(
            field,
            sinceAnnotation.get().mirror(),
            sinceAnnotation.get().explicit("value"),
            "@Since("
                + since
                + ") on field "
                + name
                + " must be 1 or more: it names the first encver whose data holds the field, and"
                + " fields that were always there need no @Since.");
      }
    }
    boolean nullable = isNullable(field);
    Optional<AnnotationValues> codec = AnnotationValues.of(field, ClassNames.CODEC, elements);
    Optional<ValueEncoding> encoding;
    if (codec.isPresent()) {
      // The codec encodes the value, so the field's type need not persist.
      encoding = codecs.validate(field, codec.get(), from);
    } else {
      Resolution resolution = resolver.resolve(field.asType(), from);
      encoding = resolution.encoding();
      if (encoding.isEmpty()) {
        reporter.error(
            field,
            "The field "
                + name
                + " of type "
                + EncodingResolver.display(field.asType())
                + " cannot persist: "
                + resolution.reason()
                + ".");
      }
    }
    if (encoding.isPresent() && nullable && field.asType().getKind().isPrimitive()) {
      reporter.error(
          field,
          "The field "
              + name
              + " is @Nullable, but its type "
              + field.asType().getKind().name().toLowerCase(Locale.ROOT)
              + " is primitive and never null; remove @Nullable, or use the boxed type.");
    }
    if (reporter.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new FieldModel(name, encoding.get(), nullable, since));
  }

  /**
   * Whether {@code field} is annotated with a {@code Nullable} of any package, as a declaration
   * annotation or as a type annotation on the field's type.
   */
  static boolean isNullable(VariableElement field) {
    return Stream.concat(
            field.getAnnotationMirrors().stream(), field.asType().getAnnotationMirrors().stream())
        .anyMatch(
            m ->
                m.getAnnotationType()
                    .asElement()
                    .getSimpleName()
                    .contentEquals(ClassNames.NULLABLE_SIMPLE_NAME));
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      case RECORD -> "a record, whose fields are final";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
