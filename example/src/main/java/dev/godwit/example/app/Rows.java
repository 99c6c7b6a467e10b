package dev.godwit.example.app;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Plain JDBC writes of whole entities, through the generated tables' columns and types. */
final class Rows {

  private Rows() {}

  /** Inserts entities in one JDBC batch. */
  static <T> void insert(Connection connection, Table<T> table, List<T> entities)
      throws SQLException {
    insert(connection, table, table.columns(), entities);
  }

  /** Inserts some columns of entities in one JDBC batch: those an older schema of the table has. */
  static <T> void insert(Connection connection, Table<T> table, List<Column<T, ?>> columns,
      List<T> entities) throws SQLException {
    if (entities.isEmpty()) {
      return;
    }
    StringJoiner names = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    columns.forEach(column -> {
      names.add(column.name());
      marks.add("?");
    });
    String sql = "INSERT INTO " + table.name() + " (" + names + ") VALUES (" + marks + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T entity : entities) {
        Map<Column<T, ?>, Object> values = table.valuesOf(entity).values();
        for (int i = 0; i < columns.size(); i++) {
          columns.get(i).type().bindUnchecked(statement, i + 1, values.get(columns.get(i)));
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
