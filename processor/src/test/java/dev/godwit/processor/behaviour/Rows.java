package dev.godwit.processor.behaviour;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Row;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Creates, fills and reads a generated table with plain JDBC, independently of the migration engine,
 * so that tests check what is really stored.
 */
final class Rows {

  private Rows() {}

  /** A new database holding one table with some rows. */
  @SafeVarargs
  static <T> DataSource databaseWith(TestDatabase kind, Table<T> table, T... entities)
      throws SQLException {
    DataSource database = kind.newDatabase();
    create(database, table);
    insert(database, table, entities);
    return database;
  }

  static void create(DataSource database, Table<?> table) throws SQLException {
    String columns = table.columns().stream()
        .map(column -> column.name() + " " + column.type().sqlType())
        .collect(Collectors.joining(", "));
    String key = table.key().stream().map(Column::name).collect(Collectors.joining(", "));
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      String create = "CREATE TABLE " + table.name() + " (" + columns + ", PRIMARY KEY (" + key + "))";
      statement.execute(dev.godwit.runtime.testing.TestDatabase.isMySql(connection)
          ? dev.godwit.runtime.testing.TestDatabase.forMySql(create) : create);
    }
  }

  @SafeVarargs
  static <T> void insert(DataSource database, Table<T> table, T... entities) throws SQLException {
    String names = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    String marks = table.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + table.name() + " (" + names + ") VALUES (" + marks + ")")) {
      for (T entity : entities) {
        Map<Column<T, ?>, Object> values = table.valuesOf(entity).values();
        for (int i = 0; i < table.columns().size(); i++) {
          Column<T, ?> column = table.columns().get(i);
          column.type().bindUnchecked(insert, i + 1, values.get(column));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Every row, in key order, read through the generated row reader. */
  static <T> List<T> all(DataSource database, Table<T> table) throws SQLException {
    List<Column<T, ?>> columns = table.columns();
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    List<T> entities = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT " + names + " FROM " + table.name() + " ORDER BY " + table.key().stream()
                .map(Column::name).collect(Collectors.joining(", ")))) {
      Row row = new Row() {
        @Override
        public <V> V get(Column<?, V> column) throws SQLException {
          return column.type().read(rows, columns.indexOf(column) + 1);
        }
      };
      while (rows.next()) {
        entities.add(table.read(row));
      }
    }
    return entities;
  }

  /** Runs one statement, as a schema tool or an old application instance would. */
  static void execute(DataSource database, String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of every row a query returns, as plain JDBC reads it. */
  static List<Object> query(DataSource database, String sql) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getObject(1));
      }
    }
    return values;
  }

  /** Writes some columns of one row, as an application instance still on the old version would. */
  static <T> void update(DataSource database, Table<T> table, Object id, Patch<T> patch)
      throws SQLException {
    List<Column<T, ?>> columns = new ArrayList<>(patch.values().keySet());
    String sets = columns.stream().map(column -> column.name() + " = ?").collect(Collectors.joining(", "));
    try (Connection connection = database.getConnection();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE " + table.name() + " SET " + sets + " WHERE " + table.id().name() + " = ?")) {
      for (int i = 0; i < columns.size(); i++) {
        columns.get(i).type().bindUnchecked(update, i + 1, patch.values().get(columns.get(i)));
      }
      table.id().type().bindUnchecked(update, columns.size() + 1, id);
      update.executeUpdate();
    }
  }
}
