package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.model.ValueEncoding;
import io.jrm.processor.model.ValueEncoding.ArrayOf;
import io.jrm.processor.model.ValueEncoding.Bytes;
import io.jrm.processor.model.ValueEncoding.CollectionKind;
import io.jrm.processor.model.ValueEncoding.CollectionOf;
import io.jrm.processor.model.ValueEncoding.Creation;
import io.jrm.processor.model.ValueEncoding.EnumConstant;
import io.jrm.processor.model.ValueEncoding.MapOf;
import io.jrm.processor.model.ValueEncoding.Nested;
import io.jrm.processor.model.ValueEncoding.Scalar;
import io.jrm.processor.model.ValueEncoding.ScalarKind;
import io.jrm.processor.model.ValueEncoding.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides how a persisted field's type is encoded, or why it cannot be: the rules of {@code
 * io.jrm.annotations.DataType}, applied recursively to array components and to the element, key and
 * value types of collections.
 */
final class EncodingResolver {
  /** Why a type that is none of the persistable kinds cannot persist. */
  static final String PERSISTABLE_KINDS =
      "only primitives, their boxes, String, byte[], enums, arrays, List/Set/Map of these and"
          + " @Persistable classes do";

  private static final Map<String, ScalarKind> BOXES =
      Map.of(
          "java.lang.Byte", ScalarKind.BYTE,
          "java.lang.Short", ScalarKind.SHORT,
          "java.lang.Integer", ScalarKind.INT,
          "java.lang.Long", ScalarKind.LONG,
          "java.lang.Boolean", ScalarKind.BOOLEAN,
          "java.lang.Character", ScalarKind.CHAR,
          "java.lang.Float", ScalarKind.FLOAT,
          "java.lang.Double", ScalarKind.DOUBLE);

  private static final Set<String> OPTIONALS =
      Set.of(
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble");

  private final Elements elements;
  private final Types types;

  EncodingResolver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The encoding of a value of type {@code type}, or why it has none.
   *
   * @param from the package of the generated serializer, which must be able to name every type
   */
  Resolution resolve(TypeMirror type, PackageElement from) {
    return switch (type.getKind()) {
      case BYTE -> scalar(ScalarKind.BYTE);
      case SHORT -> scalar(ScalarKind.SHORT);
      case INT -> scalar(ScalarKind.INT);
      case LONG -> scalar(ScalarKind.LONG);
      case BOOLEAN -> scalar(ScalarKind.BOOLEAN);
      case CHAR -> scalar(ScalarKind.CHAR);
      case FLOAT -> scalar(ScalarKind.FLOAT);
      case DOUBLE -> scalar(ScalarKind.DOUBLE);
      case ARRAY -> array((ArrayType) type, from);
      case DECLARED -> declared((DeclaredType) type, from);
      case TYPEVAR ->
          Resolution.failure(
              "a type variable has no fixed encoding; use the concrete type the value has");
      case WILDCARD -> Resolution.failure("a wildcard has no fixed encoding; name the type itself");
      case ERROR ->
          Resolution.failure(
              "the type is unknown (not found, or generated later by another annotation"
                  + " processor)");
      default -> Resolution.failure(PERSISTABLE_KINDS);
    };
  }

  private static Resolution scalar(ScalarKind kind) {
    return Resolution.of(new Scalar(kind, false));
  }

  private Resolution array(ArrayType type, PackageElement from) {
    TypeMirror component = type.getComponentType();
    if (component.getKind() == TypeKind.BYTE) {
      return Resolution.of(new Bytes());
    }
    TypeMirror innermost = component;
    while (innermost.getKind() == TypeKind.ARRAY) {
      innermost = ((ArrayType) innermost).getComponentType();
    }
    if (innermost.getKind() == TypeKind.DECLARED
        && !((DeclaredType) innermost).getTypeArguments().isEmpty()) {
      return Resolution.failure(
          "Java cannot create arrays of a generic type such as "
              + display(innermost)
              + "; use a List instead of the array");
    }
    Resolution resolved = resolve(component, from);
    return resolved.encoding().isPresent()
        ? Resolution.of(new ArrayOf(resolved.encoding().get()))
        : Resolution.failure(nested("component", component, resolved));
  }

  private Resolution declared(DeclaredType type, PackageElement from) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (BOXES.containsKey(name)) {
      return Resolution.of(new Scalar(BOXES.get(name), true));
    }
    if (name.equals("java.lang.String")) {
      return Resolution.of(new Text());
    }
    if (element.getKind() == ElementKind.ENUM) {
      return accessible(element, from)
          .map(Resolution::failure)
          .orElseGet(() -> Resolution.of(new EnumConstant(ClassName.get(element))));
    }
    if (hasAnnotation(element, ClassNames.PERSISTABLE)) {
      return accessible(element, from)
          .map(Resolution::failure)
          .orElseGet(() -> Resolution.of(new Nested(ClassName.get(element))));
    }
    if (isSubtypeOf(type, Map.class)) {
      return map(type, element, from);
    }
    if (isSubtypeOf(type, List.class)) {
      return collection(type, element, CollectionKind.LIST, from);
    }
    if (isSubtypeOf(type, Set.class)) {
      return collection(type, element, CollectionKind.SET, from);
    }
    if (OPTIONALS.contains(name)) {
      return Resolution.failure(
          element.getSimpleName()
              + " does not persist; declare the value's own type and annotate the field"
              + " @Nullable");
    }
    if (hasAnnotation(element, ClassNames.DATA_TYPE)) {
      return Resolution.failure(
          PERSISTABLE_KINDS
              + "; "
              + element.getSimpleName()
              + " is a @DataType, annotate it @Persistable too to persist it inside another"
              + " value");
    }
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      // A JDK class cannot be annotated @Persistable: a codec is the way to persist one.
      return Resolution.failure(
          PERSISTABLE_KINDS
              + "; for a class such as "
              + element.getSimpleName()
              + ", write an io.jrm.FieldCodec<"
              + element.getSimpleName()
              + "> and annotate the field @Codec(ThatCodec.class)");
    }
    return Resolution.failure(
        PERSISTABLE_KINDS
            + "; annotate "
            + element.getSimpleName()
            + " @Persistable to persist it");
  }

  private Resolution collection(
      DeclaredType type, TypeElement element, CollectionKind kind, PackageElement from) {
    Optional<List<? extends TypeMirror>> arguments = supertypeArguments(type, kind.interfaceName());
    Optional<String> problem = collectionProblem(type, element, arguments, from);
    if (problem.isPresent()) {
      return Resolution.failure(problem.get());
    }
    TypeMirror elementType = arguments.orElseThrow().get(0);
    Resolution resolvedElement = resolve(elementType, from);
    if (resolvedElement.encoding().isEmpty()) {
      return Resolution.failure(nested("element", elementType, resolvedElement));
    }
    ValueEncoding elementEncoding = resolvedElement.encoding().get();
    boolean isInterface = element.getKind() == ElementKind.INTERFACE;
    TypeName declared =
        isInterface
            ? ParameterizedTypeName.get(kind.interfaceName(), elementEncoding.type().box())
            : TypeName.get(type);
    Creation creation =
        isInterface
            ? new Creation(
                ClassName.get(kind == CollectionKind.LIST ? ArrayList.class : LinkedHashSet.class),
                true)
            : new Creation(ClassName.get(element), !element.getTypeParameters().isEmpty());
    return Resolution.of(new CollectionOf(kind, declared, creation, elementEncoding));
  }

  private Resolution map(DeclaredType type, TypeElement element, PackageElement from) {
    Optional<List<? extends TypeMirror>> arguments =
        supertypeArguments(type, ClassName.get(Map.class));
    Optional<String> problem = collectionProblem(type, element, arguments, from);
    if (problem.isPresent()) {
      return Resolution.failure(problem.get());
    }
    TypeMirror keyType = arguments.orElseThrow().get(0);
    TypeMirror valueType = arguments.orElseThrow().get(1);
    Resolution key = resolve(keyType, from);
    if (key.encoding().isEmpty()) {
      return Resolution.failure(nested("key", keyType, key));
    }
    Resolution value = resolve(valueType, from);
    if (value.encoding().isEmpty()) {
      return Resolution.failure(nested("value", valueType, value));
    }
    boolean isInterface = element.getKind() == ElementKind.INTERFACE;
    TypeName declared =
        isInterface
            ? ParameterizedTypeName.get(
                ClassName.get(Map.class),
                key.encoding().get().type().box(),
                value.encoding().get().type().box())
            : TypeName.get(type);
    Creation creation =
        isInterface
            ? new Creation(ClassName.get(LinkedHashMap.class), true)
            : new Creation(ClassName.get(element), !element.getTypeParameters().isEmpty());
    return Resolution.of(
        new MapOf(declared, creation, key.encoding().get(), value.encoding().get()));
  }

  /**
   * Why a {@code List}, {@code Set} or {@code Map} type cannot be loaded into, if it cannot: it
   * must be the interface itself, or a concrete class the generated code can create.
   */
  private Optional<String> collectionProblem(
      DeclaredType type,
      TypeElement element,
      Optional<List<? extends TypeMirror>> arguments,
      PackageElement from) {
    String simpleName = element.getSimpleName().toString();
    if (arguments.isEmpty() || arguments.get().isEmpty()) {
      return Optional.of(
          "a raw "
              + simpleName
              + " has no element type; give its type arguments, as in "
              + simpleName
              + (isSubtypeOf(type, Map.class) ? "<String, Long>" : "<String>"));
    }
    boolean isStandardInterface =
        element.getKind() == ElementKind.INTERFACE
            && Set.of("java.util.List", "java.util.Set", "java.util.Map")
                .contains(element.getQualifiedName().toString());
    if (isStandardInterface) {
      return Optional.empty();
    }
    String instead =
        "; declare it as List, Set or Map, or as a class with a no-argument constructor such as"
            + " ArrayList, HashSet or TreeMap";
    if (element.getKind() != ElementKind.CLASS
        || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(simpleName + " cannot be created when loading" + instead);
    }
    Optional<String> inaccessible = accessible(element, from);
    if (inaccessible.isPresent()) {
      return inaccessible;
    }
    if (!Constructors.hasUsableNoArgConstructor(elements, element, from)) {
      return Optional.of(
          simpleName + " has no public no-argument constructor to load into" + instead);
    }
    for (TypeMirror argument : type.getTypeArguments()) {
      if (!isConcrete(argument)) {
        return Optional.of(
            "its type argument "
                + display(argument)
                + " has no fixed encoding; name the type itself");
      }
    }
    return Optional.empty();
  }

  /** No type variables or wildcards anywhere in {@code type}. */
  private static boolean isConcrete(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD, ERROR -> false;
      case ARRAY -> isConcrete(((ArrayType) type).getComponentType());
      case DECLARED ->
          ((DeclaredType) type).getTypeArguments().stream().allMatch(EncodingResolver::isConcrete);
      default -> true;
    };
  }

  /**
   * The type arguments {@code type} gives {@code target} (a generic interface it implements), such
   * as {@code [String]} for {@code TreeSet<String>} and {@code Set}; empty when {@code type} is raw
   * or does not implement it.
   */
  private Optional<List<? extends TypeMirror>> supertypeArguments(
      DeclaredType type, ClassName target) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror current = pending.removeFirst();
      if (current.getKind() != TypeKind.DECLARED || !seen.add(current.toString())) {
        continue;
      }
      DeclaredType declared = (DeclaredType) current;
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals(target.canonicalName())) {
        return Optional.of(declared.getTypeArguments());
      }
      pending.addAll(types.directSupertypes(current));
    }
    return Optional.empty();
  }

  private boolean isSubtypeOf(TypeMirror type, Class<?> target) {
    TypeElement targetElement = elements.getTypeElement(target.getCanonicalName());
    return targetElement != null
        && types.isSubtype(types.erasure(type), types.erasure(targetElement.asType()));
  }

  /**
   * Why the generated code, in package {@code from}, cannot name {@code element}, if it cannot: it
   * and every class around it must be public, or not private and in the same package.
   */
  static Optional<String> accessible(TypeElement element, PackageElement from) {
    for (Element e = element; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      Set<Modifier> modifiers = t.getModifiers();
      boolean samePackage = packageOf(t).equals(from);
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC) && !samePackage)) {
        return Optional.of(
            (t.equals(element) ? "" : "the class around it, ")
                + t.getSimpleName()
                + " is "
                + (modifiers.contains(Modifier.PRIVATE) ? "private" : "not public")
                + ", so the generated serializer in package "
                + from.getQualifiedName()
                + " cannot use "
                + element.getSimpleName()
                + "; make "
                + t.getSimpleName()
                + (samePackage ? " package-private or public" : " public"));
      }
    }
    return Optional.empty();
  }

  private static PackageElement packageOf(Element element) {
    Element e = element;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return (PackageElement) e;
  }

  static boolean hasAnnotation(Element element, String annotationName) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(
            m ->
                ((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(annotationName));
  }

  /** The reason a nested type fails, as part of the reason its container fails. */
  private static String nested(String role, TypeMirror type, Resolution failed) {
    return "its " + role + " type " + display(type) + " cannot: " + failed.reason();
  }

  /**
   * How messages show a type: simple names, no annotations, such as {@code Map<String, Object>}.
   */
  static String display(TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> display(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = String.join(".", ClassName.get(element).simpleNames());
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        yield arguments.isEmpty()
            ? name
            : name
                + arguments.stream()
                    .map(EncodingResolver::display)
                    .collect(Collectors.joining(", ", "<", ">"));
      }
      case TYPEVAR -> ((TypeVariable) type).asElement().getSimpleName().toString();
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          yield "? extends " + display(wildcard.getExtendsBound());
        }
        yield wildcard.getSuperBound() != null
            ? "? super " + display(wildcard.getSuperBound())
            : "?";
      }
      case BYTE -> "byte";
      case SHORT -> "short";
      case INT -> "int";
      case LONG -> "long";
      case BOOLEAN -> "boolean";
      case CHAR -> "char";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      default -> type.toString();
    };
  }

  /**
   * An encoding, or the reason there is none.
   *
   * @param encoding the encoding, if the type persists
   * @param reason why it does not, else null
   */
  record Resolution(Optional<ValueEncoding> encoding, String reason) {
    static Resolution of(ValueEncoding encoding) {
      return new Resolution(Optional.of(encoding), null);
    }

    static Resolution failure(String reason) {
      return new Resolution(Optional.empty(), reason);
    }
  }
}
