package dev.godwit.example.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The example's tables as they stand after the widen deploy: new nullable columns beside the old ones.
 * The SQL is the same on H2 and PostgreSQL.
 */
public final class Schema {

  private static final List<String> TABLES =
      List.of("chunks", "embeddings", "user_preferences", "users", "teams", "godwit_migrations");

  private static final List<String> CREATE = List.of(
      "CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, is_pro BOOLEAN,"
          + " plan VARCHAR(20))",
      "CREATE INDEX teams_name ON teams (name)",
      "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL, role VARCHAR(20),"
          + " preferences VARCHAR(1000))",
      "CREATE TABLE user_preferences (user_id BIGINT PRIMARY KEY, theme VARCHAR(40) NOT NULL,"
          + " email_opt_in BOOLEAN NOT NULL)",
      "CREATE TABLE embeddings (id BIGINT PRIMARY KEY, model VARCHAR(40) NOT NULL,"
          + " vector VARCHAR(2000) NOT NULL)",
      "CREATE TABLE chunks (id BIGINT PRIMARY KEY, embedding_id BIGINT NOT NULL,"
          + " text VARCHAR(2000) NOT NULL)",
      "CREATE INDEX chunks_embedding ON chunks (embedding_id)");

  private Schema() {}

  /**
   * Drops the example's tables (and Godwit's state) if they exist, then creates them empty.
   *
   * @param dataSource the database
   * @throws SQLException if a statement fails
   */
  public static void recreate(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
      for (String sql : CREATE) {
        statement.execute(sql);
      }
    }
  }
}
