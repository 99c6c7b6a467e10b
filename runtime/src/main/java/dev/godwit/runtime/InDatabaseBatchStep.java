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

  @Override
  public BatchOutcome execute(Connection connection, Condition<T> where, Object after, int limit,
      boolean dryRun) throws SQLException {
    if (dryRun) {
      return describedRun(connection, where, after, limit);
    }
    Table<T> table = migration.table();
    int visited;
    Object last;
    try (PreparedStatement statement = sql.window(where, after, limit).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      resultSet.next();
      visited = resultSet.getInt(1);
      last = visited == 0 ? null : table.id().type().read(resultSet, 2);
    }
    if (visited == 0) {
      return BatchOutcome.EMPTY;
    }
    int changed = sql.update(migration.assignments(), where, after, last).executeUpdate(connection);
    return new BatchOutcome(visited, changed, last, List.of());
  }

  /** A dry run's batch: its first rows read before and after the update, to show what changed. */
  private BatchOutcome describedRun(Connection connection, Condition<T> where, Object after,
      int limit) throws SQLException {
    Table<T> table = migration.table();
    int visited = 0;
    Object last = null;
    List<Object> described = new ArrayList<>();
    try (PreparedStatement statement = sql.selectIds(where, after, limit, false).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        last = table.id().type().read(resultSet, 1);
        visited++;
        if (described.size() < RowChanges.LIMIT) {
          described.add(last);
        }
      }
    }
    if (visited == 0) {
      return BatchOutcome.EMPTY;
    }
    Map<String, Map<String, String>> before = RowChanges.read(connection, sql, described);
    int changed = sql.update(migration.assignments(), where, after, last).executeUpdate(connection);
    List<RowChange> changes = RowChanges.describe(connection, sql, described, before);
    return new BatchOutcome(visited, changed, last, changes);
  }
}
