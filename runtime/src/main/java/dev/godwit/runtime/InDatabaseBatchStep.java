package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch of an in-database migration: a keyset read of the batch's window (how many rows, and the
 * last one's id) finds where it ends, then one {@code UPDATE} over that id window sets the
 * assignments. No row travels through the JVM, not even its id.
 *
 * <p>The id read takes no row lock: the {@code UPDATE} locks each row it changes and, under read
 * committed, checks the range again on a row a concurrent transaction changed, so a lock taken
 * beforehand would protect nothing more and cost a write per row.
 *
 * @param <T> the entity type of the table
 */
final class InDatabaseBatchStep<T> implements BatchStep<T> {

  private final Migration<T> migration;
  private final TableSql<T> sql;

  InDatabaseBatchStep(Migration<T> migration, Dialect dialect) {
    this.migration = migration;
    this.sql = new TableSql<>(dialect, migration.table());
  }

  /** Where a batch ends: how many rows it visits, the last one's id, and the ids a dry run shows. */
  private record Window(int visited, Object last, List<Object> described) {}

  @Override
  public BatchOutcome execute(Connection connection, Condition<T> where, Object after, int limit,
      boolean dryRun) throws SQLException {
    Window window = dryRun ? readIds(connection, where, after, limit)
        : count(connection, where, after, limit);
    if (window.visited() == 0) {
      return BatchOutcome.EMPTY;
    }
    Map<String, Map<String, String>> before = RowChanges.read(connection, sql, window.described());
    int changed = sql.update(migration.assignments(), where, after, window.last())
        .executeUpdate(connection);
    List<RowChange> changes = RowChanges.describe(connection, sql, window.described(), before);
    return new BatchOutcome(window.visited(), changed, window.last(), changes);
  }

  /** The window as one row, no id sent: what a batch needs. */
  private Window count(Connection connection, Condition<T> where, Object after, int limit)
      throws SQLException {
    try (PreparedStatement statement = sql.window(where, after, limit).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      resultSet.next();
      int visited = resultSet.getInt(1);
      Object last = visited == 0 ? null : migration.table().id().type().read(resultSet, 2);
      return new Window(visited, last, List.of());
    }
  }

  /** The window read id by id, keeping the first ids: what a dry run shows before and after. */
  private Window readIds(Connection connection, Condition<T> where, Object after, int limit)
      throws SQLException {
    int visited = 0;
    Object last = null;
    List<Object> described = new ArrayList<>();
    try (PreparedStatement statement = sql.selectIds(where, after, limit, false).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        last = migration.table().id().type().read(resultSet, 1);
        visited++;
        if (described.size() < RowChanges.LIMIT) {
          described.add(last);
        }
      }
    }
    return new Window(visited, last, described);
  }
}
