package dev.godwit.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * One mapped field of an entity, and the column it maps to.
 *
 * @param name the field's name
 * @param column the column's name: a checked plain SQL identifier, or an exact name between double
 *     quotes ({@code "isPro"})
 * @param constant the name of its {@code Column} constant in the generated table ({@code IS_PRO})
 * @param declaredType the field's type as declared, possibly primitive
 * @param type how its values are stored
 * @param id whether it is the primary key
 * @param widened whether it carries {@code @Widened}
 * @param deprecation whether it is the old format, and whether it is to be cleared
 * @param backfill how old rows get it, for a widened field
 * @param getter how generated code reads it
 * @param setter how generated code writes it, for entities built by setters; empty otherwise
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
    Optional<Accessor> setter) {

  /** Whether and how a field is marked {@code @Deprecated}. */
  public enum Deprecation {
    /** Not deprecated. */
    NONE,
    /** {@code @Deprecated}: the old format, still read as a fallback. */
    DEPRECATED,
    /** {@code @Deprecated(forRemoval = true)}: also cleared by a generated migration. */
    FOR_REMOVAL
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
