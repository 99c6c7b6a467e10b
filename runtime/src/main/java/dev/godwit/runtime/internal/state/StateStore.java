package dev.godwit.runtime.internal.state;

import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.LeaseLostException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.internal.engine.Progress;
import dev.godwit.runtime.internal.engine.Retrier;
import dev.godwit.runtime.internal.engine.RowFailure;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.internal.sql.Binding;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code godwit_migrations} table: one row per migration, holding its state, cursor, counts,
 * times, last error and the lease of the runner processing it. Every write that depends on holding
 * the lease is conditional on the owner, so a runner that lost its lease can change nothing.
 */
public final class StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

  /** The columns holding keys as text, as long as the keys are: of no length limit. */
  private static final List<String> KEY_TEXT_COLUMNS = List.of("cursor_value", "error_row_id");

  /**
   * A character column the catalog reports shorter than this is bounded: H2's longest character
   * string (1,000,000 characters), which its unbounded {@code VARCHAR} reports and PostgreSQL's
   * {@code TEXT} exceeds.
   */
  private static final long UNBOUNDED_LENGTH = 1_000_000;
  /** Retries of recording a migration after a deadlock, each after a backoff with jitter. */
  private static final int ENSURE_ROW_RETRIES = 8;

  public static final String CANCEL = "CANCEL";
  public static final String PAUSE = "PAUSE";

  private static final String COLUMNS = "{name}, {table_name}, {state}, {cursor_value},"
      + " {rows_visited}, {rows_changed}, {estimated_total}, {batch_size}, {started_at},"
      + " {heartbeat_at}, {finished_at}, {error}, {error_row_id}, {pass}, {owner},"
      + " {lease_expires_at}, {requested}";

  /** The column saying why a run waits on its health signals, added after the others. */
  private static final String WAITING = "waiting";

  private static final String LEASE_HELD = " WHERE {name} = ? AND {owner} = ?";
  // leases are timed by the database's clock alone; every statement testing one runs outside a
  // batch's transaction, where CURRENT_TIMESTAMP is the statement's time
  private static final String LEASE_FREE =
      " WHERE {name} = ? AND ({owner} IS NULL OR {lease_expires_at} < CURRENT_TIMESTAMP)";
  private static final String LEASE_LIVE =
      " WHERE {name} = ? AND {owner} IS NOT NULL AND {lease_expires_at} >= CURRENT_TIMESTAMP";

  private final Database database;

  /**
   * Requests made through this store to runs it may be running itself, by migration name: such a run
   * sees them before its next batch without asking the database.
   */
  private final Map<String, String> localRequests = new ConcurrentHashMap<>();

  /** The state table as a template token: {@code {name}} or {@code {schema}.{name}}. */
  private final String tableToken;
  private final String schema;
  private final String table;
  private final String worker;
  private final Clock clock;
  private final RangeStore ranges;

  /** Whether the state table was seen to have its {@code waiting} column; never unset. */
  private volatile boolean waitingColumn;

  /**
   * The state of migrations in a table of the database.
   *
   * @param schema the state table's schema (a plain identifier), or {@code null} for the
   *     connection's current one
   * @param table the state table's name, a plain identifier
   * @param worker names this process in lease owners
   * @param clock the time recorded as a run's start, heartbeat and finish; never a lease's
   */
  public StateStore(Database database, String schema, String table, String worker, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.schema = schema;
    this.table = table;
    this.worker = worker;
    this.tableToken = (schema == null ? "" : "{" + schema + "}.") + "{" + table + "}";
    this.ranges = new RangeStore(this);
  }

  /** The state table as a template token: {@code {name}} or {@code {schema}.{name}}. */
  String tableToken() {
    return tableToken;
  }

  /** The name of the state table, a plain identifier. */
  String table() {
    return table;
  }

  /** The database it is stored in. */
  Database database() {
    return database;
  }

  /** The ranges of migrations run by several workers, stored next to this table. */
  public RangeStore ranges() {
    return ranges;
  }

  /** The state table as SQL names it: quoted, and qualified when a schema was set. */
  public String qualifiedName() {
    return sql(tableToken);
  }

  /** The state table's schema as configured (a plain identifier), or {@code null} for the current. */
  public String schema() {
    return schema;
  }

  /** What names this process in the owner of the leases it takes. */
  public String worker() {
    return worker;
  }

  /**
   * The current time by this store's clock, at the precision both databases keep: the time recorded
   * as a run's start, heartbeat and finish. Leases never use it.
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Creates the table unless it exists; safe when several processes race to create it. A table an
   * earlier version created with a bounded cursor and row id column has them changed to the
   * dialect's {@linkplain Dialect#longTextType() unbounded text} (see {@link #widenKeyColumns}).
   */
  public void ensureTable() throws SQLException {
    if (exists()) {
      widenKeyColumns();
      addWaitingColumn();
      return;
    }
    database.call(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql(createTable(database.dialect())));
      } catch (SQLException e) {
        // PostgreSQL's IF NOT EXISTS can still fail when another process creates it at once
        if (!exists()) {
          throw e;
        }
      }
      return null;
    });
    waitingColumn = true;
  }

  /**
   * Whether the table exists in the connection's current schema, asked of the catalog (a failing probe
   * query would land in the database's error log on every status call) on a connection of its own, so
   * no transaction is disturbed.
   */
  public boolean exists() throws SQLException {
    return database.call(connection -> StateTables.exists(connection, database.dialect(), schema,
        table));
  }

  /**
   * Changes the cursor and row id columns of a table created with a bounded character type (the
   * {@code VARCHAR(2000)} of earlier versions) to unbounded text, in place and keeping their values,
   * each statement waiting for a lock at most {@link RunOptions#DEFAULT_LOCK_TIMEOUT}: a runner busy
   * with the table is not queued behind, and when the wait times out the table is left as it is for
   * the next run to change (until then, a key longer than the old bound cannot be saved). Nothing
   * is done on a dialect that cannot bound a lock wait.
   */
  private void widenKeyColumns() throws SQLException {
    Dialect dialect = database.dialect();
    List<String> bounded = database.call(this::boundedKeyColumns);
    if (bounded.isEmpty()) {
      return;
    }
    List<String> statements = bounded.stream().map(column -> dialect.alterColumnType(
        qualifiedName(), dialect.quote(column), dialect.longTextType())).toList();
    StateTables.alterUnderLockTimeout(database, "change the columns " + bounded + " to "
        + dialect.longTextType() + " in", qualifiedName(), statements,
        connection -> !boundedKeyColumns(connection).equals(bounded));
  }

  /**
   * Adds the {@code waiting} column to a table created by an earlier version without it, under
   * {@link RunOptions#DEFAULT_LOCK_TIMEOUT} as {@link #widenKeyColumns} changes columns: when the
   * wait times out (a runner busy with the table), or the dialect cannot bound it, the table is left
   * without it for a later run to add, and until then no run of this store records why it waits
   * (its listeners and logs still say it). The column is nullable without a default, and the table
   * holds one row per migration, so the change is quick once its lock is granted.
   */
  private void addWaitingColumn() throws SQLException {
    if (hasWaitingColumn()) {
      return;
    }
    Dialect dialect = database.dialect();
    StateTables.alterUnderLockTimeout(database, "add the column " + WAITING + " to",
        qualifiedName(), List.of(dialect.addColumn(qualifiedName(), dialect.quote(WAITING),
            dialect.textType(Errors.MAX_LENGTH))),
        connection -> columnNames(connection).contains(dialect.fold(WAITING)));
  }

  /**
   * Whether the state table has its {@code waiting} column, asked of the catalog until it is seen:
   * a table of an earlier version is read without it, by a process that may not alter it.
   */
  private boolean hasWaitingColumn() throws SQLException {
    if (!waitingColumn) {
      waitingColumn = database.call(
          connection -> columnNames(connection).contains(database.dialect().fold(WAITING)));
    }
    return waitingColumn;
  }

  /** The state table's column names, as the catalog spells them. */
  private List<String> columnNames(Connection connection) throws SQLException {
    return StateTables.columns(connection, database.dialect(), schema, table).stream()
        .map(StateTables.CatalogColumn::name).toList();
  }

  /**
   * Records why a held run waits on its health signals, or that it no longer does; nothing is
   * recorded in a state table without the column (see {@link #addWaitingColumn}).
   *
   * @param reason one line, or {@code null} when it resumes
   * @return {@code false} if this owner no longer holds the lease
   */
  public boolean saveWaiting(String name, String owner, String reason) throws SQLException {
    if (!hasWaitingColumn()) {
      return true;
    }
    String line = reason == null || reason.length() <= Errors.MAX_LENGTH ? reason
        : reason.substring(0, Errors.MAX_LENGTH - 3) + "...";
    return database.call(connection -> update(connection,
        "UPDATE {godwit_migrations} SET {waiting} = ?" + LEASE_HELD, line, name, owner) == 1);
  }

  /** Which of the key text columns the catalog shows as a character type of bounded length. */
  private List<String> boundedKeyColumns(Connection connection) throws SQLException {
    Dialect dialect = database.dialect();
    List<String> bounded = new ArrayList<>();
    for (StateTables.CatalogColumn found : StateTables.columns(connection, dialect, schema, table)) {
      int type = found.type();
      boolean character = type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR
          || type == java.sql.Types.NVARCHAR || type == java.sql.Types.NCHAR;
      for (String column : KEY_TEXT_COLUMNS) {
        if (dialect.fold(column).equals(found.name()) && character && found.size() > 0
            && found.size() < UNBOUNDED_LENGTH && !bounded.contains(column)) {
          bounded.add(column);
        }
      }
    }
    return bounded;
  }

  /** A migration's row, if the table and the row exist; never creates either. */
  public Optional<StoredState> find(String name) throws SQLException {
    if (!exists()) {
      return Optional.empty();
    }
    List<StoredState> found = query(" WHERE {name} = ?", name);
    return found.stream().findFirst();
  }

  /** Every row, by name; empty if the table does not exist. */
  public List<StoredState> all() throws SQLException {
    return exists() ? query(" ORDER BY {name}") : List.of();
  }

  /** Records a migration as {@code PENDING} unless it is already recorded. */
  public void ensureRow(String name, String table) throws SQLException {
    // A plain INSERT, not INSERT ... SELECT ... WHERE NOT EXISTS: at InnoDB's repeatable read the
    // SELECT takes shared next-key locks on the gap where the row would go, so runners recording
    // different migrations at once deadlock on each other's gap locks. Plain inserts of different
    // keys take only insert intention locks, which never conflict; a runner that loses the race
    // for the same key gets a duplicate key error and finds the row recorded.
    Retrier retrier = new Retrier(database.dialect(), name, ENSURE_ROW_RETRIES);
    try {
      retrier.run(() -> {
        if (find(name).isPresent()) {
          return null;
        }
        try {
          database.call(connection -> update(connection,
              "INSERT INTO {godwit_migrations} ({name}, {table_name}, {state}) VALUES (?, ?, ?)",
              name, table, MigrationState.PENDING.name()));
        } catch (SQLException e) {
          if (!database.dialect().isDuplicateKey(e)) {
            throw e;
          }
        }
        return null;
      });
    } catch (RowFailure e) {
      throw new IllegalStateException("recording a migration migrates no row", e);
    }
  }

  /**
   * Takes the lease of a migration whose lease is free or expired by the database's clock, marking
   * it {@code RUNNING}; the lease ends {@code lease} after the database's current time.
   *
   * @param now the time recorded as the run's start and heartbeat
   * @return whether this owner now holds it
   */
  public boolean claim(String name, String owner, Instant now, Duration lease, int batchSize,
      boolean reset) throws SQLException {
    String set = "UPDATE {godwit_migrations} SET {state} = ?, {owner} = ?, {lease_expires_at} = "
        + database.dialect().currentTimestampPlusMillis() + ","
        + " {heartbeat_at} = ?, {requested} = NULL, {error} = NULL, {error_row_id} = NULL,"
        + " {finished_at} = NULL, {batch_size} = ?, " + clearWaiting()
        + (reset
            ? "{started_at} = ?, {cursor_value} = NULL, {pass} = 0, {rows_visited} = 0,"
                + " {rows_changed} = 0, {estimated_total} = -1"
            : "{started_at} = COALESCE({started_at}, ?)");
    boolean claimed = database.call(connection -> update(connection, set + LEASE_FREE,
        MigrationState.RUNNING.name(), owner, lease.toMillis(), now, batchSize, now, name) == 1);
    if (claimed) {
      // the claim cleared any earlier request in the table; forget it here too
      localRequests.remove(name);
    }
    return claimed;
  }

  /**
   * Extends a held lease to {@code lease} after the database's current time.
   *
   * @param now the time recorded as the heartbeat
   * @return {@code false} if this owner no longer holds it
   */
  public boolean renew(String name, String owner, Instant now, Duration lease) throws SQLException {
    return database.call(connection -> update(connection,
        "UPDATE {godwit_migrations} SET {heartbeat_at} = ?, {lease_expires_at} = "
            + database.dialect().currentTimestampPlusMillis() + LEASE_HELD,
        now, lease.toMillis(), name, owner) == 1);
  }

  /** Records the estimated total of a held migration. */
  public boolean saveEstimate(String name, String owner, long total) throws SQLException {
    return database.call(connection -> update(connection,
        "UPDATE {godwit_migrations} SET {estimated_total} = ?" + LEASE_HELD, total, name, owner) == 1);
  }

  /**
   * Advances the cursor and counts inside a batch's own transaction, renewing the lease, and reads in
   * the same statement what was asked of the migration meanwhile, so that a batch costs no separate
   * query for it. The lease is extended to {@code lease} after the database's current time, which
   * inside the batch's transaction is the transaction's start, so the stored expiry is kept when
   * the heartbeat already wrote a later one.
   *
   * @param now the time recorded as the heartbeat
   * @return {@code CANCEL}, {@code PAUSE}, or empty
   * @throws LeaseLostException if this owner no longer holds the lease, so the batch must not commit
   */
  public Optional<String> saveProgress(Connection connection, Progress progress, String owner,
      Instant now, Duration lease) throws SQLException {
    String expiry = database.dialect().currentTimestampPlusMillis();
    String update = "UPDATE {godwit_migrations} SET {cursor_value} = ?, {pass} = ?,"
        + " {rows_visited} = ?, {rows_changed} = ?, {heartbeat_at} = ?, {lease_expires_at} ="
        + " CASE WHEN {lease_expires_at} > " + expiry + " THEN {lease_expires_at} ELSE " + expiry
        + " END" + LEASE_HELD;
    Object[] parameters = {progress.cursorText(), progress.pass(), progress.visited(),
        progress.changed(), now, lease.toMillis(), lease.toMillis(), progress.name(), owner};
    if (!database.dialect().returnsFromUpdate()) {
      if (update(connection, update, parameters) != 1) {
        throw new LeaseLostException(progress.name());
      }
      // the update holds the row's lock until the batch commits: this reads what it left
      try (PreparedStatement statement = prepare(connection,
              "SELECT {requested} FROM {godwit_migrations}" + LEASE_HELD, progress.name(), owner);
          ResultSet resultSet = statement.executeQuery()) {
        if (!resultSet.next()) {
          throw new LeaseLostException(progress.name());
        }
        return Optional.ofNullable(resultSet.getString(1));
      }
    }
    try (PreparedStatement statement = prepare(connection,
            database.dialect().returning(update, "{requested}"), parameters);
        ResultSet resultSet = statement.executeQuery()) {
      if (!resultSet.next()) {
        throw new LeaseLostException(progress.name());
      }
      return Optional.ofNullable(resultSet.getString(1));
    }
  }

  /**
   * What was asked of a held migration between batches.
   *
   * @return {@code CANCEL}, {@code PAUSE}, or empty; throws if the lease was lost
   */
  public Optional<String> requested(String name, String owner) throws SQLException {
    return database.call(connection -> requested(connection, name, owner));
  }

  /**
   * Like {@link #requested(String, String)}, on a connection the caller holds: a worker asks on its
   * batch connection, in the transaction its next batch then goes on in, sparing a connection from
   * the pool for every batch.
   */
  public Optional<String> requested(Connection connection, String name, String owner)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection,
        "SELECT {requested} FROM {godwit_migrations}" + LEASE_HELD, name, owner);
        ResultSet resultSet = statement.executeQuery()) {
      if (!resultSet.next()) {
        throw new LeaseLostException(name);
      }
      return Optional.ofNullable(resultSet.getString(1));
    }
  }

  /**
   * Ends a held run in a final or paused state, releasing the lease.
   *
   * @return {@code false} if this owner no longer held the lease
   */
  public boolean finish(String name, String owner, MigrationState state, Instant now, String error,
      String errorRowId) throws SQLException {
    Instant finishedAt = state == MigrationState.PAUSED ? null : now;
    localRequests.remove(name);
    return database.call(connection -> update(connection, "UPDATE {godwit_migrations} SET"
        + " {state} = ?, {finished_at} = ?, {heartbeat_at} = ?, {error} = ?, {error_row_id} = ?,"
        + " {owner} = NULL, {lease_expires_at} = NULL, {requested} = NULL" + clearingWaiting()
        + LEASE_HELD,
        state.name(), new Binding(ColumnType.INSTANT, finishedAt), now, error, errorRowId, name,
        owner) == 1);
  }

  /**
   * Asks the runner of a migration in one of {@code from} to stop; a migration no live runner holds
   * is moved to {@code stopped} at once.
   *
   * @return whether the migration was in one of those states
   */
  public boolean requestStop(String name, String request, MigrationState stopped, Instant now,
      MigrationState... from) throws SQLException {
    if (!exists()) {
      return false;
    }
    StringBuilder states = new StringBuilder(" AND {state} IN (");
    List<Object> parameters = new ArrayList<>();
    for (int i = 0; i < from.length; i++) {
      states.append(i == 0 ? "?" : ", ?");
      parameters.add(from[i].name());
    }
    states.append(')');
    String finished = stopped == MigrationState.PAUSED ? "" : ", {finished_at} = ?";
    List<Object> idle = new ArrayList<>(List.of(stopped.name()));
    if (!finished.isEmpty()) {
      idle.add(now);
    }
    idle.add(name);
    idle.addAll(parameters);
    List<Object> live = new ArrayList<>(List.of(request, name));
    live.addAll(parameters);
    String waiting = clearingWaiting();
    return database.call(connection -> update(connection, "UPDATE {godwit_migrations} SET"
        + " {state} = ?, {owner} = NULL, {lease_expires_at} = NULL, {requested} = NULL" + finished
        + waiting + LEASE_FREE + states, idle.toArray()) == 1
        || requestLive(connection, name, request, states.toString(), live));
  }

  private boolean requestLive(Connection connection, String name, String request, String states,
      List<Object> parameters) throws SQLException {
    if (update(connection, "UPDATE {godwit_migrations} SET {requested} = ?" + LEASE_LIVE + states,
        parameters.toArray()) != 1) {
      return false;
    }
    localRequests.put(name, request);
    return true;
  }

  /**
   * A request made through this store for a migration, which a run of this store's sees at once; a
   * request made elsewhere reaches a run through {@link #saveProgress} instead.
   */
  public Optional<String> requestedHere(String name) {
    return Optional.ofNullable(localRequests.get(name));
  }

  /** {@code waiting = NULL, } in an update's SET list, or nothing where the column is missing. */
  private String clearWaiting() throws SQLException {
    return hasWaitingColumn() ? "{waiting} = NULL, " : "";
  }

  /** {@code , waiting = NULL} at the end of an update's SET list, or nothing where it is missing. */
  private String clearingWaiting() throws SQLException {
    return hasWaitingColumn() ? ", {waiting} = NULL" : "";
  }

  private List<StoredState> query(String where, Object... parameters) throws SQLException {
    // a migration run by several workers counts what its ranges visited too
    String waiting = hasWaitingColumn() ? "{waiting}" : "NULL";
    String select = ranges.exists()
        ? "SELECT " + COLUMNS.replace("{rows_visited}, {rows_changed}",
            "{rows_visited} + COALESCE(godwit_range_visited, 0),"
                + " {rows_changed} + COALESCE(godwit_range_changed, 0)")
            + ", " + waiting + " FROM {godwit_migrations} LEFT JOIN ("
            + ranges.countsByMigration() + ") godwit_counts ON godwit_range_name = {name}"
        : "SELECT " + COLUMNS + ", " + waiting + " FROM {godwit_migrations}";
    return database.call(connection -> {
      List<StoredState> states = new ArrayList<>();
      try (PreparedStatement statement = prepare(connection, select + where, parameters);
          ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          states.add(read(resultSet));
        }
      }
      return states;
    });
  }

  private static StoredState read(ResultSet resultSet) throws SQLException {
    MigrationStatus status = new MigrationStatus(
        resultSet.getString(1),
        resultSet.getString(2),
        MigrationState.valueOf(resultSet.getString(3)),
        resultSet.getString(4),
        resultSet.getLong(5),
        resultSet.getLong(6),
        resultSet.getLong(7),
        resultSet.getInt(8),
        ColumnType.INSTANT.read(resultSet, 9),
        ColumnType.INSTANT.read(resultSet, 10),
        ColumnType.INSTANT.read(resultSet, 11),
        resultSet.getString(12),
        resultSet.getString(13),
        0,
        // a runner that died while it waited leaves its reason behind: only a running one waits
        MigrationState.RUNNING.name().equals(resultSet.getString(3)) ? resultSet.getString(18)
            : null);
    return new StoredState(status, resultSet.getInt(14), resultSet.getString(15),
        ColumnType.INSTANT.read(resultSet, 16), resultSet.getString(17));
  }

  /** The state table's DDL, with the type names of the database's dialect. */
  private static String createTable(Dialect dialect) {
    String instant = dialect.instantType();
    return ("CREATE TABLE IF NOT EXISTS {godwit_migrations} ("
        + "{name} " + dialect.textType(200) + " NOT NULL PRIMARY KEY,"
        + " {table_name} " + dialect.textType(200) + " NOT NULL,"
        + " {state} " + dialect.textType(16) + " NOT NULL,"
        + " {cursor_value} " + dialect.longTextType() + ","
        + " {rows_visited} BIGINT DEFAULT 0 NOT NULL,"
        + " {rows_changed} BIGINT DEFAULT 0 NOT NULL,"
        + " {estimated_total} BIGINT DEFAULT -1 NOT NULL,"
        + " {batch_size} INTEGER DEFAULT 0 NOT NULL,"
        + " {started_at} " + instant + ","
        + " {heartbeat_at} " + instant + ","
        + " {finished_at} " + instant + ","
        + " {error} " + dialect.textType(Errors.MAX_LENGTH) + ","
        + " {error_row_id} " + dialect.longTextType() + ","
        + " {pass} INTEGER DEFAULT 0 NOT NULL,"
        + " {owner} " + dialect.textType(200) + ","
        + " {lease_expires_at} " + instant + ","
        + " {requested} " + dialect.textType(16) + ","
        + " {" + WAITING + "} " + dialect.textType(Errors.MAX_LENGTH) + ")");
  }

  String sql(String template) {
    return database.dialect().sql(template.replace("{godwit_migrations}", tableToken));
  }

  int update(Connection connection, String template, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, template, parameters)) {
      return statement.executeUpdate();
    }
  }

  PreparedStatement prepare(Connection connection, String template, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql(template));
    try {
      for (int i = 0; i < parameters.length; i++) {
        bind(statement, i + 1, parameters[i]);
      }
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
    return statement;
  }

  static void bind(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value instanceof Binding binding) {
      binding.bind(statement, index);
    } else if (value instanceof Instant instant) {
      ColumnType.INSTANT.bind(statement, index, instant);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else if (value == null) {
      statement.setNull(index, java.sql.Types.VARCHAR);
    } else {
      statement.setString(index, value.toString());
    }
  }
}
