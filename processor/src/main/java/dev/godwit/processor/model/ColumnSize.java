package dev.godwit.processor.model;

/**
 * A column's declared size, as the entity's mapping gives it: the length of a character column, the
 * precision and scale of a decimal one. Zero means "not declared", so the dialect's default type is
 * used. Generated as the runtime's {@code ColumnSchema.Size}.
 *
 * @param length characters, or zero
 * @param precision decimal digits in all, or zero
 * @param scale decimal digits after the point, meaningful only with a precision
 */
public record ColumnSize(int length, int precision, int scale) {

  /** Nothing declared. */
  public static final ColumnSize DEFAULT = new ColumnSize(0, 0, 0);

  /**
   * Whether nothing is declared.
   *
   * @return {@code true} for {@link #DEFAULT}
   */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
