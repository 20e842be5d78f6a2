package io.jrm.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports compile errors through the {@link Messager} and counts them, so that the processor can
 * validate everything first and generate only when nothing was wrong.
 *
 * <p>The most precise position available should be passed: javac underlines the annotation value
 * when there is one, else the annotation, else the element.
 */
public final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  /** Creates a reporter printing to {@code messager}. */
  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} on {@code element}. */
  public void error(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    errorCount++;
  }

  /** Reports {@code message} on {@code annotation} of {@code element}. */
  public void error(Element element, AnnotationMirror annotation, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    errorCount++;
  }

  /**
   * Reports {@code message} on {@code value} of {@code annotation}, or on the annotation when
   * {@code value} is null (the member was left at its default, so it has no position).
   */
  public void error(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    errorCount++;
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errorCount;
  }
}
