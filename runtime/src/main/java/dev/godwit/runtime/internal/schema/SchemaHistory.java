package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code godwit_schema_history} table beside the state table: one row per schema step applied,
 * with its phase, table, column, kind and statements, when it was applied by the database's clock,
 * and by which worker. Created on first use.
 */
final class SchemaHistory {

  /** The table's name, a plain identifier. */
  static final String TABLE = "godwit_schema_history";

  /** The longest statements text kept: far more than any step's. */
  private static final int STATEMENTS_LENGTH = 100_000;

  private final Database database;
  private final String schema;
  private final String worker;

  /**
   * @param schema the state table's schema (a plain identifier), or {@code null} for the current
   * @param worker the migrator's worker name, recorded as who applied each step
   */
  SchemaHistory(Database database, String schema, String worker) {
    this.database = database;
    this.schema = schema;
    this.worker = worker;
  }

  /** The table as SQL names it; the dialect is known only once the migrator has connected. */
  private String qualified() {
    Dialect dialect = database.dialect();
    return (schema == null ? "" : dialect.quote(schema) + ".") + dialect.quote(TABLE);
  }

  /** Creates the table unless it exists. */
  void ensureTable() throws SQLException {
    Dialect dialect = database.dialect();
    String qualified = qualified();
    database.call(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(dialect.sql("CREATE TABLE IF NOT EXISTS " + qualified + " ("
            + "{phase} " + dialect.textType(16) + " NOT NULL,"
            + " {table_name} " + dialect.textType(200) + " NOT NULL,"
            + " {column_name} " + dialect.textType(200) + ","
            + " {kind} " + dialect.textType(32) + " NOT NULL,"
            + " {statements} " + dialect.textType(STATEMENTS_LENGTH) + " NOT NULL,"
            + " {applied_at} " + dialect.instantType() + " NOT NULL,"
            + " {applied_by} " + dialect.textType(200) + " NOT NULL)"));
      } catch (SQLException e) {
        // PostgreSQL's IF NOT EXISTS can still fail when another process creates it at once
        try (Statement statement = connection.createStatement()) {
          statement.executeQuery("SELECT COUNT(*) FROM " + qualified).close();
        } catch (SQLException absent) {
          e.addSuppressed(absent);
          throw e;
        }
      }
      return null;
    });
  }

  /** Records a step in the connection's transaction, dated by the database's clock. */
  void record(Connection connection, SchemaStep step) throws SQLException {
    Dialect dialect = database.dialect();
    try (PreparedStatement statement = connection.prepareStatement(dialect.sql("INSERT INTO "
        + qualified() + " ({phase}, {table_name}, {column_name}, {kind}, {statements},"
        + " {applied_at}, {applied_by}) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)"))) {
      String statements = String.join(";\n", step.statements());
      statement.setString(1, step.phase().label());
      statement.setString(2, step.table());
      statement.setString(3, step.column().orElse(null));
      statement.setString(4, step.kind().name());
      statement.setString(5, statements.length() <= STATEMENTS_LENGTH ? statements
          : statements.substring(0, STATEMENTS_LENGTH));
      statement.setString(6, worker);
      statement.executeUpdate();
    }
  }
}
