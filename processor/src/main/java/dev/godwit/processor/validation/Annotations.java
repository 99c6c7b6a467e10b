package dev.godwit.processor.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads annotations by qualified name through mirrors, without loading their classes. */
final class Annotations {

  private Annotations() {}

  /** The annotation of a given qualified name on an element, if present. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The first present of several annotations, in the order given. */
  static Optional<AnnotationMirror> findAny(Element element, List<String> qualifiedNames) {
    for (String name : qualifiedNames) {
      Optional<AnnotationMirror> mirror = find(element, name);
      if (mirror.isPresent()) {
        return mirror;
      }
    }
    return Optional.empty();
  }

  /** A value the source sets explicitly: defaults do not count. */
  static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** An explicitly set, non-empty string value. */
  static Optional<AnnotationValue> explicitText(AnnotationMirror mirror, String member) {
    return explicit(mirror, member).filter(value -> !text(value).isEmpty());
  }

  /** The text of a string value. */
  static String text(AnnotationValue value) {
    return String.valueOf(value.getValue());
  }

  /** A boolean value, explicit or by default; {@code false} if the annotation has no such member. */
  static boolean flag(AnnotationMirror mirror, String member) {
    Optional<AnnotationValue> value = explicit(mirror, member);
    if (value.isPresent()) {
      return Boolean.TRUE.equals(value.get().getValue());
    }
    for (Element element : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (element instanceof ExecutableElement method
          && method.getSimpleName().contentEquals(member)
          && method.getDefaultValue() != null) {
        return Boolean.TRUE.equals(method.getDefaultValue().getValue());
      }
    }
    return false;
  }
}
