package dev.godwit.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The columns to write to one row, with their new values ({@code null} clears a column). Returned by
 * {@code migrateOne}, or passed to a {@link MigrationContext} to update or insert rows. Generated
 * tables offer a typed builder ({@code TeamTable.patch().plan(Plan.PRO)}) that extends this class.
 *
 * <p>A patch is a plain mutable value; it is not thread-safe.
 *
 * @param <T> the entity type of the table
 */
public class Patch<T> {

  private final Map<Column<T, ?>, Object> values = new LinkedHashMap<>();

  /** An empty patch; generated builders extend it. */
  public Patch() {}

  /**
   * An empty patch for a table.
   *
   * @param table the table, which fixes the patch's type
   * @param <T> the entity type
   * @return an empty patch
   */
  public static <T> Patch<T> of(Table<T> table) {
    Objects.requireNonNull(table, "table");
    return new Patch<>();
  }

  /**
   * Sets a column; a later call for the same column replaces the value.
   *
   * @param column the column
   * @param value the new value, or {@code null} to clear it
   * @param <V> the value type
   * @return this patch
   */
  public <V> Patch<T> set(Column<T, V> column, V value) {
    values.remove(Objects.requireNonNull(column, "column"));
    values.put(column, value);
    return this;
  }

  /**
   * Whether the patch sets a column.
   *
   * @param column the column
   * @return {@code true} if {@link #set} was called for it
   */
  public boolean has(Column<T, ?> column) {
    return values.containsKey(column);
  }

  /**
   * The value the patch sets for a column.
   *
   * @param column the column
   * @param <V> the value type
   * @return the value, or {@code null} if the column is cleared or not set
   */
  @SuppressWarnings("unchecked")
  public <V> V get(Column<T, V> column) {
    return (V) values.get(column);
  }

  /**
   * Every column the patch sets, in the order they were first set.
   *
   * @return an unmodifiable view
   */
  public Map<Column<T, ?>, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /**
   * Whether the patch sets nothing.
   *
   * @return {@code true} if no column is set
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * A plain copy, so that later changes to this patch do not reach a batch's pending writes.
   *
   * @return a new patch setting the same columns to the same values
   */
  public Patch<T> copy() {
    Patch<T> copy = new Patch<>();
    copy.values.putAll(values);
    return copy;
  }

  /**
   * Sets every column another patch of the same table sets, its values winning.
   *
   * @param other a patch of the same table
   */
  @SuppressWarnings("unchecked")
  public void setAll(Patch<?> other) {
    other.values.forEach((column, value) -> {
      values.remove(column);
      values.put((Column<T, ?>) column, value);
    });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Patch<?> patch && patch.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    values.forEach((column, value) -> {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(column.name()).append('=').append(column.type().encodeUnchecked(value));
    });
    return text.append('}').toString();
  }
}
