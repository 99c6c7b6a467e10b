package dev.godwit.example.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The example's tables as the application before the lifecycle left them, deploy 0: {@code teams}
 * has a required {@code is_pro} and no {@code plan}, {@code users} no {@code role}, and there is no
 * {@code user_preferences} table. Everything deploy 1's code needs beyond that comes from the expand
 * phase that Godwit plans from the generated schemas. The SQL is the same on H2 and PostgreSQL.
 */
public final class Schema {

  private static final List<String> TABLES = List.of("chunks", "embeddings", "user_preferences",
      "users", "teams", "godwit_migrations", "godwit_schema_history");

  private static final List<String> CREATE = List.of(
      "CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
          + " is_pro BOOLEAN NOT NULL)",
      "CREATE INDEX teams_name ON teams (name)",
      "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL,"
          + " preferences VARCHAR(1000))",
      "CREATE TABLE embeddings (id BIGINT PRIMARY KEY, model VARCHAR(40) NOT NULL,"
          + " vector VARCHAR(2000) NOT NULL)",
      "CREATE TABLE chunks (id BIGINT PRIMARY KEY, embedding_id BIGINT NOT NULL,"
          + " text VARCHAR(2000) NOT NULL)",
      "CREATE INDEX chunks_embedding ON chunks (embedding_id)");

  private Schema() {}

  /**
   * Drops the example's tables (and Godwit's state and schema history) if they exist, then creates
   * deploy 0's tables empty.
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
