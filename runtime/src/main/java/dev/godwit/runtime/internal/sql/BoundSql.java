package dev.godwit.runtime.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A statement's text with its parameters, every value bound, never spliced into the text. */
public record BoundSql(String text, List<Binding> bindings) {

  public BoundSql {
    bindings = List.copyOf(bindings);
  }

  /** A prepared statement with every parameter bound; the caller closes it. */
  public PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(text);
    try {
      bindTo(statement);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
    return statement;
  }

  /** Binds every parameter of a statement prepared from this text. */
  public void bindTo(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < bindings.size(); i++) {
      bindings.get(i).bind(statement, i + 1);
    }
  }

  /** Runs an {@code UPDATE}, {@code INSERT} or {@code DELETE}. */
  public int executeUpdate(Connection connection) throws SQLException {
    try (PreparedStatement statement = prepare(connection)) {
      return statement.executeUpdate();
    }
  }
}
