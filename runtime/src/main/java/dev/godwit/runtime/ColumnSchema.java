package dev.godwit.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * What the code expects of one column: its role in the table's lifecycle, whether it must be
 * {@code NOT NULL}, its declared size, and the migration that fills it. Part of a {@link TableSchema},
 * generated from the entity's annotations.
 *
 * @param column the column, with its name and {@link ColumnType}
 * @param role the column's role in the lifecycle
 * @param size the declared length, precision and scale ({@link Size#DEFAULT} when none was declared)
 * @param filledBy the verification of the backfill that fills the column (its name is the
 *     migration's), for {@link Role#WIDENED} and {@link Role#NARROWED} columns; empty otherwise
 */
public record ColumnSchema(
    Column<?, ?> column, Role role, Size size, Optional<Verification<?>> filledBy) {

  /** Checks that nothing is null. */
  public ColumnSchema {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(filledBy, "filledBy");
  }

  /**
   * The column's name, as declared.
   *
   * @return the name
   */
  public String name() {
    return column.name();
  }

  /**
   * Whether the code requires a value in every row: the column must be {@code NOT NULL} once the
   * table's narrow steps are applied.
   *
   * @return {@code true} for {@link Role#REQUIRED} and {@link Role#NARROWED} columns
   */
  public boolean required() {
    return role == Role.REQUIRED || role == Role.NARROWED;
  }

  /**
   * Whether the code may leave the column NULL in a row it writes, so that the column must accept
   * NULL: a widened column (old code does not write it) and a column retiring (new code stops
   * writing it).
   *
   * @return {@code true} for {@link Role#WIDENED} and {@link Role#RETIRING} columns
   */
  public boolean mustAcceptNull() {
    return role == Role.WIDENED || role == Role.RETIRING;
  }

  /** A column's role in the lifecycle of its table, as the entity's annotations state it. */
  public enum Role {
    /**
     * A value in every row: a key column, a primitive field, a JPA {@code @Column(nullable = false)}
     * or {@code @Basic(optional = false)}.
     */
    REQUIRED,
    /** A plain field that may be NULL; Godwit leaves its nullability as the database has it. */
    OPTIONAL,
    /** A {@code @Widened} field: optional while old rows lack it, filled by its backfill. */
    WIDENED,
    /**
     * A field narrowed after its backfill: a {@code @Backfill} without {@code @Widened}. Required;
     * {@code SET NOT NULL} once the backfill is verified complete.
     */
    NARROWED,
    /** A {@code @Deprecated} field: the old format, still written and read as a fallback. */
    DEPRECATED,
    /**
     * A {@code @Deprecated(forRemoval = true)} field: the new code may stop writing it, so its column
     * must accept NULL; dropped in the contract phase once no code maps it.
     */
    RETIRING
  }

  /**
   * A column's declared size: the length of a character column, the precision and scale of a decimal
   * one. Zero means "not declared": the dialect's default type is used.
   *
   * @param length characters, or zero
   * @param precision decimal digits in all, or zero
   * @param scale decimal digits after the point (meaningful only with a precision)
   */
  public record Size(int length, int precision, int scale) {

    /** Nothing declared. */
    public static final Size DEFAULT = new Size(0, 0, 0);

    /**
     * Checks the numbers.
     *
     * @throws IllegalArgumentException if one is negative, or the scale exceeds the precision
     */
    public Size {
      if (length < 0 || precision < 0 || scale < 0 || (precision > 0 && scale > precision)) {
        throw new IllegalArgumentException("length " + length + ", precision " + precision
            + " and scale " + scale + " must be non-negative, with the scale at most the precision");
      }
    }

    /**
     * A character column's length.
     *
     * @param characters the maximum length, in characters
     * @return the size
     */
    public static Size length(int characters) {
      return new Size(characters, 0, 0);
    }

    /**
     * A decimal column's precision and scale.
     *
     * @param precision digits in all
     * @param scale digits after the decimal point
     * @return the size
     */
    public static Size decimal(int precision, int scale) {
      return new Size(0, precision, scale);
    }
  }
}
