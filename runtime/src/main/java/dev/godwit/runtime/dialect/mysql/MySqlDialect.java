package dev.godwit.runtime.dialect.mysql;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * MySQL 8 and MariaDB 10.6 and later, through MariaDB Connector/J or MySQL Connector/J.
 *
 * <p>Writes: an update is one {@code UPDATE ... JOIN} over a temporary table of the batch's keys and
 * values, made from the target's own columns, so it changes only rows that still exist and never
 * inserts one (no {@code REPLACE}, no {@code ON DUPLICATE KEY UPDATE}), and a text key is matched
 * in its column's own collation, as the table's unique index matches it; a delete is one
 * {@code DELETE ... WHERE key IN (...)}, whose parameters take the key column's collation; an
 * insert one multi-row {@code VALUES}. A statement binds at most {@value #MAX_PARAMETERS} values
 * (the protocol's limit on a prepared statement's parameters), so a batch wider than that is split
 * into that many rows a statement: a constant number of statements for a given batch size.
 *
 * <p>Reads: the engine reads a batch at read committed with {@code FOR UPDATE}, which under InnoDB
 * locks the rows read and takes no gap locks (MySQL reference manual, 17.7.2.1, "READ
 * COMMITTED"). {@code SKIP LOCKED} and {@code UPDATE ... RETURNING} are never used: MariaDB before
 * 10.6 lacks the first, and MariaDB has only {@code DELETE/INSERT ... RETURNING}.
 *
 * <p>Names are quoted with backticks, which MySQL and MariaDB accept whether or not
 * {@code ANSI_QUOTES} is set. Plain names are not folded: on Linux (with the default
 * {@code lower_case_table_names = 0}) a table's name is case-sensitive as written, while column
 * names are never case-sensitive, so an entity's table name must be written as the table was
 * created.
 */
public final class MySqlDialect extends Dialect {

  /** MySQL's error numbers (MySQL server error reference). */
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final int DEADLOCK = 1213;
  private static final int DUPLICATE_ENTRY = 1062;
  private static final int SERVER_SHUTDOWN = 1053;
  private static final int CONNECTION_KILLED = 1927;

  /**
   * How long, in seconds, a batch waits for a row lock the application holds before InnoDB gives
   * up with error 1205, which the engine retries: a batch must not stall an application behind it
   * for the server's default of 50 seconds.
   */
  static final int BATCH_LOCK_WAIT_SECONDS = 5;

  /** The most parameters one prepared statement may bind (a 16-bit count in the protocol). */
  static final int MAX_PARAMETERS = 65_535;

  private static final String TARGET = "godwit_target";
  private static final String VALUES = "godwit_values";

  MySqlDialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
  }

  @Override
  public String name() {
    return "MySQL/MariaDB";
  }

  @Override
  protected char identifierQuote() {
    return '`';
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code LONGTEXT}: MySQL's and MariaDB's {@code VARCHAR} needs a length, and a row holds at most
   * 65,535 bytes of them, while a {@code LONGTEXT} holds up to 4 GiB stored off the row (MySQL
   * documentation, "String Type Storage Requirements").
   */
  @Override
  public String longTextType() {
    return "LONGTEXT";
  }

  /**
   * {@inheritDoc}
   *
   * <p>MySQL's {@code ALTER TABLE t MODIFY COLUMN c type}, which has no {@code SET DATA TYPE} form;
   * it redefines the whole column, so it is used only on the state table's nullable columns without
   * a default, whose definition is just their type.
   */
  @Override
  public String alterColumnType(String table, String column, String type) {
    return "ALTER TABLE " + table + " MODIFY COLUMN " + column + " " + type;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sets both of the session's waits, in whole seconds (at least one, MySQL's smallest):
   * {@code innodb_lock_wait_timeout}, how long a statement waits for a row lock (a batch), and
   * {@code lock_wait_timeout}, how long it waits for a metadata lock (a schema step); either ends
   * with error 1205 (MySQL reference manual, "InnoDB Startup Options and System Variables" and
   * "Server System Variables"). Session settings: {@link #restoreLockTimeout} puts back the
   * session's own.
   */
  @Override
  public List<String> lockTimeout(java.time.Duration timeout) {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    return List.of("SET SESSION innodb_lock_wait_timeout = " + seconds,
        "SET SESSION lock_wait_timeout = " + seconds);
  }

  /** The session's two waits, as {@link #lockTimeout} found them. */
  @Override
  public List<String> restoreLockTimeout(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("SELECT"
            + " @@SESSION.innodb_lock_wait_timeout, @@SESSION.lock_wait_timeout")) {
      return rows.next()
          ? List.of("SET SESSION innodb_lock_wait_timeout = " + rows.getLong(1),
              "SET SESSION lock_wait_timeout = " + rows.getLong(2))
          : List.of();
    }
  }

  /** Error 1205, {@code ER_LOCK_WAIT_TIMEOUT}, for a row lock and a metadata lock alike. */
  @Override
  public boolean isLockTimeout(SQLException error) {
    for (Throwable next = error; next != null; next = next.getCause()) {
      if (next instanceof SQLException sql && sql.getErrorCode() == LOCK_WAIT_TIMEOUT) {
        return true;
      }
      if (next.getCause() == next) {
        break;
      }
    }
    return false;
  }

  /** A MySQL database is a JDBC catalog; {@code schema = "billing"} names the database. */
  @Override
  public boolean schemasAreCatalogs() {
    return true;
  }

  /** Never called: {@link #returnsFromUpdate()} is {@code false}. */
  @Override
  public String returning(String update, String column) {
    throw new UnsupportedOperationException("MySQL and MariaDB have no UPDATE ... RETURNING");
  }

  @Override
  public boolean returnsFromUpdate() {
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Bounds the session's {@code innodb_lock_wait_timeout} to {@value #BATCH_LOCK_WAIT_SECONDS}
   * seconds, keeping a lower one the session already has, and remembers the session's value in a
   * session variable for {@link #endBatches}.
   */
  @Override
  public void beginBatches(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET @godwit_lock_wait_timeout = @@SESSION.innodb_lock_wait_timeout,"
          + " SESSION innodb_lock_wait_timeout = LEAST(@@SESSION.innodb_lock_wait_timeout, "
          + BATCH_LOCK_WAIT_SECONDS + ")");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Gives the session back the {@code innodb_lock_wait_timeout} it had before
   * {@link #beginBatches}.
   */
  @Override
  public void endBatches(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION innodb_lock_wait_timeout = COALESCE(@godwit_lock_wait_timeout,"
          + " @@GLOBAL.innodb_lock_wait_timeout), @godwit_lock_wait_timeout = NULL");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TIMESTAMPADD} on {@code CURRENT_TIMESTAMP(6)}, the statement's start to the
   * microsecond (MySQL reference manual, 14.7, date and time functions).
   */
  @Override
  public String currentTimestampPlusMillis() {
    return "TIMESTAMPADD(MICROSECOND, CAST(? AS SIGNED) * 1000, CURRENT_TIMESTAMP(6))";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TIMESTAMP(6)}, which stores UTC and converts to and from the session's time zone, so
   * that an expiry compares with {@code CURRENT_TIMESTAMP} alike in every session. Godwit assumes
   * {@code explicit_defaults_for_timestamp} is on, the default of MySQL 8 and MariaDB 10.10 and
   * later: where it is off, the first {@code TIMESTAMP} column of a table is set to the current
   * time on every update of its row.
   */
  @Override
  public String instantType() {
    return "TIMESTAMP(6)";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code JSON}: MySQL's own type; in MariaDB an alias of {@code LONGTEXT} that the catalog
   * reports as such.
   */
  @Override
  public boolean isJsonType(String typeName) {
    return typeName.equals("json");
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code TIMESTAMP}: stored in UTC, converted from and to the session's time zone (MySQL
   * reference manual, 13.2.2, "The DATE, DATETIME, and TIMESTAMP Types"). {@code DATETIME} keeps
   * no zone, so an {@code Instant} there would depend on the session's and the JVM's zones: it is
   * refused as SQL's {@code TIMESTAMP} is.
   */
  @Override
  public boolean isInstantType(String typeName) {
    return typeName.equals("timestamp");
  }

  @Override
  public boolean isDuplicateKey(SQLException error) {
    return error.getErrorCode() == DUPLICATE_ENTRY || super.isDuplicateKey(error);
  }

  @Override
  protected boolean isTransientError(SQLException error) {
    int code = error.getErrorCode();
    return code == DEADLOCK || code == LOCK_WAIT_TIMEOUT;
  }

  @Override
  protected boolean isClosedDatabase(SQLException error) {
    int code = error.getErrorCode();
    return code == SERVER_SHUTDOWN || code == CONNECTION_KILLED;
  }

  @Override
  public void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object[]> rows) throws SQLException {
    String row = "(" + placeholders(columns.size()) + ")";
    String head = "INSERT INTO " + qualified(table) + " ("
        + columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "))
        + ") VALUES ";
    for (List<Object[]> chunk : chunks(rows, columns.size())) {
      String sql = head + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int index = 1;
        for (Object[] values : chunk) {
          for (int i = 0; i < columns.size(); i++) {
            columns.get(i).type().bindUnchecked(statement, index++, values[i]);
          }
        }
        statement.executeUpdate();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The batch's keys and values go into a temporary table made from the target's own columns
   * ({@code CREATE TEMPORARY TABLE ... AS SELECT ... LIMIT 0}), so that each value is converted,
   * checked and collated exactly as the column would: a derived table of parameters would take
   * its types from the values and silently cut a long text to 65,535 bytes. One {@code UPDATE ...
   * JOIN} then writes every row that still exists; the temporary table is dropped after it.
   */
  @Override
  public void update(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object> ids, List<Object[]> rows) throws SQLException {
    int keys = table.key().size();
    String set = IntStream.range(0, columns.size())
        .mapToObj(i -> TARGET + "." + quote(columns.get(i).name()) + " = " + VALUES + ".c" + i)
        .collect(Collectors.joining(", "))
        + table.version().map(version -> ", " + TARGET + "." + quote(version.name()) + " = "
            + TARGET + "." + quote(version.name()) + " + 1").orElse("");
    String on = IntStream.range(0, keys)
        .mapToObj(k -> TARGET + "." + quote(table.key().get(k).name()) + " = " + VALUES + ".k" + k)
        .collect(Collectors.joining(" AND "));
    String create = "CREATE TEMPORARY TABLE " + VALUES + " AS SELECT "
        + IntStream.range(0, keys + columns.size())
            .mapToObj(i -> i < keys ? quote(table.key().get(i).name()) + " AS k" + i
                : quote(columns.get(i - keys).name()) + " AS c" + (i - keys))
            .collect(Collectors.joining(", "))
        + " FROM " + qualified(table) + " LIMIT 0";
    String row = "(" + placeholders(keys + columns.size()) + ")";
    try (Statement statement = connection.createStatement()) {
      statement.execute(create);
      try {
        List<Integer> all = IntStream.range(0, ids.size()).boxed().toList();
        for (List<Integer> chunk : chunks(all, keys + columns.size())) {
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VALUES
              + " VALUES " + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)))) {
            int index = 1;
            for (int at : chunk) {
              index = bindKey(insert, index, table, ids.get(at));
              for (int i = 0; i < columns.size(); i++) {
                columns.get(i).type().bindUnchecked(insert, index++, rows.get(at)[i]);
              }
            }
            insert.executeUpdate();
          }
        }
        statement.executeUpdate("UPDATE " + qualified(table) + " AS " + TARGET + " JOIN " + VALUES
            + " ON " + on + " SET " + set);
      } finally {
        statement.execute("DROP TEMPORARY TABLE " + VALUES);
      }
    }
  }

  @Override
  public void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    int keys = table.key().size();
    String keyList = table.key().stream().map(column -> quote(column.name()))
        .collect(Collectors.joining(", "));
    String one = keys == 1 ? "?" : "(" + placeholders(keys) + ")";
    for (List<Object> chunk : chunks(ids, keys)) {
      // a key compared with a parameter is compared in the key column's collation
      String sql = "DELETE FROM " + qualified(table) + " WHERE "
          + (keys == 1 ? keyList : "(" + keyList + ")") + " IN ("
          + String.join(", ", java.util.Collections.nCopies(chunk.size(), one)) + ")";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int index = 1;
        for (Object id : chunk) {
          index = bindKey(statement, index, table, id);
        }
        statement.executeUpdate();
      }
    }
  }

  /** Binds one key's values from {@code index} on; returns the next index. */
  private static int bindKey(PreparedStatement statement, int index, Table<?> table, Object id)
      throws SQLException {
    if (!table.hasCompositeKey()) {
      table.key().get(0).type().bindUnchecked(statement, index, id);
      return index + 1;
    }
    List<?> values = (List<?>) id;
    for (int k = 0; k < values.size(); k++) {
      table.key().get(k).type().bindUnchecked(statement, index++, values.get(k));
    }
    return index;
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** Rows split so that no statement binds more than {@link #MAX_PARAMETERS} values. */
  private static <T> List<List<T>> chunks(List<T> rows, int width) {
    int size = Math.max(1, MAX_PARAMETERS / Math.max(1, width));
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
    }
    return chunks;
  }
}
