package dev.godwit.processor.behaviour;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Hand-written SQL, for tables whose columns are not of the types Godwit would create. */
final class Sql {

  private Sql() {}

  static void execute(DataSource database, String... statements) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      boolean mySql = dev.godwit.runtime.testing.TestDatabase.isMySql(connection);
      for (String sql : statements) {
        if (mySql && sql.matches("(?i)CREATE SCHEMA \\w+")) {
          // a MySQL schema is a database of the whole server, which every test shares
          statement.execute("DROP DATABASE IF EXISTS " + sql.substring("CREATE SCHEMA ".length()));
        }
        statement.execute(mySql ? dev.godwit.runtime.testing.TestDatabase.forMySql(sql) : sql);
      }
    }
  }

  /** Every row of a query, each as the list of its values in column order, as JDBC gives them. */
  static List<List<Object>> rows(DataSource database, String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            dev.godwit.runtime.testing.TestDatabase.isMySql(connection)
                ? dev.godwit.runtime.testing.TestDatabase.forMySql(query) : query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          row.add(value instanceof Number number && !(value instanceof java.math.BigDecimal)
              ? Long.valueOf(number.longValue())
              : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
