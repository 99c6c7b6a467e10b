package dev.godwit.processor.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads stored values with plain JDBC, independently of Godwit and of Hibernate. */
final class Jdbc {

  private Jdbc() {}

  /** The first column of every row of a query, as text. */
  static List<String> strings(DataSource database, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
