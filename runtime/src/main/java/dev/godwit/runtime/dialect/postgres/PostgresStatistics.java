package dev.godwit.runtime.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the health signals need to read PostgreSQL's statistics views. The lag columns of {@code
 * pg_stat_replication} and the {@code relid} of another user's backend in {@code
 * pg_stat_progress_vacuum} are shown only to superusers and to roles with the privileges of {@code
 * pg_read_all_stats} (PostgreSQL 10+, "Monitoring Database Activity": other users see them as
 * NULL), so a signal reading them without those privileges would always find the database healthy.
 */
final class PostgresStatistics {

  private PostgresStatistics() {}

  /**
   * Empty if the current user may read every backend's statistics; otherwise the clause saying so.
   *
   * @param what what the signal cannot see without the privilege
   */
  static Optional<String> missingReadAllStats(Connection connection, String what)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT pg_has_role(current_user, 'pg_read_all_stats', 'USAGE'), current_user");
        ResultSet row = statement.executeQuery()) {
      row.next();
      if (row.getBoolean(1)) {
        return Optional.empty();
      }
      return Optional.of("cannot see " + what + " without the privileges of pg_read_all_stats"
          + " (GRANT pg_monitor TO " + row.getString(2) + ")");
    }
  }

  /** Seconds as people read them: {@code 12.5 s}. */
  static String seconds(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
  }
}
