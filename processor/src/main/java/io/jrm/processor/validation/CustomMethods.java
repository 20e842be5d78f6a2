package io.jrm.processor.validation;

import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the methods a persistent class may declare to take over part of its handling: {@code
 * rdbSave} with {@code rdbLoad}, {@code aofRewrite}, {@code upgrade}, {@code validateLoaded},
 * {@code copy}, {@code freeEffort}, {@code unlink}, {@code defrag}, {@code memUsage}, {@code free},
 * and the static {@code auxSave} with {@code auxLoad} and {@code auxSaveTriggers}. A method with
 * one of these names must have the signature JRM calls, since a near miss would silently not be
 * called.
 */
final class CustomMethods {
  static final String RDB_SAVE = "rdbSave";
  static final String RDB_LOAD = "rdbLoad";
  static final String AOF_REWRITE = "aofRewrite";
  static final String UPGRADE = "upgrade";
  static final String VALIDATE_LOADED = "validateLoaded";
  static final String COPY = "copy";
  static final String FREE_EFFORT = "freeEffort";
  static final String UNLINK = "unlink";
  static final String DEFRAG = "defrag";
  static final String MEM_USAGE = "memUsage";
  static final String FREE = "free";
  static final String AUX_SAVE = "auxSave";
  static final String AUX_LOAD = "auxLoad";
  static final String AUX_SAVE_TRIGGERS = "auxSaveTriggers";

  /** What a class declares of the aux methods, once they are valid. */
  enum Aux {
    /** Neither auxSave nor auxLoad. */
    NONE,
    /** auxSave and auxLoad, saved before the keyspace. */
    DEFAULT_TRIGGERS,
    /** auxSave, auxLoad and auxSaveTriggers. */
    OWN_TRIGGERS
  }

  private final Elements elements;
  private final Types types;
  private final ErrorReporter reporter;

  CustomMethods(Elements elements, Types types, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /**
   * Reports wrong signatures of {@code rdbSave} and {@code rdbLoad} and either without the other.
   *
   * @return whether the class declares either, so that its fields are not checked: it encodes
   *     itself (or meant to, which is reported)
   */
  boolean validateEncoding(TypeElement type) {
    List<ExecutableElement> saves = methods(type, RDB_SAVE);
    List<ExecutableElement> loads = methods(type, RDB_LOAD);
    String self = type.getSimpleName().toString();
    String saveSignature = "public void rdbSave(io.jrm.RdbOutput out)";
    String loadSignature = "public static " + self + " rdbLoad(io.jrm.RdbInput in, int encver)";
    for (ExecutableElement save : saves) {
      boolean valid =
          hasModifiers(save, false)
              && save.getReturnType().getKind() == TypeKind.VOID
              && hasParameters(save, ClassNames.RDB_OUTPUT.canonicalName());
      check(save, valid, type, saveSignature);
    }
    for (ExecutableElement load : loads) {
      boolean valid =
          hasModifiers(load, true)
              && types.isSameType(load.getReturnType(), type.asType())
              && hasParameters(load, ClassNames.RDB_INPUT.canonicalName(), "int");
      check(load, valid, type, loadSignature);
    }
    String both =
        "; declare both "
            + saveSignature
            + " and "
            + loadSignature
            + " to encode "
            + self
            + " yourself, or neither to let JRM encode its fields.";
    if (!saves.isEmpty() && loads.isEmpty()) {
      reporter.error(saves.get(0), self + " declares rdbSave but no rdbLoad" + both);
    } else if (saves.isEmpty() && !loads.isEmpty()) {
      reporter.error(loads.get(0), self + " declares rdbLoad but no rdbSave" + both);
    }
    return !saves.isEmpty() || !loads.isEmpty();
  }

  /** Whether {@code type} declares {@code rdbSave} or {@code rdbLoad}, whatever their signature. */
  static boolean declaresEncoding(TypeElement type) {
    return !methods(type, RDB_SAVE).isEmpty() || !methods(type, RDB_LOAD).isEmpty();
  }

  /**
   * Reports wrong signatures of {@code auxSave}, {@code auxLoad} and {@code auxSaveTriggers}, one
   * of the first two without the other, and {@code auxSaveTriggers} without them.
   */
  Aux validateAux(TypeElement type) {
    String self = type.getSimpleName().toString();
    String saveSignature =
        "public static void auxSave(io.jrm.RdbOutput out, io.jrm.AuxPhase phase)";
    String loadSignature =
        "public static void auxLoad(io.jrm.RdbInput in, int encver, io.jrm.AuxPhase phase)";
    String triggersSignature = "public static java.util.Set<io.jrm.AuxPhase> auxSaveTriggers()";
    String phase = ClassNames.AUX_PHASE.canonicalName();
    List<ExecutableElement> saves = methods(type, AUX_SAVE);
    List<ExecutableElement> loads = methods(type, AUX_LOAD);
    List<ExecutableElement> triggers = methods(type, AUX_SAVE_TRIGGERS);
    for (ExecutableElement save : saves) {
      check(
          save,
          hasModifiers(save, true)
              && save.getReturnType().getKind() == TypeKind.VOID
              && hasParameters(save, ClassNames.RDB_OUTPUT.canonicalName(), phase),
          type,
          saveSignature);
    }
    for (ExecutableElement load : loads) {
      check(
          load,
          hasModifiers(load, true)
              && load.getReturnType().getKind() == TypeKind.VOID
              && hasParameters(load, ClassNames.RDB_INPUT.canonicalName(), "int", phase),
          type,
          loadSignature);
    }
    for (ExecutableElement trigger : triggers) {
      check(
          trigger,
          hasModifiers(trigger, true)
              && hasParameters(trigger)
              && trigger.getReturnType().toString().equals("java.util.Set<" + phase + ">"),
          type,
          triggersSignature);
    }
    String both =
        "; declare both "
            + saveSignature
            + " and "
            + loadSignature
            + " to keep module-wide state in the RDB, or neither.";
    if (!saves.isEmpty() && loads.isEmpty()) {
      reporter.error(saves.get(0), self + " declares auxSave but no auxLoad" + both);
    } else if (saves.isEmpty() && !loads.isEmpty()) {
      reporter.error(loads.get(0), self + " declares auxLoad but no auxSave" + both);
    } else if (saves.isEmpty() && !triggers.isEmpty()) {
      reporter.error(
          triggers.get(0),
          self
              + " declares auxSaveTriggers but no auxSave and auxLoad, which it would trigger"
              + both);
    }
    if (saves.isEmpty() || loads.isEmpty()) {
      return Aux.NONE;
    }
    return triggers.isEmpty() ? Aux.DEFAULT_TRIGGERS : Aux.OWN_TRIGGERS;
  }

  /** Reports a wrong {@code aofRewrite}; returns whether a valid one is declared. */
  boolean validateAofRewrite(TypeElement type) {
    return validateInstanceMethod(
        type,
        AOF_REWRITE,
        "public void aofRewrite(io.jrm.AofOutput aof, io.jrm.RedisString key)",
        ClassNames.AOF_OUTPUT.canonicalName(),
        ClassNames.REDIS_STRING.canonicalName());
  }

  /** Reports a wrong {@code upgrade}; returns whether a valid one is declared. */
  boolean validateUpgrade(TypeElement type) {
    return validateInstanceMethod(type, UPGRADE, "public void upgrade(int fromEncver)", "int");
  }

  /** Reports a wrong {@code validateLoaded}; returns whether a valid one is declared. */
  boolean validateValidateLoaded(TypeElement type) {
    return validateInstanceMethod(type, VALIDATE_LOADED, "public void validateLoaded()");
  }

  /** Reports a wrong {@code copy}; returns whether a valid one is declared. */
  boolean validateCopy(TypeElement type) {
    return validateInstanceMethod(
        type,
        COPY,
        "public " + type.getSimpleName() + " copy(io.jrm.KeyOptContext keys)",
        type.asType(),
        ClassNames.KEY_OPT_CONTEXT.canonicalName());
  }

  /** Reports a wrong {@code freeEffort}; returns whether a valid one is declared. */
  boolean validateFreeEffort(TypeElement type) {
    return validateInstanceMethod(
        type,
        FREE_EFFORT,
        "public long freeEffort(io.jrm.KeyOptContext keys)",
        types.getPrimitiveType(TypeKind.LONG),
        ClassNames.KEY_OPT_CONTEXT.canonicalName());
  }

  /** Reports a wrong {@code unlink}; returns whether a valid one is declared. */
  boolean validateUnlink(TypeElement type) {
    return validateInstanceMethod(
        type,
        UNLINK,
        "public void unlink(io.jrm.KeyOptContext keys)",
        ClassNames.KEY_OPT_CONTEXT.canonicalName());
  }

  /** Reports a wrong {@code defrag}; returns whether a valid one is declared. */
  boolean validateDefrag(TypeElement type) {
    return validateInstanceMethod(
        type,
        DEFRAG,
        "public boolean defrag(io.jrm.DefragContext ctx)",
        types.getPrimitiveType(TypeKind.BOOLEAN),
        ClassNames.DEFRAG_CONTEXT.canonicalName());
  }

  /** Reports a wrong {@code memUsage}; returns whether a valid one is declared. */
  boolean validateMemUsage(TypeElement type) {
    return validateInstanceMethod(
        type, MEM_USAGE, "public long memUsage()", types.getPrimitiveType(TypeKind.LONG));
  }

  /** Reports a wrong {@code free}; returns whether a valid one is declared. */
  boolean validateFree(TypeElement type) {
    return validateInstanceMethod(type, FREE, "public void free()");
  }

  /**
   * Reports each method {@code name} of {@code type} that is not {@code signature}: public, not
   * static, void, with {@code parameters}. Returns whether a valid one is declared.
   */
  private boolean validateInstanceMethod(
      TypeElement type, String name, String signature, String... parameters) {
    return validateInstanceMethod(
        type, name, signature, types.getNoType(TypeKind.VOID), parameters);
  }

  /** As above, for a method that returns {@code returns}. */
  private boolean validateInstanceMethod(
      TypeElement type, String name, String signature, TypeMirror returns, String... parameters) {
    boolean found = false;
    for (ExecutableElement method : methods(type, name)) {
      boolean valid =
          hasModifiers(method, false)
              && (returns.getKind() == TypeKind.VOID
                  ? method.getReturnType().getKind() == TypeKind.VOID
                  : types.isSameType(method.getReturnType(), returns))
              && hasParameters(method, parameters);
      check(method, valid, type, signature);
      found |= valid;
    }
    return found;
  }

  private void check(ExecutableElement method, boolean valid, TypeElement type, String expected) {
    boolean throwsChecked = method.getThrownTypes().stream().anyMatch(this::isChecked);
    if (!valid) {
      reporter.error(
          method,
          "The method "
              + method.getSimpleName()
              + " of "
              + type.getSimpleName()
              + " must be declared "
              + expected
              + ", not "
              + describe(method)
              + ".");
    } else if (throwsChecked) {
      reporter.error(
          method,
          "The method "
              + method.getSimpleName()
              + " of "
              + type.getSimpleName()
              + " must not throw checked exceptions, because Redis's callbacks cannot pass them"
              + " on; catch them, or wrap them in an unchecked exception.");
    }
  }

  private static List<ExecutableElement> methods(TypeElement type, String name) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .toList();
  }

  private static boolean hasModifiers(ExecutableElement method, boolean isStatic) {
    Set<Modifier> modifiers = method.getModifiers();
    return modifiers.contains(Modifier.PUBLIC)
        && modifiers.contains(Modifier.STATIC) == isStatic
        && method.getTypeParameters().isEmpty();
  }

  /** Parameters of exactly these types, given as canonical class names or primitive names. */
  private static boolean hasParameters(ExecutableElement method, String... expected) {
    List<? extends VariableElement> parameters = method.getParameters();
    if (parameters.size() != expected.length || method.isVarArgs()) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!nameOf(parameters.get(i).asType()).equals(expected[i])) {
        return false;
      }
    }
    return true;
  }

  private static String nameOf(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }
    return type.getKind().isPrimitive()
        ? type.getKind().name().toLowerCase(Locale.ROOT)
        : type.toString();
  }

  private boolean isChecked(TypeMirror thrown) {
    return !isSubtype(thrown, "java.lang.RuntimeException")
        && !isSubtype(thrown, "java.lang.Error");
  }

  private boolean isSubtype(TypeMirror type, String className) {
    TypeElement element = elements.getTypeElement(className);
    return element != null && types.isSubtype(type, element.asType());
  }

  /** {@code modifiers returnType name(parameterTypes) throws ...}, as the source has it. */
  private static String describe(ExecutableElement method) {
    String modifiers =
        method.getModifiers().stream().map(Modifier::toString).collect(Collectors.joining(" "));
    String parameters =
        method.getParameters().stream()
            .map(p -> p.asType().toString())
            .collect(Collectors.joining(", "));
    String thrown =
        method.getThrownTypes().stream()
            .map(TypeMirror::toString)
            .collect(Collectors.joining(", "));
    return (modifiers.isEmpty() ? "" : modifiers + " ")
        + method.getReturnType()
        + " "
        + method.getSimpleName()
        + "("
        + parameters
        + ")"
        + (thrown.isEmpty() ? "" : " throws " + thrown);
  }
}
