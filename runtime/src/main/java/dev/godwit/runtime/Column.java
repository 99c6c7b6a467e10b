package dev.godwit.runtime;

import dev.godwit.runtime.Condition.Operator;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed column of a table, as generated in {@code XTable} ({@code TeamTable.PLAN}). Makes the
 * conditions of ranges and verifications, and the assignments of in-database migrations, so that
 * values are always bound parameters and names are always checked identifiers.
 *
 * @param <T> the entity type of the table
 * @param <V> the Java type of the column's values
 */
public final class Column<T, V> {

  private final String name;
  private final ColumnType<V> type;
  /** The name as compared: columns are looked up by it for every value of every row read. */
  private final String key;

  private Column(String name, ColumnType<V> type) {
    this.name = Identifiers.check("column", name);
    this.type = Objects.requireNonNull(type, "type");
    this.key = Identifiers.key(name);
  }

  /**
   * A column.
   *
   * @param name the column name: letters, digits and underscores, or an exact name between double
   *     quotes ({@code "\"isPro\""}), used as declared
   * @param type how its values are stored
   * @param <T> the entity type
   * @param <V> the value type
   * @return the column
   * @throws IllegalArgumentException if the name is neither a plain SQL identifier nor an exact one
   */
  public static <T, V> Column<T, V> of(String name, ColumnType<V> type) {
    return new Column<>(name, type);
  }

  /**
   * The column name.
   *
   * @return the name, as declared
   */
  public String name() {
    return name;
  }

  /**
   * The form columns are compared and looked up by: a plain name in lower case, an exact one as is.
   *
   * @return the name's lookup key
   */
  public String key() {
    return key;
  }

  /**
   * How values are stored.
   *
   * @return the column type
   */
  public ColumnType<V> type() {
    return type;
  }

  /**
   * Rows where this column is SQL {@code NULL}.
   *
   * @return the condition
   */
  public Condition<T> isNull() {
    return Condition.compare(this, Operator.IS_NULL, List.of());
  }

  /**
   * Rows where this column is not SQL {@code NULL}.
   *
   * @return the condition
   */
  public Condition<T> isNotNull() {
    return Condition.compare(this, Operator.IS_NOT_NULL, List.of());
  }

  /**
   * Rows where this column equals a value.
   *
   * @param value a non-null value
   * @return the condition
   */
  public Condition<T> eq(V value) {
    return Condition.compare(this, Operator.EQUAL,
        List.of(Objects.requireNonNull(value, "value; use isNull()")));
  }

  /**
   * Rows where this column is not null and differs from a value.
   *
   * @param value a non-null value
   * @return the condition
   */
  public Condition<T> ne(V value) {
    return Condition.compare(this, Operator.NOT_EQUAL,
        List.of(Objects.requireNonNull(value, "value; use isNotNull()")));
  }

  /**
   * Rows where this column is less than a value.
   *
   * @param value a non-null value
   * @return the condition
   */
  public Condition<T> lt(V value) {
    return Condition.compare(this, Operator.LESS, List.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Rows where this column is at most a value.
   *
   * @param value a non-null value
   * @return the condition
   */
  public Condition<T> le(V value) {
    return Condition.compare(this, Operator.LESS_OR_EQUAL,
        List.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Rows where this column is greater than a value.
   *
   * @param value a non-null value
   * @return the condition
   */
  public Condition<T> gt(V value) {
    return Condition.compare(this, Operator.GREATER, List.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Rows where this column is at least a value.
   *
   * @param value a non-null value
   * @return the condition
   */
  public Condition<T> ge(V value) {
    return Condition.compare(this, Operator.GREATER_OR_EQUAL,
        List.of(Objects.requireNonNull(value, "value")));
  }

  /**
   * Rows where this column equals one of some values.
   *
   * @param values non-null values; none matches no row
   * @return the condition
   */
  public Condition<T> in(Collection<? extends V> values) {
    return Condition.compare(this, Operator.IN, List.copyOf(values));
  }

  /**
   * Sets this column to a value (or {@code NULL}) inside the database, for
   * {@link Migration.Builder#migrateInDatabase}.
   *
   * @param value the value, may be {@code null}
   * @return the assignment
   */
  public Assignment<T> setTo(V value) {
    return Assignment.value(this, value);
  }

  /**
   * Copies another column of the same row into this one inside the database, for
   * {@link Migration.Builder#migrateInDatabase}.
   *
   * @param source the column to copy
   * @return the assignment
   */
  public Assignment<T> copyOf(Column<T, ? extends V> source) {
    return Assignment.copy(this, source);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Column<?, ?> column
        && column.key.equals(key)
        && column.type.javaType().equals(type.javaType());
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
