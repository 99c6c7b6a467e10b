package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock timeout of a run's batch connection: set at the start of every batch's transaction, so
 * that a batch never holds the rows it locked while it waits long for another, and given back as
 * the session had it when the run ends (H2's setting lasts the session; PostgreSQL's {@code SET
 * LOCAL} ends with each transaction by itself).
 */
final class BatchLockTimeout {

  private static final Logger LOG = LoggerFactory.getLogger(BatchLockTimeout.class);

  private final List<String> set;
  private final List<String> restore;

  private BatchLockTimeout(List<String> set, List<String> restore) {
    this.set = set;
    this.restore = restore;
  }

  /**
   * The timeout for batches on a connection, reading what to give back first.
   *
   * @param timeout the longest wait; zero leaves the database's own setting alone
   * @param migration names the migration in the warning logged when the dialect cannot bound a
   *     lock wait ({@link Dialect#lockTimeout} refuses): its batches then wait as the database
   *     decides, as they did before lock waits were bounded
   * @throws SQLException if the session's own setting cannot be read
   */
  static BatchLockTimeout of(Connection connection, Dialect dialect, Duration timeout,
      String migration) throws SQLException {
    if (timeout.isZero()) {
      return new BatchLockTimeout(List.of(), List.of());
    }
    List<String> set;
    try {
      set = dialect.lockTimeout(timeout);
    } catch (MigrationException e) {
      // an unbounded wait delays writers but writes nothing wrong: run as before, and say so
      LOG.warn("Migration {}: the {} dialect cannot bound how long a batch waits for a lock, so"
          + " its batches wait as the database decides; give the dialect lockTimeout and"
          + " isLockTimeout to bound them.", migration, dialect.name());
      return new BatchLockTimeout(List.of(), List.of());
    }
    List<String> restore = dialect.restoreLockTimeout(connection);
    // the read above may have opened a transaction; the first batch starts a clean one
    connection.commit();
    return new BatchLockTimeout(set, restore);
  }

  /** Sets the timeout; the first statements of a batch's transaction. */
  void apply(Connection connection) throws SQLException {
    run(connection, set);
  }

  /** Gives the session its own timeout back; a broken connection is closed anyway, so quietly. */
  void restore(Connection connection) {
    if (restore.isEmpty()) {
      return;
    }
    try {
      connection.rollback();
      run(connection, restore);
      connection.commit();
    } catch (SQLException e) {
      LOG.debug("Could not give the batch connection its lock timeout back: {}",
          Errors.oneLine(e));
    }
  }

  private static void run(Connection connection, List<String> statements) throws SQLException {
    if (statements.isEmpty()) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
