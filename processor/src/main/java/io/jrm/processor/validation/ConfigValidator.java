package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.ConfigModel;
import io.jrm.processor.model.ConfigModel.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks the {@code @Config} fields of a compilation: {@code static volatile}, neither {@code
 * final} nor {@code private}, of a type a config can hold; a name Redis takes, used once; flags
 * Redis knows, {@code memory} on a {@code long} only, and {@code min <= max}.
 */
public final class ConfigValidator {
  /** What Redis 7.0 accepts in a module config's name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** The flag words and their io.jrm.ConfigFlag constants; BITFLAGS needs the code API. */
  private static final Map<String, String> FLAGS =
      Map.of(
          "immutable", "IMMUTABLE",
          "sensitive", "SENSITIVE",
          "hidden", "HIDDEN",
          "protected", "PROTECTED",
          "deny-loading", "DENY_LOADING",
          "memory", "MEMORY");

  private final Elements elements;
  private final ErrorReporter reporter;

  /** Creates a validator reporting to {@code reporter}. */
  public ConfigValidator(Elements elements, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /**
   * Validates every field and returns the valid ones, in the order given.
   *
   * @param module the module class, whose package the generated code is in, or empty when there is
   *     none (reported elsewhere)
   */
  public List<ConfigModel> validate(List<VariableElement> fields, Optional<TypeElement> module) {
    List<ConfigModel> configs = new ArrayList<>();
    Map<String, VariableElement> names = new HashMap<>();
    for (VariableElement field : fields) {
      AnnotationValues annotation =
          AnnotationValues.of(field, ClassNames.CONFIG, elements).orElseThrow();
      Optional<ConfigModel> config = validate(field, annotation, module);
      String name = annotation.string("name").toLowerCase(Locale.ROOT);
      VariableElement first = names.putIfAbsent(name, field);
      if (first != null) {
        error(
            annotation,
            "Config name "
                + annotation.string("name")
                + " is already the name of "
                + describe(first)
                + "; Redis names configs case-insensitively, so give each field its own name.");
      } else {
        config.ifPresent(configs::add);
      }
    }
    return configs;
  }

  private Optional<ConfigModel> validate(
      VariableElement field, AnnotationValues annotation, Optional<TypeElement> module) {
    boolean valid = true;
    if (module.isPresent()
        && !field.getModifiers().contains(Modifier.PUBLIC)
        && !elements.getPackageOf(field).equals(elements.getPackageOf(module.get()))) {
      valid = false;
      error(
          annotation,
          "@Config field "
              + describe(field)
              + " is outside the package of the @RedisModule class, so it must be public.");
    }
    Set<Modifier> modifiers = field.getModifiers();
    if (!modifiers.contains(Modifier.STATIC)
        || !modifiers.contains(Modifier.VOLATILE)
        || modifiers.contains(Modifier.FINAL)
        || modifiers.contains(Modifier.PRIVATE)) {
      valid = false;
      error(
          annotation,
          "@Config field "
              + describe(field)
              + " must be static volatile, and neither final nor private: Redis sets it on its"
              + " main thread through generated code in the module's package.");
    }
    String name = annotation.string("name");
    if (!NAME.matcher(name).matches()) {
      valid = false;
      error(
          annotation,
          "Config name '"
              + name
              + "' of "
              + describe(field)
              + " is not one Redis takes: use letters, digits, '-' and '_'.");
    }
    Optional<Kind> kind = kind(field.asType());
    if (kind.isEmpty()) {
      valid = false;
      error(
          annotation,
          "@Config field "
              + describe(field)
              + " has type "
              + field.asType()
              + "; a config field is a boolean, long, String or enum (other configs are"
              + " registered in code: Context.registerNumericConfig and the others).");
    }
    List<String> flags = new ArrayList<>();
    for (String word : annotation.string("flags").trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String constant = FLAGS.get(word);
      if (constant == null) {
        valid = false;
        error(
            annotation,
            "Unknown config flag '"
                + word
                + "' on "
                + describe(field)
                + "; the flags are immutable, sensitive, hidden, protected, deny-loading and"
                + " memory.");
      } else if (constant.equals("MEMORY") && kind.isPresent() && kind.get() != Kind.NUMERIC) {
        valid = false;
        error(annotation, "Config flag memory on " + describe(field) + " is for a long only.");
      } else {
        flags.add(constant);
      }
    }
    long min = annotation.longValue("min");
    long max = annotation.longValue("max");
    if (min > max) {
      valid = false;
      error(
          annotation, "Config " + describe(field) + " has min " + min + " above max " + max + ".");
    }
    if (!valid) {
      return Optional.empty();
    }
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    ClassName enumType =
        kind.get() == Kind.ENUM
            ? ClassName.get((TypeElement) ((DeclaredType) field.asType()).asElement())
            : null;
    return Optional.of(
        new ConfigModel(
            name,
            kind.get(),
            ClassName.get(owner),
            field.getSimpleName().toString(),
            List.copyOf(flags),
            min,
            max,
            enumType));
  }

  private static Optional<Kind> kind(TypeMirror type) {
    if (type.getKind() == TypeKind.BOOLEAN) {
      return Optional.of(Kind.BOOL);
    }
    if (type.getKind() == TypeKind.LONG) {
      return Optional.of(Kind.NUMERIC);
    }
    if (type instanceof DeclaredType declared) {
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals("java.lang.String")) {
        return Optional.of(Kind.STRING);
      }
      if (element.getKind() == ElementKind.ENUM) {
        return Optional.of(Kind.ENUM);
      }
    }
    return Optional.empty();
  }

  private void error(AnnotationValues annotation, String message) {
    reporter.error(annotation.element(), annotation.mirror(), message);
  }

  private static String describe(VariableElement field) {
    return ((TypeElement) field.getEnclosingElement()).getQualifiedName()
        + "."
        + field.getSimpleName();
  }
}
