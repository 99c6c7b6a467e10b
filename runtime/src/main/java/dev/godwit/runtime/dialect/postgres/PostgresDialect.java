package dev.godwit.runtime.dialect.postgres;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * PostgreSQL: each write group is one statement over {@code unnest} of one text array per column
 * (and per key column, joined on every one of them), so a batch of any size costs the same number of
 * round trips. Values travel as their text form and are cast back, inside the statement, to the type
 * the column is declared with ({@code jsonb}, an enum type, {@code citext}...), read once per table
 * from the catalog.
 */
public final class PostgresDialect extends Dialect {

  private static final String TARGET = "godwit_target";
  private static final String VALUES = "godwit_values";

  /**
   * Declared types without their modifiers: casting to {@code varchar(20)} would silently truncate,
   * while assigning to the column checks the length and fails instead.
   */
  private static final String COLUMN_TYPES = "SELECT a.attname, format_type(a.atttypid, NULL)"
      + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0"
      + " AND NOT a.attisdropped";

  /** Column name → declared type, per quoted table name. */
  private final Map<String, Map<String, String>> columnTypes = new ConcurrentHashMap<>();

  PostgresDialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  /** An unqualified name resolves through {@code search_path}, not only the current schema. */
  @Override
  public Optional<String> unqualifiedSchema(Connection connection, Table<?> table)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT n.nspname"
        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.oid = to_regclass(?)")) {
      statement.setString(1, quote(table.name()));
      try (ResultSet resultSet = statement.executeQuery()) {
        return resultSet.next() ? Optional.of(resultSet.getString(1)) : Optional.empty();
      }
    }
  }

  /** {@code json} and {@code jsonb}, which the driver reports as {@code OTHER}. */
  @Override
  public boolean isJsonType(String typeName) {
    return typeName.equals("json") || typeName.equals("jsonb");
  }

  /** {@code citext}, the case-insensitive text extension, reported as {@code OTHER}. */
  @Override
  public boolean isCharacterType(String typeName) {
    return typeName.equals("citext");
  }

  @Override
  public String returning(String update, String column) {
    return update + " RETURNING " + column;
  }

  /**
   * {@inheritDoc}
   *
   * <p>PostgreSQL's {@code timestamptz + integer * interval} (PostgreSQL documentation, section 9.9,
   * date/time operators).
   */
  @Override
  public String currentTimestampPlusMillis() {
    return "CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '1 millisecond'";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code SET LOCAL lock_timeout}, which ends with the transaction (PostgreSQL documentation,
   * section 20.11, {@code lock_timeout}).
   */
  @Override
  public List<String> lockTimeout(Duration timeout) {
    return List.of("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'");
  }

  /**
   * {@inheritDoc}
   *
   * <p>An anonymous {@code DO} block raising an exception with the message (PostgreSQL
   * documentation, {@code DO} and PL/pgSQL {@code RAISE}), its body dollar-quoted.
   */
  @Override
  public String failUnlessZero(String violationsSql, String message) {
    return "DO $godwit$\nBEGIN\n  IF (" + violationsSql + ") <> 0 THEN\n    RAISE EXCEPTION USING"
        + " MESSAGE = " + stringLiteral(message) + ";\n  END IF;\nEND\n$godwit$";
  }

  /** SQLState {@code 55P03}, lock_not_available (PostgreSQL documentation, Appendix A). */
  @Override
  public boolean isLockTimeout(SQLException error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if ("55P03".equals(next.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Four statements, none holding a lock that blocks writes for longer than a catalog change
   * (PostgreSQL documentation, {@code ALTER TABLE}): the check constraint is added {@code NOT
   * VALID} (no scan), then validated (a scan under {@code SHARE UPDATE EXCLUSIVE}, which lets rows
   * be written meanwhile), then {@code SET NOT NULL} finds the validated constraint and skips its
   * own scan (PostgreSQL 12 and later), and the constraint is dropped. A constraint left by an
   * earlier try is reused.
   */
  @Override
  public List<String> setNotNull(Connection connection, String table, String column,
      String addedType, String constraint, ConstraintState constraintState) {
    String alter = "ALTER TABLE " + table;
    List<String> statements = new ArrayList<>();
    if (constraintState == ConstraintState.ABSENT) {
      statements.add(alter + " ADD CONSTRAINT " + constraint + " CHECK (" + column
          + " IS NOT NULL) NOT VALID");
    }
    if (constraintState != ConstraintState.VALIDATED) {
      statements.add(alter + " VALIDATE CONSTRAINT " + constraint);
    }
    statements.add(alter + " ALTER COLUMN " + column + " SET NOT NULL");
    statements.add(alter + " DROP CONSTRAINT IF EXISTS " + constraint);
    return statements;
  }

  /** From {@code pg_constraint}: its {@code convalidated} flag. */
  @Override
  public ConstraintState constraintState(Connection connection, String table, String constraint)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT convalidated FROM"
        + " pg_catalog.pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?")) {
      statement.setString(1, table);
      statement.setString(2, constraint);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return ConstraintState.ABSENT;
        }
        return rows.getBoolean(1) ? ConstraintState.VALIDATED : ConstraintState.NOT_VALIDATED;
      }
    }
  }

  /**
   * The other sessions holding a lock on the table, from {@code pg_locks} and {@code
   * pg_stat_activity} (PostgreSQL documentation, sections 28.2.3 and 54.12): a schema step needs
   * {@code ACCESS EXCLUSIVE}, which every other lock blocks, so each of them is what
   * {@code pg_blocking_pids} of the waiting step would have named. Each with its process id, state,
   * and how long its transaction has been open by the server's clock.
   */
  @Override
  public List<String> lockHolders(Connection connection, String table) throws SQLException {
    List<String> holders = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT a.pid, a.state,"
        + " CAST(EXTRACT(EPOCH FROM (clock_timestamp() - a.xact_start)) AS BIGINT)"
        + " FROM pg_catalog.pg_stat_activity a WHERE a.pid <> pg_backend_pid() AND a.pid IN"
        + " (SELECT l.pid FROM pg_catalog.pg_locks l WHERE l.relation = to_regclass(?)"
        + " AND l.granted) ORDER BY a.pid")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          int pid = rows.getInt(1);
          String state = rows.getString(2);
          long open = rows.getLong(3);
          String since = rows.wasNull() ? "" : ", its transaction open for " + open + " s";
          holders.add("session pid " + pid + " (" + state + since + ")");
        }
      }
    }
    return holders;
  }

  /**
   * {@inheritDoc}
   *
   * <p>PostgreSQL's {@code TEXT}, of no length limit but the value's size (PostgreSQL documentation,
   * section 8.3); a {@code VARCHAR(n)} column changed to it keeps its data without a table rewrite,
   * the two being binary coercible ({@code ALTER TABLE}, notes).
   */
  @Override
  public String longTextType() {
    return "TEXT";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code pg_class.reltuples}, kept by {@code VACUUM}, {@code ANALYZE} and {@code CREATE
   * INDEX} (PostgreSQL documentation, section 53.11, {@code pg_class}): {@code -1} (PostgreSQL 14
   * and later) or {@code 0} with no page counted means never gathered.
   */
  @Override
  public java.util.OptionalLong estimatedRows(Connection connection, Table<?> table)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT reltuples, relpages FROM pg_class WHERE oid = to_regclass(?)")) {
      statement.setString(1, qualified(table));
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return java.util.OptionalLong.empty();
        }
        double tuples = rows.getDouble(1);
        boolean gathered = tuples > 0 || (tuples == 0 && rows.getLong(2) > 0);
        return gathered ? java.util.OptionalLong.of((long) tuples) : java.util.OptionalLong.empty();
      }
    }
  }

  /**
   * The standbys' replay lag (unless {@link dev.godwit.runtime.RunOptions#maxReplicationLag()} is
   * zero), the WAL kept by replication slots (unless {@link
   * dev.godwit.runtime.RunOptions#maxRetainedWalBytes()} is zero) and autovacuum on the migrated
   * table (unless {@link dev.godwit.runtime.RunOptions#waitForAutovacuum()} is off). The lag and
   * autovacuum signals need the privileges of {@code pg_read_all_stats}; a run without them is
   * refused before it starts.
   */
  @Override
  public java.util.List<dev.godwit.runtime.HealthSignal> healthSignals(
      dev.godwit.runtime.RunOptions options) {
    java.util.List<dev.godwit.runtime.HealthSignal> signals = new java.util.ArrayList<>();
    if (!options.maxReplicationLag().isZero()) {
      signals.add(new PostgresReplicationLag(options.maxReplicationLag()));
    }
    if (options.maxRetainedWalBytes() > 0) {
      signals.add(new PostgresRetainedWal(options.maxRetainedWalBytes()));
    }
    if (options.waitForAutovacuum()) {
      signals.add(new PostgresAutovacuum(this));
    }
    return signals;
  }

  @Override
  protected boolean isTransientError(SQLException error) {
    // 40P01 deadlock_detected, 55P03 lock_not_available (a lock timeout), PostgreSQL Appendix A
    return "40P01".equals(error.getSQLState()) || "55P03".equals(error.getSQLState());
  }

  @Override
  protected boolean isClosedDatabase(SQLException error) {
    // 57P01-57P03: the server is shutting down or cannot accept connections now
    String state = error.getSQLState();
    return state != null && state.startsWith("57P");
  }

  @Override
  public void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object[]> rows)
      throws SQLException {
    String sql = "INSERT INTO " + qualified(table) + " ("
        + columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "))
        + ") SELECT " + casts(connection, table, columns) + " FROM " + unnest(columns.size())
        + " AS " + VALUES + "(" + valueNames(columns.size()) + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        statement.setArray(i + 1, textArray(connection, columns.get(i), rows, i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void update(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object> ids,
      List<Object[]> rows) throws SQLException {
    Map<String, String> types = columnTypes(connection, table);
    int keys = table.key().size();
    String sql = "UPDATE " + qualified(table) + " AS " + TARGET + " SET "
        + IntStream.range(0, columns.size())
            .mapToObj(i -> quote(columns.get(i).name()) + " = " + cast(types, columns.get(i), "c" + i))
            .collect(Collectors.joining(", "))
        + table.version().map(version -> ", " + quote(version.name()) + " = " + TARGET + "."
            + quote(version.name()) + " + 1").orElse("")
        + " FROM " + unnest(keys + columns.size()) + " AS " + VALUES + "(" + keyNames(keys) + ", "
        + valueNames(columns.size()) + ") WHERE "
        + IntStream.range(0, keys)
            .mapToObj(k -> TARGET + "." + quote(table.key().get(k).name()) + " = "
                + cast(types, table.key().get(k), "k" + k))
            .collect(Collectors.joining(" AND "));
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bindKeys(connection, statement, table, ids);
      for (int i = 0; i < columns.size(); i++) {
        statement.setArray(keys + i + 1, textArray(connection, columns.get(i), rows, i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    Map<String, String> types = columnTypes(connection, table);
    int keys = table.key().size();
    String keyList = table.key().stream().map(column -> quote(column.name()))
        .collect(Collectors.joining(", "));
    String sql = "DELETE FROM " + qualified(table) + " WHERE "
        + (keys == 1 ? keyList : "(" + keyList + ")") + " IN (SELECT "
        + IntStream.range(0, keys).mapToObj(k -> cast(types, table.key().get(k), "k" + k))
            .collect(Collectors.joining(", "))
        + " FROM " + unnest(keys) + " AS " + VALUES + "(" + keyNames(keys) + "))";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bindKeys(connection, statement, table, ids);
      statement.executeUpdate();
    }
  }

  /** Binds one text array per key column from the first parameter on. */
  private static void bindKeys(Connection connection, PreparedStatement statement, Table<?> table,
      List<Object> ids) throws SQLException {
    for (int k = 0; k < table.key().size(); k++) {
      statement.setArray(k + 1, textArray(connection, table.key().get(k),
          keyColumn(table, ids, k)));
    }
  }

  private static String keyNames(int count) {
    return IntStream.range(0, count).mapToObj(k -> "k" + k).collect(Collectors.joining(", "));
  }

  private static String unnest(int arrays) {
    return "unnest(" + IntStream.range(0, arrays).mapToObj(i -> "CAST(? AS text[])")
        .collect(Collectors.joining(", ")) + ")";
  }

  private static String valueNames(int count) {
    return IntStream.range(0, count).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
  }

  private String casts(Connection connection, Table<?> table, List<Column<?, ?>> columns)
      throws SQLException {
    Map<String, String> types = columnTypes(connection, table);
    return IntStream.range(0, columns.size()).mapToObj(i -> cast(types, columns.get(i), "c" + i))
        .collect(Collectors.joining(", "));
  }

  /** A text value cast to the column's declared type, or to its Java type's SQL type if unknown. */
  private String cast(Map<String, String> types, Column<?, ?> column, String valueName) {
    String declared = types.get(fold(column.name()));
    return "CAST(" + VALUES + "." + valueName + " AS "
        + (declared != null ? declared : column.type().sqlType()) + ")";
  }

  /** The declared type of every column of a table, read from the catalog once. */
  private Map<String, String> columnTypes(Connection connection, Table<?> table)
      throws SQLException {
    String name = qualified(table);
    Map<String, String> types = columnTypes.get(name);
    if (types != null) {
      return types;
    }
    Map<String, String> read = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMN_TYPES)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          read.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    if (!read.isEmpty()) {
      // A table not created yet is looked up again next time.
      columnTypes.put(name, Map.copyOf(read));
    }
    return read;
  }

  private static java.sql.Array textArray(Connection connection, Column<?, ?> column,
      List<Object[]> rows, int index) throws SQLException {
    List<Object> values = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      values.add(row[index]);
    }
    return textArray(connection, column, values);
  }

  private static java.sql.Array textArray(Connection connection, Column<?, ?> column,
      List<Object> values) throws SQLException {
    String[] texts = new String[values.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = column.type().encodeUnchecked(values.get(i));
    }
    return connection.createArrayOf("text", texts);
  }
}
