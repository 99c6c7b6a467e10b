package dev.godwit.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One error, with the exact place it is reported on: an element, optionally one of its annotations, and
 * optionally one value of that annotation.
 *
 * @param message which error
 * @param text the formatted message, tag included
 * @param element the element at fault
 * @param annotation the annotation at fault, or {@code null}
 * @param value the annotation value at fault, or {@code null}
 */
public record Problem(
    Message message, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {

  /**
   * Reports this problem as a compile error.
   *
   * @param messager where compile errors go
   */
  public void printTo(Messager messager) {
    messager.printMessage(Diagnostic.Kind.ERROR, text, element, annotation, value);
  }
}
