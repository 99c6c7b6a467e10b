package dev.godwit.runtime.dialect.postgres;

import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Waits while an autovacuum worker vacuums the migrated table: {@code pg_stat_progress_vacuum} (one
 * row per backend running VACUUM, PostgreSQL 9.6+) joined with {@code pg_stat_activity} on the
 * backend's pid for its {@code backend_type} ({@code autovacuum worker}, PostgreSQL 10+), where the
 * vacuumed relation's {@code relid} is the table's oid. Batches written meanwhile add dead rows
 * behind the vacuum's scan, which it cannot clear until its next round; a VACUUM someone runs by
 * hand is theirs to time and is not waited for.
 */
final class PostgresAutovacuum implements HealthSignal {

  private final PostgresDialect dialect;

  PostgresAutovacuum(PostgresDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public String name() {
    return "postgresql.autovacuum";
  }

  @Override
  public Optional<String> missingPrivilege(Connection connection, Table<?> table)
      throws SQLException {
    return PostgresStatistics.missingReadAllStats(connection,
        "which table an autovacuum worker vacuums");
  }

  @Override
  public Optional<String> check(Connection connection, Table<?> table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT v.phase, EXTRACT(EPOCH FROM now() - a.xact_start)::float8"
                + " FROM pg_stat_progress_vacuum v JOIN pg_stat_activity a ON a.pid = v.pid"
                + " WHERE a.backend_type = 'autovacuum worker' AND v.relid = to_regclass(?)"
                + " LIMIT 1")) {
      statement.setString(1, dialect.qualified(table));
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of("autovacuum works on " + table.qualifiedName() + " (" + rows.getString(1)
            + ", for " + PostgresStatistics.seconds(rows.getDouble(2)) + ")");
      }
    }
  }
}
