package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.ResultSetRow;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads made through a {@link MigrationContext}, on the batch's connection and so in its transaction.
 * Serialized, because {@code migrateOne} may run on several threads while the connection is one.
 */
public final class BatchReads {

  private final Connection connection;
  private final Dialect dialect;

  public BatchReads(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public Connection connection() {
    return connection;
  }

  public synchronized <U> List<U> select(Table<U> table, Condition<U> where, int limit)
      throws SQLException {
    if (limit <= 0) {
      throw new IllegalArgumentException("the limit of a select must be positive, not " + limit);
    }
    List<U> rows = new ArrayList<>();
    try (PreparedStatement statement =
            new TableSql<>(dialect, table).select(where, null, limit, false).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      ResultSetRow row = new ResultSetRow(resultSet, table.columns());
      while (resultSet.next()) {
        rows.add(table.read(row));
      }
    }
    return rows;
  }

  public synchronized <U> boolean exists(Table<U> table, Condition<U> where) throws SQLException {
    try (PreparedStatement statement =
            new TableSql<>(dialect, table).selectIds(where, null, 1, false).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      return resultSet.next();
    }
  }
}
