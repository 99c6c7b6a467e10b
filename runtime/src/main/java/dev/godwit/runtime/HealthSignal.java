package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A sign of the database's health that a run waits on: while any of a run's signals says to wait,
 * the run starts no batch. Built-in signals come from the database's dialect (on PostgreSQL, the
 * standbys' replication lag, the WAL kept by replication slots and autovacuum on the migrated table;
 * on MySQL and MariaDB, the lag of the replicas given with {@link RunOptions#withReplicas}); more
 * are added with {@link RunOptions#withHealthSignals}.
 *
 * <p>A run asks its signals between batches, after a batch commits and before the next one starts,
 * on the run's own batch connection, outside any batch's transaction: the connection is not in
 * auto-commit mode and the run rolls back whatever the signal's statements began, so a signal writes
 * nothing through it (and reads fresh statistics each time). A signal may read other databases
 * too, such as replicas, on connections of its own. It asks at most once per {@link RunOptions#healthCheckInterval()} while they say healthy,
 * and again after each such interval while one says to wait. A signal is asked from the run's thread
 * only, but one signal object may be given to several runs at once.
 *
 * <p>A signal that throws is taken as saying to wait (with the exception's message as the reason):
 * the run cannot tell the database is healthy, and {@link RunOptions#maxHealthWait()} bounds how long
 * it waits before it pauses itself and says why.
 */
public interface HealthSignal {

  /**
   * What names the signal in logs and in reasons to wait.
   *
   * @return a short name, such as {@code postgresql.replication-lag}
   */
  String name();

  /**
   * Checks once, before the run claims its migration, that the signal can see what it measures: a
   * signal that cannot (a privilege the database user lacks) says so, and the run is refused before
   * it changes anything ({@link ErrorCode#HEALTH_SIGNAL_REFUSED}). By default it can.
   *
   * @param connection a connection of the run's database, in auto-commit mode
   * @param table the migrated table
   * @return empty when it can work; otherwise a clause naming what it cannot see and the privilege
   *     it needs, with a statement granting it ({@code cannot see the standbys' replay lag without
   *     the privileges of pg_read_all_stats (GRANT pg_monitor TO app)})
   * @throws SQLException if the database fails
   */
  default Optional<String> missingPrivilege(Connection connection, Table<?> table)
      throws SQLException {
    return Optional.empty();
  }

  /**
   * Whether the run may start its next batch.
   *
   * @param connection the run's batch connection, outside any transaction of a batch
   * @param table the migrated table
   * @return empty when healthy; otherwise one line saying why to wait, with the measured value and
   *     its threshold and their units ({@code standby replica1 replays 12.5 s behind, more than the 5 s
   *     allowed})
   * @throws SQLException if the database fails; the run then waits as if told to
   */
  Optional<String> check(Connection connection, Table<?> table) throws SQLException;
}
