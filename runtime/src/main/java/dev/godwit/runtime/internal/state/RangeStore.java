package dev.godwit.runtime.internal.state;

import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.RangeStatus;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code <state table>_ranges} table: the key ranges of migrations run by several workers, one
 * row per range, each holding its bounds, its cursor and counts, its state, and the lease of the
 * worker migrating it, timed by the database's clock like the migration's own. Every write that
 * depends on holding a range's lease is conditional on its owner, so a worker that lost it can change
 * nothing; the primary key (migration, range number) decides which process's split is kept.
 */
public final class RangeStore {

  private static final String COLUMNS = "{name}, {range_no}, {lower_bound}, {upper_bound},"
      + " {cursor_value}, {rows_visited}, {rows_changed}, {state}, {owner}, {heartbeat_at}";

  private static final String CLAIMABLE = " AND {state} <> 'DONE' AND ({owner} IS NULL"
      + " OR {lease_expires_at} < CURRENT_TIMESTAMP)";

  private final StateStore store;
  private final String tableToken;
  private final String table;
  private volatile boolean exists;

  RangeStore(StateStore store) {
    this.store = store;
    String token = store.tableToken();
    this.tableToken = token.substring(0, token.length() - 1) + "_ranges}";
    this.table = store.table() + "_ranges";
  }

  private Database database() {
    return store.database();
  }

  /** The ranges table as SQL names it. */
  public String qualifiedName() {
    return sql("{godwit_ranges}");
  }

  /**
   * Creates the table unless it exists; safe when several processes race to create it, as the
   * state table is.
   */
  public void ensureTable() throws SQLException {
    if (exists()) {
      return;
    }
    Dialect dialect = database().dialect();
    String instant = dialect.instantType();
    String create = "CREATE TABLE IF NOT EXISTS {godwit_ranges} ("
        + "{name} " + dialect.textType(200) + " NOT NULL,"
        + " {range_no} INTEGER NOT NULL,"
        + " {lower_bound} " + dialect.longTextType() + ","
        + " {upper_bound} " + dialect.longTextType() + ","
        + " {cursor_value} " + dialect.longTextType() + ","
        + " {rows_visited} BIGINT DEFAULT 0 NOT NULL,"
        + " {rows_changed} BIGINT DEFAULT 0 NOT NULL,"
        + " {state} " + dialect.textType(16) + " NOT NULL,"
        + " {owner} " + dialect.textType(200) + ","
        + " {lease_expires_at} " + instant + ","
        + " {heartbeat_at} " + instant + ","
        + " PRIMARY KEY ({name}, {range_no}))";
    database().call(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql(create));
      } catch (SQLException e) {
        exists = false;
        if (!exists()) {
          throw e;
        }
      }
      return null;
    });
    exists = true;
  }

  /**
   * Whether the table exists, asked of the catalog until it does; a table once seen is not asked
   * for again.
   */
  public boolean exists() throws SQLException {
    if (exists) {
      return true;
    }
    boolean found = database().call(connection -> StateTables.exists(connection,
        database().dialect(), store.schema(), table));
    exists = found;
    return found;
  }

  /**
   * The rows visited and changed of each migration's ranges, as a query the state table's reads
   * join: columns {@code godwit_range_name}, {@code godwit_range_visited}, {@code
   * godwit_range_changed}; a template whose names the dialect quotes.
   */
  String countsByMigration() {
    return "SELECT {name} AS godwit_range_name, SUM({rows_visited}) AS godwit_range_visited,"
        + " SUM({rows_changed}) AS godwit_range_changed FROM " + tableToken + " GROUP BY {name}";
  }

  /**
   * Records a migration's ranges and its estimated total, all in one transaction: every range or
   * none, and only while the workers' shared owner holds the migration and its keyset pass has not
   * ended (so a split cannot follow a hand-over). When another process recorded the migration's
   * ranges first, its primary key refuses these and they are rolled back.
   *
   * @param shared the owner the workers share
   * @param bounds each range's exclusive lower and inclusive upper key text, in key order
   * @param total the rows the pass visits in all, or -1 if unknown
   * @return whether these ranges were recorded; {@code false} if others already were, or the
   *     workers no longer hold the migration
   */
  public boolean insert(String name, String shared, List<String[]> bounds, long total)
      throws SQLException {
    Dialect dialect = database().dialect();
    return database().call(connection -> {
      connection.setAutoCommit(false);
      try {
        if (store.update(connection, "UPDATE {godwit_migrations} SET {estimated_total} = ?"
            + " WHERE {name} = ? AND {owner} = ? AND {pass} = 0", total, name, shared) != 1) {
          connection.rollback();
          return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql(
            "INSERT INTO {godwit_ranges} ({name}, {range_no}, {lower_bound}, {upper_bound},"
                + " {state}) VALUES (?, ?, ?, ?, 'PENDING')"))) {
          for (int i = 0; i < bounds.size(); i++) {
            StateStore.bind(statement, 1, name);
            statement.setInt(2, i);
            StateStore.bind(statement, 3, bounds.get(i)[0]);
            StateStore.bind(statement, 4, bounds.get(i)[1]);
            statement.executeUpdate();
          }
        }
        connection.commit();
        return true;
      } catch (SQLException e) {
        connection.rollback();
        // the other process's ranges win; a deadlock between the two inserts is the same race
        if (dialect.isDuplicateKey(e) || dialect.isTransient(e)) {
          return false;
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  /** A migration's ranges in key order; empty if it has none or the table does not exist. */
  public List<RangeStatus> list(String name) throws SQLException {
    if (!exists()) {
      return List.of();
    }
    return database().call(connection -> list(connection, name));
  }

  private List<RangeStatus> list(Connection connection, String name) throws SQLException {
    List<RangeStatus> ranges = new ArrayList<>();
    try (PreparedStatement statement = store.prepare(connection, sql("SELECT " + COLUMNS
            + " FROM {godwit_ranges} WHERE {name} = ? ORDER BY {range_no}"), name);
        ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        ranges.add(read(resultSet));
      }
    }
    return ranges;
  }

  /** Whether the migration has ranges, done or not. */
  public boolean any(String name) throws SQLException {
    return exists() && count(name, "") > 0;
  }

  /** How many of the migration's ranges are not done. */
  public long unfinished(String name) throws SQLException {
    return count(name, " AND {state} <> 'DONE'");
  }

  private long count(String name, String condition) throws SQLException {
    return database().call(connection -> {
      try (PreparedStatement statement = store.prepare(connection,
              sql("SELECT COUNT(*) FROM {godwit_ranges} WHERE {name} = ?" + condition), name);
          ResultSet resultSet = statement.executeQuery()) {
        resultSet.next();
        return resultSet.getLong(1);
      }
    });
  }

  /**
   * Claims a range of the migration that is not done and that no live lease holds (never claimed,
   * released, or left by a worker whose lease lapsed), the first in key order that this owner wins:
   * a conditional update decides between workers claiming at once. Its lease ends {@code lease}
   * after the database's current time.
   *
   * @return the range as it was claimed, with the cursor its last owner saved; empty if none is free
   */
  public Optional<RangeStatus> claim(String name, String owner, Instant now, Duration lease)
      throws SQLException {
    String expiry = database().dialect().currentTimestampPlusMillis();
    return database().call(connection -> {
      List<Integer> free = new ArrayList<>();
      try (PreparedStatement statement = store.prepare(connection, sql("SELECT {range_no} FROM"
              + " {godwit_ranges} WHERE {name} = ?" + CLAIMABLE + " ORDER BY {range_no}"), name);
          ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          free.add(resultSet.getInt(1));
        }
      }
      for (int number : free) {
        if (store.update(connection, sql("UPDATE {godwit_ranges} SET {state} = 'RUNNING',"
                + " {owner} = ?, {lease_expires_at} = " + expiry + ", {heartbeat_at} = ?"
                + " WHERE {name} = ? AND {range_no} = ?" + CLAIMABLE),
            owner, lease.toMillis(), now, name, number) == 1) {
          return list(connection, name).stream().filter(range -> range.number() == number)
              .findFirst();
        }
      }
      return Optional.empty();
    });
  }

  /**
   * Saves a range's cursor and counts inside a batch's own transaction, and extends its lease like
   * {@link StateStore#saveProgress}; when {@code done}, marks it done and nobody's.
   *
   * @return {@code false} if this owner no longer holds the range: the batch must be rolled back
   */
  public boolean save(Connection connection, String name, int number, String owner, String cursor,
      long visited, long changed, boolean done, Instant now, Duration lease) throws SQLException {
    String expiry = database().dialect().currentTimestampPlusMillis();
    String where = " WHERE {name} = ? AND {range_no} = ? AND {owner} = ?";
    if (done) {
      // a done range is nobody's
      return store.update(connection, sql("UPDATE {godwit_ranges} SET {cursor_value} = ?,"
              + " {rows_visited} = ?, {rows_changed} = ?, {state} = 'DONE', {heartbeat_at} = ?,"
              + " {owner} = NULL, {lease_expires_at} = NULL" + where),
          cursor, visited, changed, now, name, number, owner) == 1;
    }
    return store.update(connection, sql("UPDATE {godwit_ranges} SET {cursor_value} = ?,"
            + " {rows_visited} = ?, {rows_changed} = ?, {heartbeat_at} = ?,"
            + " {lease_expires_at} = CASE WHEN {lease_expires_at} > " + expiry
            + " THEN {lease_expires_at} ELSE " + expiry + " END" + where),
        cursor, visited, changed, now, lease.toMillis(), lease.toMillis(), name, number,
        owner) == 1;
  }

  /**
   * Extends the leases of the ranges these owners hold to {@code lease} after the database's time.
   *
   * @return how many ranges they hold
   */
  public int renew(String name, List<String> owners, Instant now, Duration lease)
      throws SQLException {
    if (owners.isEmpty()) {
      return 0;
    }
    List<Object> parameters = new ArrayList<>(List.of(now, lease.toMillis(), name));
    parameters.addAll(owners);
    return database().call(connection -> store.update(connection, sql("UPDATE {godwit_ranges} SET"
        + " {heartbeat_at} = ?, {lease_expires_at} = "
        + database().dialect().currentTimestampPlusMillis() + " WHERE {name} = ? AND {owner} IN ("
        + "?, ".repeat(owners.size() - 1) + "?)"), parameters.toArray()));
  }

  /**
   * Lets go of a range this owner holds, keeping its cursor: another worker, or a later run,
   * resumes it there.
   */
  public void release(String name, int number, String owner) throws SQLException {
    database().call(connection -> store.update(connection, sql("UPDATE {godwit_ranges} SET"
        + " {owner} = NULL, {lease_expires_at} = NULL, {state} = CASE WHEN {state} = 'DONE'"
        + " THEN 'DONE' ELSE 'PENDING' END WHERE {name} = ? AND {range_no} = ? AND {owner} = ?"),
        name, number, owner));
  }

  /** Deletes a migration's ranges, if the table exists. */
  public void delete(String name) throws SQLException {
    if (exists()) {
      database().call(connection -> store.update(connection,
          sql("DELETE FROM {godwit_ranges} WHERE {name} = ?"), name));
    }
  }

  /**
   * Hands a migration whose ranges are all done over from the shared owner its workers renew to one
   * runner, which goes on as a single runner does at the end of its keyset pass: in one transaction,
   * conditional on the shared owner still holding it and on no range being left undone, adds the
   * ranges' counts to the migration's, sets its cursor to the last range's last key, and deletes the
   * ranges. Exactly one caller wins. The runner then reads on from that key (rows inserted past it
   * since), verifies, and sweeps from the first row only if the verification finds rows left in the
   * old format, so a run on workers re-reads the table no more often than a single runner does.
   *
   * @return whether {@code owner} now holds the migration
   */
  public boolean handOver(String name, String shared, String owner, Instant now, Duration lease)
      throws SQLException {
    Database database = database();
    return database.call(connection -> {
      connection.setAutoCommit(false);
      try {
        List<RangeStatus> ranges = list(connection, name);
        if (ranges.stream().anyMatch(range -> range.state() != RangeStatus.State.DONE)) {
          connection.rollback();
          return false;
        }
        String pass;
        List<Object> parameters = new ArrayList<>(List.of(owner, lease.toMillis(), now));
        if (ranges.isEmpty()) {
          pass = "";
        } else {
          RangeStatus last = ranges.get(ranges.size() - 1);
          String end = last.cursor() != null ? last.cursor() : last.lowerBound();
          pass = ", {pass} = ?, {cursor_value} = ?, {rows_visited} = {rows_visited} + ?,"
              + " {rows_changed} = {rows_changed} + ?";
          parameters.add(0);
          parameters.add(end);
          parameters.add(ranges.stream().mapToLong(RangeStatus::rowsVisited).sum());
          parameters.add(ranges.stream().mapToLong(RangeStatus::rowsChanged).sum());
        }
        parameters.add(name);
        parameters.add(shared);
        int updated = store.update(connection, "UPDATE {godwit_migrations} SET {owner} = ?,"
            + " {lease_expires_at} = " + database.dialect().currentTimestampPlusMillis() + ","
            + " {heartbeat_at} = ?" + pass + " WHERE {name} = ? AND {owner} = ?",
            parameters.toArray());
        if (updated != 1) {
          connection.rollback();
          return false;
        }
        if (!ranges.isEmpty()) {
          int deleted = store.update(connection,
              sql("DELETE FROM {godwit_ranges} WHERE {name} = ? AND {state} = 'DONE'"), name);
          if (deleted != ranges.size()) {
            connection.rollback();
            return false;
          }
        }
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  private static RangeStatus read(ResultSet resultSet) throws SQLException {
    return new RangeStatus(resultSet.getString(1), resultSet.getInt(2), resultSet.getString(3),
        resultSet.getString(4), resultSet.getString(5), resultSet.getLong(6), resultSet.getLong(7),
        RangeStatus.State.valueOf(resultSet.getString(8)), resultSet.getString(9),
        ColumnType.INSTANT.read(resultSet, 10));
  }

  /** A template naming this table and the state table, as the store expands it. */
  private String sql(String template) {
    return store.sql(template.replace("{godwit_ranges}", tableToken));
  }
}
