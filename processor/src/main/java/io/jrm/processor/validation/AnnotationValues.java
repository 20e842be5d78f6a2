package io.jrm.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * One annotation on one element, read through its mirror rather than through the annotation class:
 * the mirror gives error positions, and works even when the processor and the compiled code see
 * different versions of the annotations.
 */
public final class AnnotationValues {
  private final Element element;
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

  private AnnotationValues(Element element, AnnotationMirror mirror, Elements elements) {
    this.element = element;
    this.mirror = mirror;
    this.withDefaults = elements.getElementValuesWithDefaults(mirror);
  }

  /**
   * The annotation named {@code annotationName} (canonical name) on {@code element}, if present.
   */
  public static Optional<AnnotationValues> of(
      Element element, String annotationName, Elements elements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationName)) {
        return Optional.of(new AnnotationValues(element, mirror, elements));
      }
    }
    return Optional.empty();
  }

  /** The annotated element. */
  public Element element() {
    return element;
  }

  /** The annotation itself, for error positions. */
  public AnnotationMirror mirror() {
    return mirror;
  }

  /** The value of member {@code name}, explicit or default, as a String. */
  public String string(String name) {
    return (String) value(withDefaults, name).getValue();
  }

  /** The value of member {@code name}, explicit or default, as an int. */
  public int integer(String name) {
    return (Integer) value(withDefaults, name).getValue();
  }

  /** The value of member {@code name}, explicit or default, as a long. */
  public long longValue(String name) {
    return ((Number) value(withDefaults, name).getValue()).longValue();
  }

  /** The value of member {@code name}, explicit or default, as the name of an enum constant. */
  public String enumConstant(String name) {
    return ((VariableElement) value(withDefaults, name).getValue()).getSimpleName().toString();
  }

  /**
   * The value of member {@code name}, explicit or default, as the type of a class literal; null
   * when the compiler could not resolve the class (it reports that itself).
   */
  public TypeMirror type(String name) {
    return value(withDefaults, name).getValue() instanceof TypeMirror type ? type : null;
  }

  /**
   * The annotations of array member {@code name}, explicit or default, each read like this one (on
   * the same element, for error positions).
   */
  public List<AnnotationValues> annotations(String name, Elements elements) {
    List<AnnotationValues> nested = new ArrayList<>();
    for (Object item : (List<?>) value(withDefaults, name).getValue()) {
      AnnotationMirror annotation = (AnnotationMirror) ((AnnotationValue) item).getValue();
      nested.add(new AnnotationValues(element, annotation, elements));
    }
    return nested;
  }

  /** The value of member {@code name}, explicit or default, as a boolean. */
  public boolean bool(String name) {
    return (Boolean) value(withDefaults, name).getValue();
  }

  /**
   * The value of member {@code name} if written in the source, else null: a default value has no
   * source position, and the reporter then points at the whole annotation.
   */
  public AnnotationValue explicit(String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static AnnotationValue value(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("The annotation has no member " + name);
  }
}
