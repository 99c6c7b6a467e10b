package dev.godwit.runtime.dialect.postgres;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
