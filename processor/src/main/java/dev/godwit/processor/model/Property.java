package dev.godwit.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * One mapped column of an entity: a plain field, the join column of a reference, or a component of an
 * embeddable (see {@link Member}).
 *
 * @param name the field's name; for a component, the embedding field's name followed by the
 *     capitalized component's ({@code addressCity}), also the name of its patch method
 * @param column the column's name: a checked plain SQL identifier, or an exact name between double
 *     quotes ({@code "isPro"})
 * @param constant the name of its {@code Column} constant in the generated table ({@code IS_PRO},
 *     {@code ADDRESS_CITY})
 * @param declaredType the type of the column's values as declared, possibly primitive for a plain
 *     field; boxed for a reference's id and a component, which are {@code NULL} when the reference or
 *     embeddable is
 * @param type how its values are stored
 * @param id whether it is (part of) the primary key
 * @param widened whether it carries {@code @Widened}
 * @param deprecation whether it is the old format, and whether it is to be cleared
 * @param backfill how old rows get it: for a widened field, and for a narrowed one (the deploy-2 form
 *     of a widened field, which keeps its {@code @Backfill} and drops {@code @Widened})
 * @param getter how generated code reads the field (for a component, the component of the embeddable)
 * @param setter how generated code writes the field (for a component, on the embeddable), for objects
 *     built by setters; empty otherwise
 * @param required whether the mapping requires a value in every row: a key column, a plain field of a
 *     primitive type, or a column JPA declares {@code NOT NULL}
 * @param size the column's declared size
 */
public record Property(
    String name,
    String column,
    String constant,
    TypeName declaredType,
    ValueType type,
    boolean id,
    boolean widened,
    Deprecation deprecation,
    Optional<Backfill> backfill,
    Accessor getter,
    Optional<Accessor> setter,
    boolean required,
    ColumnSize size) {

  /** Whether and how a field is marked {@code @Deprecated}. */
  public enum Deprecation {
    /** Not deprecated. */
    NONE,
    /** {@code @Deprecated}: the old format, still read as a fallback. */
    DEPRECATED,
    /** {@code @Deprecated(forRemoval = true)}: also cleared by a generated migration. */
    FOR_REMOVAL
  }

  /** A column's role in the lifecycle of its table; generated as the runtime's {@code ColumnSchema.Role}. */
  public enum Role {
    /** A value in every row: a key, a primitive, a column JPA declares {@code NOT NULL}. */
    REQUIRED,
    /** A plain field that may be NULL. */
    OPTIONAL,
    /** A {@code @Widened} field, NULL in old rows until its backfill fills them. */
    WIDENED,
    /** A {@code @Backfill} without {@code @Widened}: required once its backfill is verified. */
    NARROWED,
    /** A {@code @Deprecated} field, still written and read. */
    DEPRECATED,
    /** A {@code @Deprecated(forRemoval = true)} field, which the code may stop writing. */
    RETIRING
  }

  /**
   * The column's role, from the field's markers: a key is required whatever it carries; then
   * {@code @Widened}, a {@code @Backfill} without it, {@code @Deprecated(forRemoval = true)} and
   * {@code @Deprecated} decide, in that order; otherwise the mapping's nullability does.
   *
   * @return the role
   */
  public Role role() {
    if (id) {
      return Role.REQUIRED;
    }
    if (widened) {
      return Role.WIDENED;
    }
    if (backfill.isPresent()) {
      return Role.NARROWED;
    }
    return switch (deprecation) {
      case FOR_REMOVAL -> Role.RETIRING;
      case DEPRECATED -> Role.DEPRECATED;
      case NONE -> required ? Role.REQUIRED : Role.OPTIONAL;
    };
  }

  /**
   * Whether the field is declared with a primitive type, so it is never {@code null}.
   *
   * @return {@code true} for {@code int}, {@code boolean} and the like
   */
  public boolean isPrimitive() {
    return declaredType.isPrimitive();
  }
}
