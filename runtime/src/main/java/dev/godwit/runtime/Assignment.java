package dev.godwit.runtime;

import java.util.Objects;

/**
 * One {@code SET} of an in-database migration: a column set to a constant, or copied from another
 * column of the same row. Made by {@link Column#setTo(Object)} and {@link Column#copyOf(Column)}.
 *
 * @param <T> the entity type of the table
 */
public final class Assignment<T> {

  private final Column<T, ?> target;
  private final Object value;
  private final Column<T, ?> source;

  private Assignment(Column<T, ?> target, Object value, Column<T, ?> source) {
    this.target = Objects.requireNonNull(target, "target");
    this.value = value;
    this.source = source;
  }

  static <T, V> Assignment<T> value(Column<T, V> target, V value) {
    return new Assignment<>(target, value, null);
  }

  static <T> Assignment<T> copy(Column<T, ?> target, Column<T, ?> source) {
    return new Assignment<>(target, null, Objects.requireNonNull(source, "source"));
  }

  /**
   * The column this assignment writes.
   *
   * @return the target column
   */
  public Column<T, ?> target() {
    return target;
  }

  /**
   * The column copied, for a copy.
   *
   * @return the source column, or {@code null} when a constant is assigned
   */
  public Column<T, ?> source() {
    return source;
  }

  /**
   * The constant assigned, when this is not a copy.
   *
   * @return the value, possibly {@code null}
   */
  public Object value() {
    return value;
  }

  @Override
  public String toString() {
    return target.name() + " = " + (source != null ? source.name() : target.type().encodeUnchecked(value));
  }
}
