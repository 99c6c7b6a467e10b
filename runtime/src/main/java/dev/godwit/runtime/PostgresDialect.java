package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * PostgreSQL: each write group is one statement over {@code unnest} of one text array per column, so a
 * batch of any size costs the same number of round trips. Values travel as their text form and are
 * cast back to the column's type inside the statement.
 */
final class PostgresDialect extends Dialect {

  private static final String TARGET = "godwit_target";
  private static final String VALUES = "godwit_values";

  PostgresDialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
  }

  @Override
  String name() {
    return "PostgreSQL";
  }

  @Override
  boolean isTransientError(SQLException error) {
    return false;
  }

  @Override
  boolean isClosedDatabase(SQLException error) {
    // 57P01-57P03: the server is shutting down or cannot accept connections now
    String state = error.getSQLState();
    return state != null && state.startsWith("57P");
  }

  @Override
  void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object[]> rows)
      throws SQLException {
    String sql = "INSERT INTO " + quote(table.name()) + " ("
        + columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "))
        + ") SELECT " + casts(columns) + " FROM " + unnest(columns.size()) + " AS " + VALUES + "("
        + valueNames(columns.size()) + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < columns.size(); i++) {
        statement.setArray(i + 1, textArray(connection, columns.get(i), rows, i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  void update(Connection connection, Table<?> table, List<Column<?, ?>> columns, List<Object> ids,
      List<Object[]> rows) throws SQLException {
    String sql = "UPDATE " + quote(table.name()) + " AS " + TARGET + " SET "
        + IntStream.range(0, columns.size())
            .mapToObj(i -> quote(columns.get(i).name()) + " = " + cast(columns.get(i), "c" + i))
            .collect(Collectors.joining(", "))
        + " FROM " + unnest(columns.size() + 1) + " AS " + VALUES + "(k, " + valueNames(columns.size())
        + ") WHERE " + TARGET + "." + quote(table.id().name()) + " = " + cast(table.id(), "k");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, textArray(connection, table.id(), ids));
      for (int i = 0; i < columns.size(); i++) {
        statement.setArray(i + 2, textArray(connection, columns.get(i), rows, i));
      }
      statement.executeUpdate();
    }
  }

  @Override
  void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    String sql = "DELETE FROM " + quote(table.name()) + " WHERE " + quote(table.id().name())
        + " IN (SELECT " + cast(table.id(), "k") + " FROM " + unnest(1) + " AS " + VALUES + "(k))";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, textArray(connection, table.id(), ids));
      statement.executeUpdate();
    }
  }

  private static String unnest(int arrays) {
    return "unnest(" + IntStream.range(0, arrays).mapToObj(i -> "CAST(? AS text[])")
        .collect(Collectors.joining(", ")) + ")";
  }

  private static String valueNames(int count) {
    return IntStream.range(0, count).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
  }

  private static String casts(List<Column<?, ?>> columns) {
    return IntStream.range(0, columns.size()).mapToObj(i -> cast(columns.get(i), "c" + i))
        .collect(Collectors.joining(", "));
  }

  private static String cast(Column<?, ?> column, String valueName) {
    return "CAST(" + VALUES + "." + valueName + " AS " + column.type().sqlType() + ")";
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
