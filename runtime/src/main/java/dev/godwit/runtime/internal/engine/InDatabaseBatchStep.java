package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.RowChange;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch of an in-database migration: a keyset read of the batch's window (how many rows, and the
 * last one's key) finds where it ends, then one {@code UPDATE} over that key window sets the
 * assignments, and increments the table's version column if it has one. No row travels through the
 * JVM, not even its key.
 *
 * <p>The key read takes no row lock: the {@code UPDATE} locks each row it changes and, under read
 * committed, checks the range again on a row a concurrent transaction changed, so a lock taken
 * beforehand would protect nothing more and cost a write per row.
 *
 * @param <T> the entity type of the table
 */
public final class InDatabaseBatchStep<T> implements BatchStep<T> {

  private final Migration<T> migration;
  private final TableSql<T> sql;

  public InDatabaseBatchStep(Migration<T> migration, Dialect dialect) {
    this.migration = migration;
    this.sql = new TableSql<>(dialect, migration.table());
  }

  /** Where a batch ends: how many rows it visits, the last one's key, the keys a dry run shows. */
  private record Window(int visited, Object last, List<Object> described) {}

  @Override
  public BatchOutcome execute(Connection connection, Condition<T> where, Object after, Object upTo,
      int limit, boolean dryRun) throws SQLException {
    Window window = dryRun ? readIds(connection, where, after, upTo, limit)
        : count(connection, where, after, upTo, limit);
    if (window.visited() == 0) {
      return BatchOutcome.EMPTY;
    }
    Map<String, Map<String, String>> before = RowChanges.read(connection, sql, window.described());
    int changed = sql.update(migration.assignments(), where, after, window.last())
        .executeUpdate(connection);
    List<RowChange> changes = RowChanges.describe(connection, sql, window.described(), before);
    return new BatchOutcome(window.visited(), changed, window.last(), changes);
  }

  /**
   * The window as one row, no key sent: what a batch needs.
   *
   * @throws MigrationException if a row of the window has a NULL key value, which the window's
   *     bounds cannot include: an update bounded by it would skip the row or reach past the batch
   */
  private Window count(Connection connection, Condition<T> where, Object after, Object upTo,
      int limit) throws SQLException {
    Table<T> table = migration.table();
    try (PreparedStatement statement = sql.window(where, after, upTo, limit).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      if (!resultSet.next()) {
        return new Window(0, null, List.of());
      }
      int visited = resultSet.getInt(1);
      if (visited == 0) {
        return new Window(0, null, List.of());
      }
      if (resultSet.getInt(2) != visited) {
        throw RowKeys.nullKey(table);
      }
      return new Window(visited, RowKeys.read(table, resultSet, 3), List.of());
    }
  }

  /** The window read key by key, keeping the first keys: what a dry run shows before and after. */
  private Window readIds(Connection connection, Condition<T> where, Object after, Object upTo,
      int limit) throws SQLException {
    int visited = 0;
    Object last = null;
    List<Object> described = new ArrayList<>();
    try (PreparedStatement statement =
        sql.selectIds(where, after, upTo, limit, false).prepare(connection);
        ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        last = RowKeys.read(migration.table(), resultSet, 1);
        visited++;
        if (described.size() < RowChanges.LIMIT) {
          described.add(last);
        }
      }
    }
    return new Window(visited, last, described);
  }
}
