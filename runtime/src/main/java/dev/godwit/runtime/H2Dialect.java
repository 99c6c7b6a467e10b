package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * H2: embedded, so a JDBC batch costs no network round trip per row; each write group is one
 * prepared statement executed as one batch.
 */
final class H2Dialect extends Dialect {

  /** H2's own codes for a deadlock, a lock timeout, and a row changed by a concurrent transaction. */
  private static final int DEADLOCK = 40001;
  private static final int LOCK_TIMEOUT = 50200;
  private static final int CONCURRENT_UPDATE = 90131;
  private static final int DATABASE_IS_CLOSED = 90098;
  private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

  H2Dialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
  }

  @Override
  String name() {
    return "H2";
  }

  @Override
  String returning(String update, String column) {
    return "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
  }

  @Override
  boolean isTransientError(SQLException error) {
    int code = error.getErrorCode();
    return code == DEADLOCK || code == LOCK_TIMEOUT || code == CONCURRENT_UPDATE;
  }

  @Override
  boolean isClosedDatabase(SQLException error) {
    int code = error.getErrorCode();
    return code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN;
  }

  @Override
  void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object[]> rows)
      throws SQLException {
    String sql = "INSERT INTO " + quote(table.name()) + " (" + names(columns, "") + ") VALUES ("
        + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        bindAll(statement, columns, row, 1);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  @Override
  void update(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object> ids,
      List<Object[]> rows) throws SQLException {
    String sql = "UPDATE " + quote(table.name()) + " SET " + names(columns, " = ?")
        + " WHERE " + quote(table.id().name()) + " = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        bindAll(statement, columns, rows.get(i), 1);
        table.id().type().bindUnchecked(statement, columns.size() + 1, ids.get(i));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  @Override
  void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    String sql = "DELETE FROM " + quote(table.name()) + " WHERE " + quote(table.id().name()) + " = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object id : ids) {
        table.id().type().bindUnchecked(statement, 1, id);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private String names(List<Column<?, ?>> columns, String suffix) {
    return columns.stream().map(column -> quote(column.name()) + suffix)
        .collect(Collectors.joining(", "));
  }

  private static void bindAll(PreparedStatement statement, List<Column<?, ?>> columns, Object[] row,
      int first) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      columns.get(i).type().bindUnchecked(statement, first + i, row[i]);
    }
  }
}
