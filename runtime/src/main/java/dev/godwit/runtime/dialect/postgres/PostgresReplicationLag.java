package dev.godwit.runtime.dialect.postgres;

import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits while a standby (or logical subscriber) connected to this server replays its WAL more than
 * the allowed lag behind, by {@code pg_stat_replication.replay_lag} (PostgreSQL 10+): "time elapsed
 * between flushing recent WAL locally and receiving notification that this standby server has
 * written, flushed and applied it". Its {@code write_lag} (written, not yet flushed) and {@code
 * flush_lag} (flushed, not yet applied) measure earlier stages of the same WAL and never exceed it,
 * so {@code replay_lag}, how stale a hot standby's reads are, is the one compared. The view
 * shows the last measured lag for a while after a standby caught up with an idle server and then
 * NULL, which is healthy; a standby still in state {@code catchup} (streaming the WAL it missed
 * while disconnected) is behind by definition and waited for. A standby that is disconnected is
 * not in the view at all: its replication slot's retained WAL shows it instead ({@link
 * PostgresRetainedWal}).
 */
final class PostgresReplicationLag implements HealthSignal {

  private final Duration maxLag;

  PostgresReplicationLag(Duration maxLag) {
    this.maxLag = maxLag;
  }

  @Override
  public String name() {
    return "postgresql.replication-lag";
  }

  @Override
  public Optional<String> missingPrivilege(Connection connection, Table<?> table)
      throws SQLException {
    return PostgresStatistics.missingReadAllStats(connection, "the standbys' replay lag");
  }

  @Override
  public Optional<String> check(Connection connection, Table<?> table) throws SQLException {
    // the worst standby first; a base backup's WAL sender (state backup) replays nothing
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT application_name, client_addr::text, state,"
                + " EXTRACT(EPOCH FROM replay_lag)::float8"
                + " FROM pg_stat_replication WHERE state IN ('catchup', 'streaming')"
                + " ORDER BY state = 'catchup' DESC, replay_lag DESC NULLS LAST");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      String standby = "standby " + rows.getString(1)
          + (rows.getString(2) == null ? "" : " (" + rows.getString(2) + ")");
      if ("catchup".equals(rows.getString(3))) {
        return Optional.of(standby + " is catching up on the WAL it missed");
      }
      double lag = rows.getDouble(4);
      if (rows.wasNull() || lag * 1000 <= maxLag.toMillis()) {
        return Optional.empty();
      }
      return Optional.of(standby + " replays " + PostgresStatistics.seconds(lag)
          + " behind, more than the " + PostgresStatistics.seconds(maxLag.toMillis() / 1000.0)
          + " allowed");
    }
  }
}
