package dev.godwit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Every problem found in one entity, collected so that they are all reported at once and code is
 * generated only from an entity without any.
 *
 * @param problems the problems, in the order they were found
 */
public record ValidationReport(List<Problem> problems) {

  /** Copies the problems. */
  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /**
   * Whether no problem was found.
   *
   * @return {@code true} if code may be generated
   */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * This report and another one.
   *
   * @param other more problems
   * @return a report holding both
   */
  public ValidationReport plus(ValidationReport other) {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(other.problems);
    return new ValidationReport(all);
  }

  /**
   * Reports every problem as a compile error.
   *
   * @param messager where compile errors go
   */
  public void printTo(Messager messager) {
    problems.forEach(problem -> problem.printTo(messager));
  }

  /** Collects problems while an entity is read. */
  public static final class Builder {
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Records a problem on an element.
     *
     * @param message which error
     * @param element the element at fault
     * @param arguments the message's blanks
     * @return this builder
     */
    public Builder error(Message message, Element element, Object... arguments) {
      return error(message, element, null, null, arguments);
    }

    /**
     * Records a problem on an annotation, or one of its values.
     *
     * @param message which error
     * @param element the annotated element
     * @param annotation the annotation at fault, or {@code null} for the element
     * @param value the value at fault, or {@code null} for the whole annotation
     * @param arguments the message's blanks
     * @return this builder
     */
    public Builder error(
        Message message,
        Element element,
        AnnotationMirror annotation,
        AnnotationValue value,
        Object... arguments) {
      problems.add(new Problem(message, message.format(arguments), element, annotation, value));
      return this;
    }

    /**
     * How many problems were recorded so far, to tell whether a step added any.
     *
     * @return the count
     */
    public int problemCount() {
      return problems.size();
    }

    /**
     * Whether any problem was recorded.
     *
     * @return {@code true} after the first error
     */
    public boolean hasErrors() {
      return !problems.isEmpty();
    }

    /**
     * The report of everything recorded so far.
     *
     * @return the report
     */
    public ValidationReport build() {
      return new ValidationReport(problems);
    }
  }
}
