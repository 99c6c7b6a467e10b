package dev.godwit.processor.validation;

import dev.godwit.processor.model.Accessor;
import dev.godwit.processor.model.Property;
import dev.godwit.processor.model.ValueType;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A mapped field while its entity is being read: what will become a {@link Property}, together with the
 * elements and annotations that errors about it point at. Filled in step by step by the readers of one
 * entity, and never shared beyond it.
 */
final class FieldDraft {

  final VariableElement element;
  final String name;
  final TypeMirror type;

  /** How its values are stored; {@code null} when the type is not supported (an error is reported). */
  ValueType valueType;

  String column;
  /** The annotation and value that named the column, if one did: where a bad name is reported. */
  AnnotationMirror columnAnnotation;
  AnnotationValue columnValue;

  AnnotationMirror idAnnotation;
  AnnotationMirror widenedAnnotation;
  AnnotationMirror backfillAnnotation;
  AnnotationMirror deprecatedAnnotation;
  /** JPA's or Spring Data's {@code @Version}, if the field is the optimistic-lock version. */
  AnnotationMirror versionAnnotation;
  Property.Deprecation deprecation = Property.Deprecation.NONE;

  /** The checked backfill; {@code null} when there is none or it has errors. */
  BackfillDraft backfill;

  Accessor getter;
  Accessor setter;

  FieldDraft(VariableElement element) {
    this.element = element;
    this.name = element.getSimpleName().toString();
    this.type = element.asType();
  }

  boolean isId() {
    return idAnnotation != null;
  }

  boolean isPrimitive() {
    return type.getKind().isPrimitive();
  }

  boolean isDeprecated() {
    return deprecation != Property.Deprecation.NONE;
  }

  boolean isClearable() {
    return deprecation == Property.Deprecation.FOR_REMOVAL && !isPrimitive() && !isId();
  }
}
