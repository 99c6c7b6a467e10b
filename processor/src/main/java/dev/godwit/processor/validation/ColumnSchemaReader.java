package dev.godwit.processor.validation;

import dev.godwit.processor.model.ColumnSize;
import dev.godwit.processor.model.ScalarKind;
import dev.godwit.processor.model.ValueType;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * Reads what an entity's mapping says of each column beyond its name and type: whether every row must
 * hold a value, and its declared size. The generated {@code XTable.SCHEMA} carries both, so that the
 * runtime can plan and check the table as the application's framework creates it.
 *
 * <p>A column is required when it is part of the key, when it holds a plain field of a primitive type
 * (which cannot be {@code null}), and, in a JPA entity, when JPA declares it {@code NOT NULL}:
 * {@code @Column(nullable = false)} (Jakarta Persistence 3.1, section 11.1.9),
 * {@code @Basic(optional = false)} (section 11.1.6), and for an owning to-one relation
 * {@code @JoinColumn(nullable = false)} (section 11.1.25) or {@code @ManyToOne(optional = false)} /
 * {@code @OneToOne(optional = false)}. In any entity, Godwit's own {@code @Column(nullable = false)}
 * says the same without JPA, and so does Bean Validation's {@code @NotNull} (jakarta and javax), which
 * Hibernate ORM applies to the column it creates (Hibernate Validator's reference guide, "Hibernate
 * ORM integration", {@code hibernate.validator.apply_to_ddl}). The column of an {@code @AttributeOverride} or
 * {@code @AssociationOverride} replaces the field's own. A component of an embeddable is never
 * required for being primitive: its column is {@code NULL} whenever the embeddable is.
 *
 * <p>Sizes come from JPA's {@code @Column(length, precision, scale)}; a join column takes those of the
 * referenced primary key's {@code @Column}. Without them, a JPA entity's
 * columns get the sizes Hibernate ORM 6.6 gives them when it creates the table: a character column
 * {@value #HIBERNATE_LENGTH} characters ({@code org.hibernate.Length.DEFAULT}, JPA's default
 * {@code length}), a decimal column precision {@value #HIBERNATE_PRECISION}
 * ({@code Dialect.getDefaultDecimalPrecision()}) and scale {@value #HIBERNATE_SCALE}
 * ({@code org.hibernate.engine.jdbc.Size.DEFAULT_SCALE}); a column declaring only its precision gets
 * JPA's default scale, 0. Other entities declare no size: Godwit's own
 * annotations say none, so the dialect's default type is used. Neither does a {@code @Lob} nor a column
 * whose {@code columnDefinition} spells out its type: their size is the database's to say.
 */
final class ColumnSchemaReader {

  /** The length Hibernate gives a character column without {@code @Column(length)}. */
  static final int HIBERNATE_LENGTH = 255;
  /** The precision Hibernate gives a decimal column without {@code @Column(precision)}. */
  static final int HIBERNATE_PRECISION = 38;
  /** The scale Hibernate gives a decimal column without {@code @Column(scale)}. */
  static final int HIBERNATE_SCALE = 2;

  private ColumnSchemaReader() {}

  /**
   * Reads every column's nullability and size into its draft. Run after overrides are applied.
   *
   * @param fields the entity's fields
   * @param jpa whether the entity is a JPA {@code @Entity}, whose unsized columns get Hibernate's sizes
   */
  static void read(List<FieldDraft> fields, boolean jpa) {
    for (FieldDraft field : fields) {
      switch (field.kind) {
        case VALUE -> {
          AnnotationMirror column = jpaColumn(field);
          field.notNullAnnotation = notNull(column, "nullable")
              .or(() -> Annotations.findAny(field.element, AnnotationNames.BASICS)
                  .flatMap(basic -> notNull(basic, "optional")))
              .or(() -> declaredNotNull(field))
              .orElse(null);
          field.required = field.isId() || field.isPrimitive() || field.notNullAnnotation != null;
          boolean ownType = Annotations.findAny(field.element, AnnotationNames.LOBS).isPresent()
              || column != null && Annotations.explicitText(column, "columnDefinition").isPresent();
          // A large object, or a type the application spells out, has no size Godwit could state.
          field.size = ownType ? ColumnSize.DEFAULT : size(field.valueType, column, jpa);
        }
        case REFERENCE -> {
          AnnotationMirror join = field.overrideColumn != null ? field.overrideColumn
              : Annotations.findAny(field.element, AnnotationNames.JOIN_COLUMNS).orElse(null);
          field.notNullAnnotation = notNull(join, "nullable")
              .or(() -> MemberReader.toOne(field.element).flatMap(toOne -> notNull(toOne, "optional")))
              .orElse(null);
          field.required = field.isId() || field.notNullAnnotation != null;
          // A join column has the type, and so the size, of the primary key it refers to.
          field.size = size(field.valueType, field.targetIdColumn, jpa);
        }
        case AGGREGATE_REFERENCE -> {
          field.notNullAnnotation = declaredNotNull(field).orElse(null);
          field.required = field.isId() || field.notNullAnnotation != null;
        }
        case EMBEDDED -> {
          for (FieldDraft component : field.components) {
            AnnotationMirror column = jpaColumn(component);
            component.notNullAnnotation = notNull(column, "nullable").orElse(null);
            component.required = component.isId() || component.notNullAnnotation != null;
            component.size = size(component.valueType, column, jpa);
          }
        }
        case UNMAPPED -> { }
      }
    }
  }

  /** The JPA {@code @Column} in effect: an override's, else the field's own; {@code null} if none. */
  private static AnnotationMirror jpaColumn(FieldDraft field) {
    return field.overrideColumn != null ? field.overrideColumn
        : Annotations.findAny(field.element, AnnotationNames.FOREIGN_COLUMNS_BY_NAME).orElse(null);
  }

  /** Godwit's {@code @Column(nullable = false)}, else Bean Validation's {@code @NotNull}, if present. */
  private static Optional<AnnotationMirror> declaredNotNull(FieldDraft field) {
    return Annotations.findAny(field.element, List.of(AnnotationNames.COLUMN))
        .flatMap(column -> notNull(column, "nullable"))
        .or(() -> Annotations.findAny(field.element, AnnotationNames.NOT_NULLS));
  }

  /** The annotation itself when it sets a flag to {@code false} explicitly. */
  private static Optional<AnnotationMirror> notNull(AnnotationMirror annotation, String flag) {
    if (annotation == null) {
      return Optional.empty();
    }
    return Annotations.explicit(annotation, flag)
        .filter(value -> Boolean.FALSE.equals(value.getValue()))
        .map(value -> annotation);
  }

  /**
   * A column's size: for a JPA entity, a character column's length and a decimal column's precision and
   * scale, declared or Hibernate's defaults; nothing for other columns and other entities.
   */
  private static ColumnSize size(ValueType type, AnnotationMirror column, boolean jpa) {
    if (!jpa || type == null) {
      return ColumnSize.DEFAULT;
    }
    ScalarKind stored = storedKind(type);
    if (stored == ScalarKind.STRING) {
      return new ColumnSize(declared(column, "length").orElse(HIBERNATE_LENGTH), 0, 0);
    }
    if (stored == ScalarKind.DECIMAL) {
      Optional<Integer> precision = declared(column, "precision");
      // A declared precision takes JPA's scale, 0, unless a scale is declared too.
      return new ColumnSize(0, precision.orElse(HIBERNATE_PRECISION),
          declared(column, "scale").orElse(precision.isPresent() ? 0 : HIBERNATE_SCALE));
    }
    return ColumnSize.DEFAULT;
  }

  /** The scalar a column holds: an enum stored by name is text; JSON and ordinals are no scalar here. */
  private static ScalarKind storedKind(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return scalar.kind();
    }
    if (type instanceof ValueType.Converted converted) {
      return converted.stored();
    }
    if (type instanceof ValueType.EnumValue enumValue
        && enumValue.storage() == ValueType.EnumStorage.NAME) {
      return ScalarKind.STRING;
    }
    return null;
  }

  /** A positive number an annotation sets explicitly. */
  private static Optional<Integer> declared(AnnotationMirror column, String member) {
    if (column == null) {
      return Optional.empty();
    }
    return Annotations.explicit(column, member)
        .map(value -> (Integer) value.getValue())
        .filter(number -> number > 0);
  }
}
