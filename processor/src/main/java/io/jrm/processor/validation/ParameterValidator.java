package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.CommandArguments;
import io.jrm.processor.model.HandlerParameter;
import io.jrm.processor.model.HandlerParameter.Conversion;
import io.jrm.processor.model.HandlerParameter.Presence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the parameters of a {@code @RedisCommand} handler: {@code (Context, RedisString[])}, or
 * {@code Context} then typed parameters (see {@link HandlerParameter}), required ones first, then
 * optional ones, then at most one rest parameter. Errors are reported on the parameter at fault.
 */
public final class ParameterValidator {
  private static final String SUPPORTED =
      "RedisString, String, byte[], long, int, double, boolean (or Long, Integer, Double,"
          + " Boolean), an enum, Optional<T> or @Nullable T of those, or a trailing"
          + " RedisString... or List<RedisString> for the rest";

  private final ErrorReporter reporter;

  /** Creates a validator reporting to {@code reporter}. */
  public ParameterValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The arguments of a valid handler, with the key positions its {@code @KeyName} parameters make.
   *
   * @param arguments how the handler takes its arguments
   * @param keys the key positions, or empty when no parameter is a {@code @KeyName}
   */
  public record Validated(CommandArguments arguments, Optional<KeyRange> keys) {}

  /**
   * Key positions as {@code RedisModule_CreateCommand} takes them.
   *
   * @param firstKey argv index of the first key
   * @param lastKey argv index of the last key, -1 for the last argument
   * @param keyStep step between keys
   */
  public record KeyRange(int firstKey, int lastKey, int keyStep) {}

  /** Reports every way the parameters of {@code method} are wrong, or returns what they take. */
  public Optional<Validated> validate(ExecutableElement method) {
    List<? extends VariableElement> params = method.getParameters();
    String what = "@RedisCommand method " + method.getSimpleName();
    if (params.isEmpty()
        || !HandlerValidator.isClass(params.get(0).asType(), ClassNames.CONTEXT.canonicalName())) {
      reporter.error(
          method,
          what
              + " must take io.jrm.Context first, then either RedisString[] argv or typed"
              + " parameters; declare it as public static void "
              + method.getSimpleName()
              + "(Context ctx, RedisString[] argv) or, say, (Context ctx, @KeyName RedisString key,"
              + " long count).");
      return Optional.empty();
    }
    if (HandlerValidator.hasHandlerParameters(method)) {
      return Optional.of(new Validated(CommandArguments.ofRaw(), Optional.empty()));
    }
    int errorsBefore = reporter.errorCount();
    List<HandlerParameter> typed = new ArrayList<>();
    for (int i = 1; i < params.size(); i++) {
      boolean varargs = method.isVarArgs() && i == params.size() - 1;
      parameter(params.get(i), varargs).ifPresent(typed::add);
    }
    if (reporter.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    List<? extends VariableElement> elements = params.subList(1, params.size());
    checkOrder(typed, elements);
    Optional<KeyRange> keys = keys(typed, elements);
    if (reporter.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new Validated(CommandArguments.typed(typed), keys));
  }

  private Optional<HandlerParameter> parameter(VariableElement param, boolean varargs) {
    String name = param.getSimpleName().toString();
    TypeMirror type = param.asType();
    boolean nullable = PersistentClassValidator.isNullable(param);
    boolean key =
        param.getAnnotationMirrors().stream()
            .anyMatch(m -> qualifiedName(m.getAnnotationType()).equals(ClassNames.KEY_NAME));
    Optional<HandlerParameter> result = Optional.empty();
    if (varargs) {
      if (isRedisString(((ArrayType) type).getComponentType())) {
        result =
            Optional.of(
                new HandlerParameter(
                    name, Conversion.REDIS_STRING, null, Presence.REST_ARRAY, key));
      } else {
        error(
            param,
            "The varargs parameter "
                + name
                + " is "
                + ((ArrayType) type).getComponentType()
                + "..., but the rest of the arguments come as RedisString...; declare it as"
                + " RedisString... "
                + name
                + " or List<RedisString> "
                + name
                + ".");
      }
    } else if (type.getKind().isPrimitive()) {
      result = primitive(param, name, type, key);
      if (result.isPresent() && nullable) {
        error(
            param,
            "Parameter "
                + name
                + " is a primitive "
                + type
                + ", which cannot be null; declare it as Optional<"
                + boxed(type)
                + "> or @Nullable "
                + boxed(type)
                + " for an optional argument.");
        return Optional.empty();
      }
    } else if (type.getKind() == TypeKind.ARRAY
        && isRedisString(((ArrayType) type).getComponentType())) {
      error(
          param,
          "Parameter "
              + name
              + " is RedisString[], which takes every argument, so it cannot be mixed with typed"
              + " parameters; take either (Context ctx, RedisString[] argv) alone, or typed"
              + " parameters and a trailing RedisString... for the rest.");
    } else if (isClass(type, Optional.class.getName())) {
      result = optional(param, name, (DeclaredType) type, nullable, key);
    } else if (isClass(type, List.class.getName())) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 1 && isRedisString(arguments.get(0)) && !nullable) {
        result =
            Optional.of(
                new HandlerParameter(name, Conversion.REDIS_STRING, null, Presence.REST_LIST, key));
      } else {
        unsupported(param, name, type);
      }
    } else {
      result =
          scalar(type)
              .map(
                  c ->
                      new HandlerParameter(
                          name,
                          c,
                          enumType(type, c),
                          nullable ? Presence.NULLABLE : Presence.REQUIRED,
                          key));
      if (result.isEmpty()) {
        unsupported(param, name, type);
      }
    }
    return result.filter(p -> checkKey(param, p) && checkEnum(param, type, p));
  }

  private Optional<HandlerParameter> primitive(
      VariableElement param, String name, TypeMirror type, boolean key) {
    Conversion conversion =
        switch (type.getKind()) {
          case LONG -> Conversion.LONG;
          case INT -> Conversion.INT;
          case DOUBLE -> Conversion.DOUBLE;
          case BOOLEAN -> Conversion.BOOLEAN;
          default -> null;
        };
    if (conversion == null) {
      unsupported(param, name, type);
      return Optional.empty();
    }
    return Optional.of(new HandlerParameter(name, conversion, null, Presence.REQUIRED, key));
  }

  private Optional<HandlerParameter> optional(
      VariableElement param, String name, DeclaredType type, boolean nullable, boolean key) {
    if (nullable) {
      error(
          param,
          "Parameter "
              + name
              + " is both an Optional and @Nullable; an absent argument is Optional.empty(), so"
              + " remove @Nullable.");
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    Optional<Conversion> conversion =
        arguments.size() == 1 ? scalar(arguments.get(0)) : Optional.empty();
    if (conversion.isEmpty()) {
      unsupported(param, name, type);
      return Optional.empty();
    }
    return Optional.of(
        new HandlerParameter(
            name,
            conversion.get(),
            enumType(arguments.get(0), conversion.get()),
            Presence.OPTIONAL,
            key));
  }

  /** What a reference type (the element of an Optional, or a @Nullable one) converts to. */
  private static Optional<Conversion> scalar(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
          ? Optional.of(Conversion.BYTES)
          : Optional.empty();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    if (((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
      return Optional.of(Conversion.ENUM);
    }
    return Optional.ofNullable(
        switch (qualifiedName(type)) {
          case "io.jrm.RedisString" -> Conversion.REDIS_STRING;
          case "java.lang.String" -> Conversion.STRING;
          case "java.lang.Long" -> Conversion.LONG;
          case "java.lang.Integer" -> Conversion.INT;
          case "java.lang.Double" -> Conversion.DOUBLE;
          case "java.lang.Boolean" -> Conversion.BOOLEAN;
          default -> null;
        });
  }

  private static ClassName enumType(TypeMirror type, Conversion conversion) {
    return conversion == Conversion.ENUM
        ? ClassName.get((TypeElement) ((DeclaredType) type).asElement())
        : null;
  }

  private boolean checkKey(VariableElement param, HandlerParameter parameter) {
    if (!parameter.key()) {
      return true;
    }
    if (parameter.conversion() != Conversion.REDIS_STRING) {
      error(
          param,
          "@KeyName parameter "
              + parameter.name()
              + " is "
              + param.asType()
              + ", but a key name is a RedisString (what Context.openKey takes); declare it as"
              + " RedisString or remove @KeyName.");
      return false;
    }
    if (parameter.presence().isOptional()) {
      error(
          param,
          "@KeyName parameter "
              + parameter.name()
              + " is optional, but Redis's key positions (firstKey, lastKey, keyStep) cannot say"
              + " that a key may be missing; make it a required RedisString.");
      return false;
    }
    return true;
  }

  /** Constants matched ignoring case must differ other than by case. */
  private boolean checkEnum(VariableElement param, TypeMirror type, HandlerParameter parameter) {
    if (parameter.enumType() == null) {
      return true;
    }
    TypeMirror enumMirror =
        isClass(type, Optional.class.getName())
            ? ((DeclaredType) type).getTypeArguments().get(0)
            : type;
    Set<String> names = new HashSet<>();
    for (Element constant : ((DeclaredType) enumMirror).asElement().getEnclosedElements()) {
      if (constant.getKind() == ElementKind.ENUM_CONSTANT
          && !names.add(constant.getSimpleName().toString().toLowerCase(Locale.ROOT))) {
        error(
            param,
            "Parameter "
                + parameter.name()
                + " is the enum "
                + parameter.enumType().simpleName()
                + ", whose constants are matched ignoring case, but two of them differ only by"
                + " case ("
                + constant.getSimpleName()
                + "); rename one.");
        return false;
      }
    }
    return true;
  }

  /** Required parameters, then optional ones, then the rest, so each argument has one place. */
  private void checkOrder(List<HandlerParameter> typed, List<? extends VariableElement> elements) {
    HandlerParameter optional = null;
    for (int i = 0; i < typed.size(); i++) {
      HandlerParameter parameter = typed.get(i);
      if (parameter.presence().isRest() && i != typed.size() - 1) {
        error(
            elements.get(i),
            "Parameter "
                + parameter.name()
                + " takes every remaining argument, so it must be the last parameter.");
      } else if (parameter.presence() == Presence.REQUIRED && optional != null) {
        error(
            elements.get(i),
            "Required parameter "
                + parameter.name()
                + " comes after optional parameter "
                + optional.name()
                + "; optional arguments are the trailing ones, so declare the required"
                + " parameters first.");
      }
      if (parameter.presence().isOptional()) {
        optional = parameter;
      }
    }
  }

  /**
   * The key positions of the {@code @KeyName} parameters: one range with one step, the rest ending
   * it with {@code lastKey = -1} when it is a key.
   */
  private Optional<KeyRange> keys(
      List<HandlerParameter> typed, List<? extends VariableElement> elements) {
    List<Integer> positions = new ArrayList<>();
    HandlerParameter last = typed.isEmpty() ? null : typed.get(typed.size() - 1);
    boolean restIsKey = last != null && last.presence().isRest() && last.key();
    for (int i = 0; i < typed.size(); i++) {
      if (typed.get(i).key() && typed.get(i).presence() == Presence.REQUIRED) {
        positions.add(i + 1); // argv[0] is the command name
      }
    }
    if (positions.isEmpty() && !restIsKey) {
      return Optional.empty();
    }
    if (restIsKey) {
      int rest = typed.size();
      boolean optionals = typed.stream().anyMatch(p -> p.presence().isOptional());
      int first = positions.isEmpty() ? rest : positions.get(0);
      if (optionals || positions.size() != rest - first) {
        error(
            elements.get(typed.size() - 1),
            "@KeyName parameter "
                + last.name()
                + " makes every remaining argument a key, so the other @KeyName parameters must come"
                + " right before it, with no optional or non-key parameter in between: Redis's"
                + " key positions are one range with one step.");
        return Optional.empty();
      }
      return Optional.of(new KeyRange(first, -1, 1));
    }
    int step = positions.size() == 1 ? 1 : positions.get(1) - positions.get(0);
    for (int i = 1; i < positions.size(); i++) {
      if (positions.get(i) - positions.get(i - 1) != step) {
        error(
            elements.get(positions.get(i) - 1),
            "The @KeyName parameters are at argument positions "
                + positions
                + ", which are not one range with one step as Redis's key positions (firstKey,"
                + " lastKey, keyStep) are; reorder the parameters so the keys are evenly spaced.");
        return Optional.empty();
      }
    }
    return Optional.of(new KeyRange(positions.get(0), positions.get(positions.size() - 1), step));
  }

  private void unsupported(VariableElement param, String name, TypeMirror type) {
    error(
        param,
        "Parameter "
            + name
            + " has the unsupported type "
            + type
            + "; a command parameter after the Context is one of: "
            + SUPPORTED
            + ".");
  }

  private void error(Element element, String message) {
    reporter.error(element, message);
  }

  private static boolean isRedisString(TypeMirror type) {
    return isClass(type, ClassNames.REDIS_STRING.canonicalName());
  }

  private static boolean isClass(TypeMirror type, String canonicalName) {
    return HandlerValidator.isClass(type, canonicalName);
  }

  private static String qualifiedName(TypeMirror type) {
    return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
  }

  private static String boxed(TypeMirror primitive) {
    return switch (primitive.getKind()) {
      case INT -> "Integer";
      case BOOLEAN -> "Boolean";
      case DOUBLE -> "Double";
      default -> "Long";
    };
  }
}
