package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.ValueEncoding;
import io.jrm.processor.model.ValueEncoding.Custom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the class a field's {@code @Codec} names: a concrete class implementing {@code
 * io.jrm.FieldCodec} for the field's type, which the generated serializer can create.
 */
final class FieldCodecs {
  private final Elements elements;
  private final Types types;
  private final ErrorReporter reporter;

  FieldCodecs(Elements elements, Types types, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /**
   * Reports the first problem of the codec of {@code field}, or returns the field's encoding.
   *
   * @param codec the field's {@code @Codec}
   * @param from the package of the generated serializer, which creates the codec
   */
  Optional<ValueEncoding> validate(
      VariableElement field, AnnotationValues codec, PackageElement from) {
    TypeMirror codecType = codec.type("value");
    String name = field.getSimpleName().toString();
    TypeMirror fieldType = field.asType();
    TypeMirror expected =
        fieldType.getKind().isPrimitive()
            ? types.boxedClass((PrimitiveType) fieldType).asType()
            : fieldType;
    String wanted = "FieldCodec<" + EncodingResolver.display(expected) + ">";
    if (codecType == null || codecType.getKind() == TypeKind.ERROR) {
      return error(field, codec, "@Codec on field " + name + " names a class that is not known.");
    }
    String what =
        "@Codec(" + EncodingResolver.display(codecType) + ".class) on field " + name + ": ";
    if (codecType.getKind() != TypeKind.DECLARED) {
      return error(
          field,
          codec,
          what
              + EncodingResolver.display(codecType)
              + " does not implement io.jrm.FieldCodec; a codec of the field implements "
              + wanted
              + ".");
    }
    TypeElement element = (TypeElement) ((DeclaredType) codecType).asElement();
    String simple = element.getSimpleName().toString();
    Optional<List<? extends TypeMirror>> arguments = fieldCodecArguments(codecType);
    if (arguments.isEmpty()) {
      return error(
          field,
          codec,
          what
              + simple
              + " does not implement io.jrm.FieldCodec; a codec of the field implements "
              + wanted
              + ".");
    }
    if (arguments.get().isEmpty()) {
      return error(
          field,
          codec,
          what + simple + " implements the raw FieldCodec; implement " + wanted + ".");
    }
    TypeMirror encoded = arguments.get().get(0);
    if (!types.isSameType(encoded, expected)) {
      return error(
          field,
          codec,
          what
              + simple
              + " implements FieldCodec<"
              + EncodingResolver.display(encoded)
              + ">, but the field has type "
              + EncodingResolver.display(fieldType)
              + "; its codec must implement "
              + wanted
              + ".");
    }
    if (element.getKind() != ElementKind.CLASS
        || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return error(
          field,
          codec,
          what
              + simple
              + " is "
              + (element.getKind() == ElementKind.INTERFACE ? "an interface" : "abstract")
              + ", but the generated serializer creates an instance of it; name a concrete"
              + " class.");
    }
    if (!element.getTypeParameters().isEmpty()) {
      return error(
          field,
          codec,
          what + simple + " must not have type parameters: the generated serializer creates it.");
    }
    if (element.getNestingKind() == NestingKind.MEMBER
        && !element.getModifiers().contains(Modifier.STATIC)) {
      return error(
          field,
          codec,
          what
              + simple
              + " is an inner class, which needs an instance of its outer class; make it static"
              + " (or top-level).");
    }
    Optional<String> inaccessible = EncodingResolver.accessible(element, from);
    if (inaccessible.isPresent()) {
      return error(field, codec, what + inaccessible.get() + ".");
    }
    if (!Constructors.hasUsableNoArgConstructor(elements, element, from)) {
      return error(
          field,
          codec,
          what
              + simple
              + " has no public no-argument constructor, which the generated serializer calls to"
              + " create it; add public "
              + simple
              + "() {}.");
    }
    return Optional.of(new Custom(TypeName.get(fieldType), ClassName.get(element)));
  }

  private Optional<ValueEncoding> error(
      VariableElement field, AnnotationValues codec, String message) {
    reporter.error(field, codec.mirror(), codec.explicit("value"), message);
    return Optional.empty();
  }

  /**
   * The type arguments {@code type} gives {@code io.jrm.FieldCodec}, empty for a raw one; none when
   * it does not implement it.
   */
  private Optional<List<? extends TypeMirror>> fieldCodecArguments(TypeMirror type) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror current = pending.removeFirst();
      if (current.getKind() != TypeKind.DECLARED || !seen.add(current.toString())) {
        continue;
      }
      DeclaredType declared = (DeclaredType) current;
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals(ClassNames.FIELD_CODEC.canonicalName())) {
        return Optional.of(declared.getTypeArguments());
      }
      pending.addAll(types.directSupertypes(current));
    }
    return Optional.empty();
  }
}
