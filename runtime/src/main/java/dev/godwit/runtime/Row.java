package dev.godwit.runtime;

import java.sql.SQLException;

/**
 * One row read from a table, seen through typed columns. Generated row readers build entities from it.
 */
public interface Row {

  /**
   * The value of a column of this row.
   *
   * @param column a column of the table the row was read from
   * @param <V> the column's value type
   * @return the value, or {@code null} for SQL {@code NULL}
   * @throws SQLException if the value cannot be read as the column's type
   * @throws IllegalArgumentException if the column was not read
   */
  <V> V get(Column<?, V> column) throws SQLException;
}
