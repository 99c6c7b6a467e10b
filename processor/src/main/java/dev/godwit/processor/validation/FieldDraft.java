package dev.godwit.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.godwit.processor.model.Accessor;
import dev.godwit.processor.model.ColumnSize;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.Property;
import dev.godwit.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A mapped field while its entity is being read: what will become a {@link Property} (or, for a
 * reference or an embeddable, a {@link dev.godwit.processor.model.Member}), together with the elements
 * and annotations that errors about it point at. Filled in step by step by the readers of one entity,
 * and never shared beyond it. A component of an embeddable is a draft of its own, inside its field's.
 */
final class FieldDraft {

  /** How a field maps to columns. */
  enum Kind {
    /** Its value, in one column. */
    VALUE,
    /** An owning to-one relation, as the referenced entity's id in the join column. */
    REFERENCE,
    /** A Spring Data JDBC {@code AggregateReference}, as the referenced aggregate's id. */
    AGGREGATE_REFERENCE,
    /** An embeddable, as one column per component. */
    EMBEDDED,
    /** No column of the table: a collection, an inverse side, a to-one another field maps. */
    UNMAPPED
  }

  final VariableElement element;
  /** The field's declared name, which accessors are named after. */
  final String fieldName;
  /** The property's name: the field's, or for a component {@code addressCity}. */
  final String name;
  /** The field's type as a member of the entity (type variables of generic superclasses resolved). */
  final TypeMirror type;
  Kind kind = Kind.VALUE;

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

  /**
   * The JPA {@code @Column} or {@code @JoinColumn} of an {@code @AttributeOverride} or
   * {@code @AssociationOverride} that renamed the column: it replaces the field's own (JPA 3.1
   * §11.1.4, §11.1.2). {@code null} when none did.
   */
  AnnotationMirror overrideColumn;

  /** Whether the mapping requires a value in every row; see {@link ColumnSchemaReader}. */
  boolean required;
  /** The JPA annotation that declares the column {@code NOT NULL}, if one does. */
  AnnotationMirror notNullAnnotation;
  /** The column's declared size. */
  ColumnSize size = ColumnSize.DEFAULT;

  /** The checked backfill; {@code null} when there is none or it has errors. */
  BackfillDraft backfill;

  Accessor getter;
  Accessor setter;

  /** For a reference: the referenced entity, and how generated code reads and sets its id. */
  ClassName target;
  /** For a reference: the JPA {@code @Column} of the referenced id, whose size the join column takes. */
  AnnotationMirror targetIdColumn;
  Accessor targetIdGetter;
  Accessor targetIdSetter;

  /** For an unmapped field: what it is, for messages and documentation. */
  String unmappedDescription;

  /** For an embeddable: its class, its components and how generated code builds it. */
  ClassName embeddable;
  final List<FieldDraft> components = new ArrayList<>();
  Entity.Construction embeddableConstruction;
  /** Whether an embeddable whose columns are all {@code NULL} is read as an empty one, not null. */
  boolean emptyWhenNull;

  FieldDraft(VariableElement element, String name, TypeMirror type) {
    this.element = element;
    this.fieldName = element.getSimpleName().toString();
    this.name = name;
    this.type = type;
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

  /** The drafts that become columns: this one, or for an embeddable its components. */
  List<FieldDraft> columns() {
    return switch (kind) {
      case EMBEDDED -> components;
      case UNMAPPED -> List.of();
      default -> List.of(this);
    };
  }
}
