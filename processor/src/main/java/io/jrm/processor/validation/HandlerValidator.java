package io.jrm.processor.validation;

import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks that a {@code @RedisCommand} or {@code @OnLoad} method can be called by the generated
 * class as {@code Owner.method(ctx, argv)}: public static, parameters {@code (Context,
 * RedisString[])} (a command's typed parameters are {@link ParameterValidator}'s), not generic, in
 * a class reachable from any package. The return type is checked by the caller: {@link
 * ReturnTypeValidator} for commands, void for {@code @OnLoad}.
 */
public final class HandlerValidator {
  private final ErrorReporter reporter;

  /** Creates a validator reporting to {@code reporter}. */
  public HandlerValidator(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Reports every way {@code method} cannot be a handler.
   *
   * @param annotation the annotation's simple name for messages, such as {@code "@RedisCommand"}
   * @param argsName the name the messages give the second parameter, such as {@code "argv"}
   * @return whether the method is a valid handler
   */
  public boolean validate(ExecutableElement method, String annotation, String argsName) {
    return validate(method, annotation, argsName, true);
  }

  /**
   * As {@link #validate(ExecutableElement, String, String)}, but leaves the parameters to the
   * caller: a command's typed parameters are {@link ParameterValidator}'s.
   */
  public boolean validateExceptParameters(
      ExecutableElement method, String annotation, String argsName) {
    return validate(method, annotation, argsName, false);
  }

  private boolean validate(
      ExecutableElement method, String annotation, String argsName, boolean parameters) {
    int errorsBefore = reporter.errorCount();
    String what = annotation + " method " + method.getSimpleName();
    String expected =
        "public static void "
            + method.getSimpleName()
            + "(Context ctx, RedisString[] "
            + argsName
            + ")";
    if (!method.getModifiers().contains(Modifier.PUBLIC)
        || !method.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(
          method,
          what
              + " must be public static, because the generated module class calls it directly;"
              + " declare it as "
              + expected
              + ".");
    }
    if (parameters && !hasHandlerParameters(method)) {
      reporter.error(
          method,
          what
              + " must take exactly (io.jrm.Context, io.jrm.RedisString[]), not ("
              + describeParameters(method)
              + (method.isVarArgs()
                  ? "): a varargs method is a different signature, which the generated class does"
                      + " not call"
                  : ")")
              + "; declare it as "
              + expected
              + ".");
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(
          method, what + " must not have type parameters; declare it as " + expected + ".");
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (!isReachable(owner)) {
      reporter.error(
          method,
          what
              + " is in "
              + owner.getQualifiedName()
              + ", which the generated module class cannot reach; move it to a public top-level"
              + " class or a public static nested class.");
    }
    return reporter.errorCount() == errorsBefore;
  }

  /** Whether {@code method} takes exactly {@code (Context, RedisString[])}, not as varargs. */
  static boolean hasHandlerParameters(ExecutableElement method) {
    List<? extends VariableElement> params = method.getParameters();
    if (params.size() != 2 || method.isVarArgs()) {
      return false;
    }
    TypeMirror second = params.get(1).asType();
    return isClass(params.get(0).asType(), ClassNames.CONTEXT.canonicalName())
        && second.getKind() == TypeKind.ARRAY
        && isClass(
            ((ArrayType) second).getComponentType(), ClassNames.REDIS_STRING.canonicalName());
  }

  static boolean isClass(TypeMirror type, String canonicalName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(canonicalName);
  }

  /** The parameter types as declared: a varargs parameter is {@code T...}, not {@code T[]}. */
  private static String describeParameters(ExecutableElement method) {
    List<? extends VariableElement> params = method.getParameters();
    List<String> types =
        params.stream().map(p -> p.asType().toString()).collect(Collectors.toList());
    if (method.isVarArgs()) {
      int last = types.size() - 1;
      types.set(last, ((ArrayType) params.get(last).asType()).getComponentType() + "...");
    }
    return String.join(", ", types);
  }

  /** Public all the way up, and static wherever nested, so {@code Outer.Inner.m()} compiles. */
  private static boolean isReachable(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      if (t.getNestingKind() == NestingKind.MEMBER) {
        if (!t.getModifiers().contains(Modifier.STATIC)) {
          return false;
        }
      } else if (t.getNestingKind() != NestingKind.TOP_LEVEL) {
        return false;
      }
    }
    return true;
  }

  /** {@code com.example.Foo.bar()}, how messages name another method. */
  static String describe(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName()
        + "."
        + method.getSimpleName()
        + "()";
  }
}
