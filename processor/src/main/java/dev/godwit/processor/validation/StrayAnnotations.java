package dev.godwit.processor.validation;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Godwit's field annotations on a field whose class is neither an entity nor a JPA mapped superclass:
 * without {@code @MigratedTable} they would silently do nothing, and the migration the developer expects would never exist.
 */
public final class StrayAnnotations {

  /** The annotations that mean something only inside an entity. */
  public static final List<String> FIELD_ANNOTATIONS = List.of(
      AnnotationNames.ID, AnnotationNames.COLUMN, AnnotationNames.WIDENED, AnnotationNames.BACKFILL);

  private StrayAnnotations() {}

  /**
   * Checks one annotated field.
   *
   * @param field a field carrying one of {@link #FIELD_ANNOTATIONS}
   * @return an error on its first such annotation when its class is not an entity; clean otherwise
   */
  public static ValidationReport check(Element field) {
    ValidationReport.Builder report = new ValidationReport.Builder();
    Element type = field.getEnclosingElement();
    // A mapped superclass's fields are its entities' fields (JPA 3.1 §2.11.2), markers included.
    if (Annotations.find(type, AnnotationNames.MIGRATED_TABLE).isPresent()
        || Annotations.findAny(type, AnnotationNames.MAPPED_SUPERCLASSES).isPresent()) {
      return report.build();
    }
    Optional<AnnotationMirror> stray = Annotations.findAny(field, FIELD_ANNOTATIONS);
    stray.ifPresent(annotation -> report.error(Message.NOT_AN_ENTITY, field, annotation, null,
        annotation.getAnnotationType().asElement().getSimpleName(), field.getSimpleName(),
        type.getSimpleName(), type.getSimpleName()));
    return report.build();
  }
}
