package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a migration's keyset pass is split into ranges of about as many rows each: at keys picked
 * from the table's own keys in the database's key order (never from the spread between its smallest
 * and largest key, which says nothing of where the rows are). Each boundary is the k-th key after
 * the one before, the keys between skipped in the database, so neither the connection nor memory
 * carries more than the boundaries; a table whose statistics say it holds more than {@link
 * RunOptions#exactCountLimit()} rows is sampled ({@link Dialect#keySample}), the sample streamed in
 * key order, rather than counted. The first range starts after the pass's cursor (or at the first
 * row), the last one ends at the table's end, so rows inserted later anywhere fall in a range.
 *
 * @param bounds each range's exclusive lower and inclusive upper key as cursor text, {@code null}
 *     for no bound, in key order
 * @param total the rows the pass visits in all as counted or estimated, or -1 if unknown
 */
record RangeSplit(List<String[]> bounds, long total) {

  private static final Logger LOG = LoggerFactory.getLogger(RangeSplit.class);

  /** Rows of the sample kept per range when a large table is sampled. */
  static final int SAMPLED_KEYS_PER_RANGE = 100;

  /** Keys fetched from the database at a time while streaming them. */
  static final int FETCH_SIZE = 1000;

  /**
   * Splits the rows matching {@code where} after {@code after} into at most {@code count} ranges.
   *
   * @param connection a connection in a transaction (so that PostgreSQL streams by the fetch size),
   *     which is rolled back
   * @param visited the rows the migration visited before it was split
   */
  static <T> RangeSplit of(Connection connection, Dialect dialect, TableSql<T> sql,
      Condition<T> where, String after, int count, long exactCountLimit, long visited)
      throws SQLException {
    Table<T> table = sql.table();
    Object from = after == null ? null : RowKeys.parse(table, after, table.qualifiedName());
    try {
      OptionalLong estimate = dialect.estimatedRows(connection, table);
      String sample = "";
      long rows;
      long total;
      if (estimate.isPresent() && estimate.getAsLong() > exactCountLimit) {
        double percent = Math.min(100.0,
            100.0 * count * SAMPLED_KEYS_PER_RANGE / Math.max(1, estimate.getAsLong()));
        sample = percent < 100.0 ? dialect.keySample(percent) : "";
        rows = sample.isEmpty() ? estimate.getAsLong() : (long) count * SAMPLED_KEYS_PER_RANGE;
        total = where.isAll() ? Math.max(estimate.getAsLong(), visited) : -1;
      } else {
        rows = Verifier.count(connection, sql, where, from);
        total = visited + rows;
      }
      List<String> boundaries;
      try {
        boundaries = boundaries(connection, sql, where, from, sample, rows, count);
      } catch (SQLException e) {
        if (sample.isEmpty() || dialect.isConnectionFailure(e)) {
          throw e;
        }
        // a PostgreSQL-compatible database without TABLESAMPLE: every key is read instead
        LOG.info("Sampling the keys of {} failed ({}); reading every key to split it",
            table.qualifiedName(), Errors.oneLine(e));
        connection.rollback();
        boundaries = boundaries(connection, sql, where, from, "", estimate.getAsLong(), count);
      }
      if (!sample.isEmpty() && boundaries.size() < (count - 1) / 2) {
        // a block sample (PostgreSQL's SYSTEM) of a table of few pages can come back nearly
        // empty; the table is then small enough to read every key
        LOG.info("The sample of {}'s keys gave {} boundaries for {} ranges; reading every key to"
            + " split it", table.qualifiedName(), boundaries.size(), count);
        connection.rollback();
        boundaries = boundaries(connection, sql, where, from, "", estimate.getAsLong(), count);
      }
      List<String[]> bounds = new ArrayList<>();
      String lower = after;
      for (String boundary : boundaries) {
        bounds.add(new String[] {lower, boundary});
        lower = boundary;
      }
      bounds.add(new String[] {lower, null});
      return new RangeSplit(bounds, total);
    } finally {
      connection.rollback();
    }
  }

  /**
   * Every k-th key of the {@code rows} the query reads, for {@code count} ranges of k rows: from a
   * sample, streamed in key order keeping every k-th; from the table itself, read one boundary at a
   * time, each the k-th key after the one before ({@link TableSql#idAfterSkipping}), so that the keys
   * between boundaries are skipped in the database instead of sent.
   */
  private static <T> List<String> boundaries(Connection connection, TableSql<T> sql,
      Condition<T> where, Object from, String sample, long rows, int count) throws SQLException {
    Table<T> table = sql.table();
    long every = Math.max(1, (rows + count - 1) / count);
    List<String> boundaries = new ArrayList<>();
    if (sample.isEmpty()) {
      Object after = from;
      while (boundaries.size() < count - 1) {
        try (PreparedStatement statement =
                sql.idAfterSkipping(where, after, every - 1).prepare(connection);
            ResultSet resultSet = statement.executeQuery()) {
          if (!resultSet.next()) {
            break;
          }
          after = RowKeys.read(table, resultSet, 1);
          boundaries.add(RowKeys.text(table, after));
        }
      }
      return boundaries;
    }
    try (PreparedStatement statement = sql.orderedIds(where, from, sample).prepare(connection)) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet resultSet = statement.executeQuery()) {
        long seen = 0;
        while (boundaries.size() < count - 1 && resultSet.next()) {
          seen++;
          if (seen % every == 0) {
            boundaries.add(RowKeys.text(table, RowKeys.read(table, resultSet, 1)));
          }
        }
      }
    }
    return boundaries;
  }
}
