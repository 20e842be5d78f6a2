package io.jrm.processor.validation;

import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the return type of a {@code @RedisCommand} method: void (the handler replies through its
 * Context), or a type {@code io.jrm.Replies.write} sends as the reply, checked all the way into the
 * element, key and value types of lists, sets, maps and arrays. {@code Object} and {@code ?} are
 * accepted only inside those (checked at run time); a handler whose reply varies returns {@code
 * io.jrm.Reply}.
 */
final class ReturnTypeValidator {
  /** The constant of {@code io.jrm.Replies} that lists the types it sends as one value. */
  private static final String SCALAR_TYPES = "SCALAR_TYPES";

  /** Boxes, which the message names with their primitives. */
  private static final Set<String> BOXES =
      Set.of("java.lang.Long", "java.lang.Integer", "java.lang.Double", "java.lang.Boolean");

  private final Elements elements;
  private final Types types;
  private final ErrorReporter reporter;

  /**
   * Sent as themselves, and as elements: read from the runtime's {@code Replies.SCALAR_TYPES} on
   * the class path, the one list of them; empty until first needed, and when the runtime is
   * missing.
   */
  private List<String> scalars;

  ReturnTypeValidator(Elements elements, Types types, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The runtime's list of the classes a reply is made of, or empty without the runtime. */
  private List<String> scalars() {
    if (scalars == null) {
      TypeElement replies = elements.getTypeElement(ClassNames.REPLIES.canonicalName());
      scalars =
          replies == null
              ? List.of()
              : ElementFilter.fieldsIn(replies.getEnclosedElements()).stream()
                  .filter(field -> field.getSimpleName().contentEquals(SCALAR_TYPES))
                  .map(VariableElement::getConstantValue)
                  .filter(String.class::isInstance)
                  .flatMap(names -> Arrays.stream(((String) names).split(" ")))
                  .toList();
    }
    return scalars;
  }

  /** What a handler may return, for the error message. */
  private String supported() {
    String named =
        Stream.concat(
                Stream.of("byte[]"),
                scalars().stream()
                    .filter(name -> !BOXES.contains(name))
                    .map(name -> name.substring(name.lastIndexOf('.') + 1)))
            .collect(Collectors.joining(", "));
    return "long, int, double, boolean (or their boxes), "
        + named
        + ", Reply, or a List, Set, Map or array of those";
  }

  /**
   * Reports a return type that is no reply.
   *
   * @return whether the method returns its reply (false for void, and after an error)
   */
  boolean validate(ExecutableElement method) {
    TypeMirror returned = method.getReturnType();
    if (returned.getKind() == TypeKind.VOID) {
      return false;
    }
    Optional<String> problem =
        HandlerValidator.isClass(returned, "java.lang.Object")
            ? Optional.of(
                "Object says nothing about the reply; return io.jrm.Reply for a reply"
                    + " whose kind varies")
            : problem(returned, true);
    problem.ifPresent(
        p ->
            reporter.error(
                method,
                "@RedisCommand method "
                    + method.getSimpleName()
                    + " cannot return "
                    + returned
                    + ": "
                    + p
                    + ". Return void and reply through the Context, or return "
                    + supported()
                    + "."));
    return problem.isEmpty();
  }

  /** Why {@code type} is not a reply, or empty when it is one. */
  private Optional<String> problem(TypeMirror type, boolean topLevel) {
    switch (type.getKind()) {
      case LONG, INT, DOUBLE, BOOLEAN:
        return Optional.empty();
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        return component.getKind() == TypeKind.BYTE ? Optional.empty() : problem(component, false);
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null ? Optional.empty() : problem(bound, false);
      case DECLARED:
        return declaredProblem((DeclaredType) type, topLevel);
      default:
        return unsupported(type);
    }
  }

  private Optional<String> declaredProblem(DeclaredType type, boolean topLevel) {
    String name = ((TypeElement) type.asElement()).getQualifiedName().toString();
    if (scalars().contains(name) || isSubtype(type, ClassNames.REPLY.canonicalName())) {
      return Optional.empty();
    }
    if (!topLevel && name.equals("java.lang.Object")) {
      return Optional.empty(); // checked at run time, as Reply's elements are
    }
    if (isSubtype(type, "java.util.Map")) {
      return arguments(type, "java.util.Map");
    }
    if (isSubtype(type, "java.util.Collection")) {
      return arguments(type, "java.util.Collection");
    }
    return unsupported(type);
  }

  /** The problem of the first type argument {@code type} gives {@code supertype}, if any. */
  private Optional<String> arguments(DeclaredType type, String supertype) {
    for (TypeMirror argument : typeArguments(type, supertype)) {
      Optional<String> problem = problem(argument, false);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The type arguments of {@code supertype} as {@code type} extends it; none when raw. */
  private List<? extends TypeMirror> typeArguments(TypeMirror type, String supertype) {
    if (HandlerValidator.isClass(type, supertype)) {
      return ((DeclaredType) type).getTypeArguments();
    }
    for (TypeMirror direct : types.directSupertypes(type)) {
      if (isSubtype(direct, supertype)) {
        return typeArguments(direct, supertype);
      }
    }
    return List.of();
  }

  private static Optional<String> unsupported(TypeMirror type) {
    return Optional.of(type + " is not a reply type");
  }

  private boolean isSubtype(TypeMirror type, String canonicalName) {
    TypeElement target = elements.getTypeElement(canonicalName);
    return target != null
        && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }
}
