package io.jrm.processor.validation;

import com.palantir.javapoet.ClassName;
import io.jrm.processor.ClassNames;
import io.jrm.processor.ErrorReporter;
import io.jrm.processor.model.HandlerRef;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Checks the {@code @OnLoad} methods of a compilation: at most one, in the {@code @RedisModule}
 * class, with a handler signature, returning void.
 */
public final class OnLoadValidator {
  private final Elements elements;
  private final ErrorReporter reporter;
  private final HandlerValidator handlers;

  /** Creates a validator reporting to {@code reporter}. */
  public OnLoadValidator(Elements elements, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
    this.handlers = new HandlerValidator(reporter);
  }

  /**
   * Validates every method and returns the first one if it is valid.
   *
   * @param module the module class, or empty when there is none (reported elsewhere); then the
   *     location is not checked
   */
  public Optional<HandlerRef> validate(
      List<ExecutableElement> methods, Optional<TypeElement> module) {
    Optional<HandlerRef> onLoad = Optional.empty();
    for (int i = 0; i < methods.size(); i++) {
      ExecutableElement method = methods.get(i);
      AnnotationValues annotation =
          AnnotationValues.of(method, ClassNames.ON_LOAD, elements).orElseThrow();
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      boolean valid = handlers.validate(method, "@OnLoad", "args");
      if (method.getReturnType().getKind() != TypeKind.VOID) {
        valid = false;
        reporter.error(
            method,
            "@OnLoad method "
                + method.getSimpleName()
                + " must return void, not "
                + method.getReturnType()
                + "; loading has no reply.");
      }
      if (i > 0) {
        valid = false;
        reporter.error(
            method,
            annotation.mirror(),
            "Only one @OnLoad method is allowed per module, and "
                + HandlerValidator.describe(methods.get(0))
                + " is already one; do all the loading work in that method.");
      }
      if (module.isPresent() && !owner.equals(module.get())) {
        valid = false;
        reporter.error(
            method,
            annotation.mirror(),
            "@OnLoad method "
                + method.getSimpleName()
                + " is in "
                + owner.getQualifiedName()
                + " but must be in the @RedisModule class "
                + module.get().getQualifiedName()
                + "; move it there.");
      }
      if (valid) {
        onLoad =
            Optional.of(new HandlerRef(ClassName.get(owner), method.getSimpleName().toString()));
      }
    }
    return onLoad;
  }
}
