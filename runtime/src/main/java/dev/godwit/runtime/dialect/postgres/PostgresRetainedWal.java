package dev.godwit.runtime.dialect.postgres;

import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Waits while a replication slot keeps more WAL on this server than allowed: the bytes from the
 * slot's {@code restart_lsn} ("the address (LSN) of oldest WAL which still might be required by the
 * consumer of this slot and thus won't be automatically removed during checkpoints",
 * {@code pg_replication_slots}) to the current WAL position. A standby or subscriber that is
 * down or slow keeps its slot's WAL growing, and a migration writing more WAL would fill the
 * primary's disk with it. The view needs no privilege.
 */
final class PostgresRetainedWal implements HealthSignal {

  private final long maxBytes;

  PostgresRetainedWal(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public String name() {
    return "postgresql.replication-slots";
  }

  @Override
  public Optional<String> check(Connection connection, Table<?> table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT slot_name, slot_type, active,"
                + " pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint AS retained"
                + " FROM pg_replication_slots WHERE restart_lsn IS NOT NULL"
                + " ORDER BY retained DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next() || rows.getLong(4) <= maxBytes) {
        return Optional.empty();
      }
      return Optional.of(rows.getString(2) + " replication slot " + rows.getString(1) + " ("
          + (rows.getBoolean(3) ? "active" : "inactive: nothing consumes it") + ") keeps "
          + rows.getLong(4) + " bytes of WAL, more than the " + maxBytes + " allowed");
    }
  }
}
