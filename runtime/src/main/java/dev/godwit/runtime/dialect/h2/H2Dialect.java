package dev.godwit.runtime.dialect.h2;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * H2: each write group is one statement over {@code UNNEST} of one array per column, a {@code MERGE}
 * for updates and deletes, matched on one array per key column. Embedded, a JDBC batch would cost no
 * round trip per row either, but H2 would plan, look up and lock each row in a statement of its own.
 */
public final class H2Dialect extends Dialect {

  /** H2's own codes for a deadlock, a lock timeout, and a row changed by a concurrent transaction. */
  private static final int DEADLOCK = 40001;
  /** How many times in a row the other sessions must be seen quiet before a table copy. */
  private static final int QUIET_OBSERVATIONS = 3;

  /** Milliseconds between those observations. */
  private static final int QUIET_INTERVAL_MILLIS = 10;

  /** H2's {@code ADMIN_RIGHTS_REQUIRED}. */
  private static final int ADMIN_RIGHTS_REQUIRED = 90040;

  private static final int LOCK_TIMEOUT = 50200;
  private static final int CONCURRENT_UPDATE = 90131;
  private static final int DATABASE_IS_CLOSED = 90098;
  private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

  private static final String TARGET = "godwit_target";
  private static final String VALUES = "godwit_values";

  H2Dialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
  }

  @Override
  public String name() {
    return "H2";
  }

  @Override
  public String returning(String update, String column) {
    return "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
  }

  /**
   * {@inheritDoc}
   *
   * <p>H2 has no statement that raises an error of the user's choosing, so the message is cast to
   * an integer when the count is not zero: H2 then fails with "Data conversion error converting"
   * followed by the message (SQLState {@code 22018}). The cast depends on the counted value, so H2
   * cannot evaluate it ahead of the count.
   */
  @Override
  public String failUnlessZero(String violationsSql, String message) {
    return "SELECT CASE WHEN guard.violations = 0 THEN 0 ELSE CAST(CONCAT("
        + stringLiteral(message + " (violations: ") + ", guard.violations, ')') AS INT) END"
        + " FROM (SELECT (" + violationsSql + ") AS violations) guard";
  }

  /**
   * {@inheritDoc}
   *
   * <p>H2's {@code DATEADD(MILLISECOND, n, CURRENT_TIMESTAMP)}, which keeps the time zone of its
   * {@code TIMESTAMP WITH TIME ZONE} argument (H2 documentation, functions, DATEADD).
   */
  @Override
  public String currentTimestampPlusMillis() {
    return "DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)";
  }

  /**
   * {@inheritDoc}
   *
   * <p>H2's {@code SET LOCK_TIMEOUT}, which lasts the session (H2 documentation, "SET
   * LOCK_TIMEOUT"): {@link #restoreLockTimeout} puts back the session's own.
   */
  @Override
  public List<String> lockTimeout(Duration timeout) {
    return List.of("SET LOCK_TIMEOUT " + timeout.toMillis());
  }

  /** The session's lock timeout, from H2's {@code LOCK_TIMEOUT()} function. */
  @Override
  public List<String> restoreLockTimeout(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
      return rows.next() ? List.of("SET LOCK_TIMEOUT " + rows.getLong(1)) : List.of();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>H2 2.x adds and drops a column by copying the table, and writes that other sessions commit
   * while the copy runs are lost: measured on H2 2.3.232 with two sessions updating rows of a
   * 100,000-row table one statement at a time, {@code ADD COLUMN} and {@code DROP COLUMN} left 18,000
   * to 28,000 of the updated rows with their old values, {@code SET NOT NULL} and {@code DROP NOT
   * NULL} none. So an {@code ADD COLUMN} or {@code DROP COLUMN} step runs with the database in
   * exclusive mode, which pauses the other sessions' statements until it is switched off (H2
   * documentation, "SET EXCLUSIVE"), once no other session runs a statement or holds uncommitted
   * changes (waiting at
   * most the step's lock timeout, then failing as a lock timeout, so the step is retried), and
   * exclusive mode is switched off again however the statement ends. Exclusive mode needs admin
   * rights; without them the step is refused in one sentence.
   */
  @Override
  public void executeSchemaStatement(Statement statement, SchemaStep.Kind kind, String sql)
      throws SQLException {
    if (kind != SchemaStep.Kind.ADD_COLUMN && kind != SchemaStep.Kind.DROP_COLUMN) {
      statement.execute(sql);
      return;
    }
    try {
      statement.execute("SET EXCLUSIVE 1");
    } catch (SQLException e) {
      if (e.getErrorCode() != ADMIN_RIGHTS_REQUIRED) {
        throw e;
      }
      throw new SQLException("H2 copies the table to add or drop a column and loses the writes"
          + " other sessions commit meanwhile, so Godwit runs that step with the database in"
          + " exclusive mode, which needs admin rights; apply the step as an admin user, or stop"
          + " the application's writes and run the plan's SQL yourself", e.getSQLState(),
          e.getErrorCode(), e);
    }
    try {
      awaitNoOtherUncommittedWork(statement);
      statement.execute(sql);
    } finally {
      statement.execute("SET EXCLUSIVE 0");
    }
  }

  /**
   * Waits, up to the session's lock timeout, until no other session is running a statement or holds
   * uncommitted changes: a statement that was running when exclusive mode began (exclusive mode
   * pauses statements as they start) finishes and commits before the copy starts. Fails with H2's
   * lock timeout error when the time is up. A statement that had just passed H2's exclusive-mode
   * check when the mode began may not show as running yet, so the sessions must be seen quiet
   * {@value #QUIET_OBSERVATIONS} times in a row, {@value #QUIET_INTERVAL_MILLIS} ms apart.
   */
  private static void awaitNoOtherUncommittedWork(Statement statement) throws SQLException {
    long timeoutMillis;
    try (ResultSet rows = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
      timeoutMillis = rows.next() ? rows.getLong(1) : 0;
    }
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    int quiet = 0;
    while (quiet < QUIET_OBSERVATIONS) {
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
          + " WHERE SESSION_ID <> SESSION_ID()"
          + " AND (CONTAINS_UNCOMMITTED OR EXECUTING_STATEMENT IS NOT NULL)")) {
        quiet = rows.next() && rows.getLong(1) == 0 ? quiet + 1 : 0;
      }
      if (quiet == 0 && System.nanoTime() >= deadline) {
        throw new SQLException("another session held uncommitted changes for the whole lock"
            + " timeout of " + timeoutMillis + " ms", "HYT00", LOCK_TIMEOUT);
      }
      try {
        Thread.sleep(quiet == 0 ? 1 : QUIET_INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for other sessions to commit", e);
      }
    }
  }

  /** H2's {@code LOCK_TIMEOUT_1} (50200), SQLState {@code HYT00}. */
  @Override
  public boolean isLockTimeout(SQLException error) {
    for (SQLException next = error; next != null; next = next.getNextException()) {
      if (next.getErrorCode() == LOCK_TIMEOUT) {
        return true;
      }
    }
    return error.getCause() instanceof SQLException cause && cause != error
        && isLockTimeout(cause);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code INFORMATION_SCHEMA.TABLES.ROW_COUNT_ESTIMATE} (H2 documentation, information schema),
   * which H2 keeps without scanning.
   */
  @Override
  public java.util.OptionalLong estimatedRows(Connection connection, Table<?> table)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT ROW_COUNT_ESTIMATE"
        + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      statement.setString(1, table.schema().map(this::fold).orElse(connection.getSchema()));
      statement.setString(2, fold(table.name()));
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return java.util.OptionalLong.empty();
        }
        long estimate = rows.getLong(1);
        return rows.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(estimate);
      }
    }
  }

  @Override
  protected boolean isTransientError(SQLException error) {
    int code = error.getErrorCode();
    return code == DEADLOCK || code == LOCK_TIMEOUT || code == CONCURRENT_UPDATE;
  }

  @Override
  protected boolean isClosedDatabase(SQLException error) {
    int code = error.getErrorCode();
    return code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN;
  }

  @Override
  public void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object[]> rows)
      throws SQLException {
    String sql = "INSERT INTO " + qualified(table) + " (" + names(columns) + ") SELECT * FROM "
        + unnest(columns, 0);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        statement.setObject(i + 1, array(table, columns.get(i), rows, i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void update(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object> ids,
      List<Object[]> rows) throws SQLException {
    String sql = merge(table, columns) + " WHEN MATCHED THEN UPDATE SET "
        + IntStream.range(0, columns.size())
            .mapToObj(i -> quote(columns.get(i).name()) + " = " + VALUES + ".c" + i)
            .collect(Collectors.joining(", "))
        + table.version().map(version -> ", " + quote(version.name()) + " = " + TARGET + "."
            + quote(version.name()) + " + 1").orElse("");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int key = bindKeys(statement, table, ids);
      for (int i = 0; i < columns.size(); i++) {
        statement.setObject(key + i + 1, array(table, columns.get(i), rows, i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    String sql = merge(table, List.of()) + " WHEN MATCHED THEN DELETE";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bindKeys(statement, table, ids);
      statement.executeUpdate();
    }
  }

  /**
   * A {@code MERGE} of the rows whose keys are the first arrays (one per key column, named
   * {@code k0, k1...}), the columns' arrays following, matched on every key column.
   */
  private String merge(Table<?> table, List<Column<?, ?>> columns) {
    List<Column<?, ?>> arrays = new ArrayList<>(table.key().size() + columns.size());
    arrays.addAll(table.key());
    arrays.addAll(columns);
    return "MERGE INTO " + qualified(table) + " AS " + TARGET + " USING "
        + unnest(arrays, table.key().size()) + " ON "
        + IntStream.range(0, table.key().size())
            .mapToObj(i -> TARGET + "." + quote(table.key().get(i).name()) + " = " + VALUES + ".k"
                + i)
            .collect(Collectors.joining(" AND "));
  }

  /** Binds one array per key column from the first parameter on; returns how many it bound. */
  private static int bindKeys(PreparedStatement statement, Table<?> table, List<Object> ids)
      throws SQLException {
    int keys = table.key().size();
    for (int k = 0; k < keys; k++) {
      statement.setObject(k + 1, array(table, table.key().get(k), keyColumn(table, ids, k)));
    }
    return keys;
  }

  /**
   * One array parameter per column, each cast to an array of a type that holds every value of the
   * column's Java type exactly: assigning to the column then converts, rounds and checks each value
   * as binding it alone would. The first {@code keys} arrays are named {@code k0, k1...}, the others
   * {@code c0, c1...}.
   */
  private static String unnest(List<Column<?, ?>> arrays, int keys) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < arrays.size(); i++) {
      names.add(i < keys ? "k" + i : "c" + (i - keys));
    }
    return "UNNEST(" + arrays.stream().map(H2Dialect::cast).collect(Collectors.joining(", "))
        + ") AS " + VALUES + "(" + String.join(", ", names) + ")";
  }

  private static String cast(Column<?, ?> column) {
    ColumnType<?> type = column.type();
    String element = switch (type.storedType().jdbcType()) {
      // NUMERIC(38, 10) would round a value of a wider column; DECFLOAT keeps any BigDecimal
      case Types.NUMERIC -> "DECFLOAT";
      case Types.TIMESTAMP -> "TIMESTAMP(9)";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP(9) WITH TIME ZONE";
      default -> type.storedType().sqlType();
    };
    return "CAST(? AS " + element + " ARRAY)";
  }

  private static Object[] array(Table<?> table, Column<?, ?> column, List<Object[]> rows,
      int index) {
    List<Object> values = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      values.add(row[index]);
    }
    return array(table, column, values);
  }

  private static Object[] array(Table<?> table, Column<?, ?> column, List<Object> values) {
    Object[] elements = new Object[values.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = element(table, column, values.get(i));
    }
    return elements;
  }

  /**
   * A value as its column type binds it alone: an instant at UTC, an enum by name, JSON as its text.
   *
   * @throws ClassCastException if the value is not of the column's Java type, which an array would
   *     otherwise convert silently
   */
  private static Object element(Table<?> table, Column<?, ?> column, Object value) {
    if (value == null) {
      return null;
    }
    ColumnType<?> type = column.type();
    if (!type.javaType().isInstance(value)) {
      throw new ClassCastException(table + "." + column.name() + " holds "
          + type.javaType().getSimpleName() + " values, not " + value.getClass().getSimpleName()
          + " (" + value + "); set a " + type.javaType().getSimpleName());
    }
    if (type.storedType() != type) {
      value = type.toStored(value);
      type = type.storedType();
      if (value == null) {
        return null;
      }
    }
    if (type == ColumnType.INSTANT) {
      return OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
    }
    if (type.jdbcType() == Types.VARCHAR && type != ColumnType.STRING) {
      return type.encodeUnchecked(value);
    }
    return value;
  }

  private String names(List<Column<?, ?>> columns) {
    return columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
  }
}
