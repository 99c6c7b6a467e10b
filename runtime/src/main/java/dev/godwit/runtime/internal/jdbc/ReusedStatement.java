package dev.godwit.runtime.internal.jdbc;

import dev.godwit.runtime.internal.sql.BoundSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One statement prepared once and bound again for each batch of a run, as long as its text and
 * connection stay the same. H2 never caches the plan of a {@code SELECT ... FOR UPDATE}, so preparing
 * the batch's read afresh parsed and planned it once per batch. A replaced statement is closed; the
 * last one is closed with its connection, which a run always closes. Not thread-safe: a run reads its
 * batches on one thread.
 */
public final class ReusedStatement {

  private Connection connection;
  private String text;
  private PreparedStatement statement;

  /** The statement of {@code sql} on {@code connection}, every parameter bound to its values. */
  public PreparedStatement bind(Connection connection, BoundSql sql) throws SQLException {
    if (statement == null || this.connection != connection || !text.equals(sql.text())
        || statement.isClosed()) {
      close();
      statement = connection.prepareStatement(sql.text());
      this.connection = connection;
      text = sql.text();
    }
    try {
      sql.bindTo(statement);
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
    return statement;
  }

  private void close() throws SQLException {
    PreparedStatement replaced = statement;
    statement = null;
    connection = null;
    text = null;
    if (replaced != null) {
      replaced.close();
    }
  }
}
