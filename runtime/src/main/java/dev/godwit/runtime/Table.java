package dev.godwit.runtime;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the runtime needs to know about an entity's table: its name, its columns, its primary
 * key (which orders every migration), and how rows become entities and entities become rows.
 * Generated as {@code XTable.TABLE}; may be written by hand for tables without an entity.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class Table<T> {

  private final String name;
  private final Column<T, ?> id;
  private final List<Column<T, ?>> columns;
  private final RowReader<T> reader;
  private final Function<T, Patch<T>> writer;

  private Table(
      String name,
      Column<T, ?> id,
      List<Column<T, ?>> columns,
      RowReader<T> reader,
      Function<T, Patch<T>> writer) {
    this.name = Identifiers.check("table", name);
    this.id = Objects.requireNonNull(id, "id");
    this.columns = List.copyOf(columns);
    this.reader = Objects.requireNonNull(reader, "reader");
    this.writer = Objects.requireNonNull(writer, "writer");
    if (!this.columns.contains(id)) {
      throw new IllegalArgumentException("the id column " + id + " must be one of the columns");
    }
    long distinct = this.columns.stream()
        .map(column -> column.name().toLowerCase(java.util.Locale.ROOT)).distinct().count();
    if (distinct != this.columns.size()) {
      throw new IllegalArgumentException("two columns of " + name + " have the same name");
    }
  }

  /**
   * A table.
   *
   * @param name the table name: letters, digits and underscores
   * @param id the primary-key column, one of {@code columns}; unique and never null
   * @param columns every column the entity maps, the id included
   * @param reader builds an entity from a row holding every column
   * @param writer gives the value of every column of an entity, for inserts
   * @param <T> the entity type
   * @return the table
   * @throws IllegalArgumentException if a name is not a plain SQL identifier, the id is not among the
   *     columns, or two columns share a name
   */
  public static <T> Table<T> of(
      String name,
      Column<T, ?> id,
      List<Column<T, ?>> columns,
      RowReader<T> reader,
      Function<T, Patch<T>> writer) {
    return new Table<>(name, id, columns, reader, writer);
  }

  /**
   * The table name.
   *
   * @return the name, as declared
   */
  public String name() {
    return name;
  }

  /**
   * The primary-key column.
   *
   * @return the id column
   */
  public Column<T, ?> id() {
    return id;
  }

  /**
   * Every mapped column, the id included, in declaration order.
   *
   * @return an unmodifiable list
   */
  public List<Column<T, ?>> columns() {
    return columns;
  }

  /**
   * The column of a given name.
   *
   * @param columnName the name, compared ignoring case
   * @return the column, if the table maps it
   */
  public Optional<Column<T, ?>> column(String columnName) {
    return columns.stream().filter(column -> column.name().equalsIgnoreCase(columnName)).findFirst();
  }

  /**
   * Builds an entity from a row.
   *
   * @param row a row holding every column
   * @return the entity
   * @throws SQLException if a value cannot be read
   */
  public T read(Row row) throws SQLException {
    return reader.read(row);
  }

  /**
   * The value of every column of an entity.
   *
   * @param entity the entity
   * @return a patch setting every column
   */
  public Patch<T> valuesOf(T entity) {
    return writer.apply(entity);
  }

  /**
   * The id of an entity.
   *
   * @param entity the entity
   * @return its primary-key value
   */
  public Object idOf(T entity) {
    return valuesOf(entity).values().get(id);
  }

  @Override
  public String toString() {
    return name;
  }
}
