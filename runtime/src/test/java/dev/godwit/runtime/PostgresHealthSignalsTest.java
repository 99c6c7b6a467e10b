package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's built-in health signals, their SQL run against the embedded server: healthy on a
 * lone server, holding a run back while a replication slot nobody consumes keeps WAL, and refusing
 * a user who cannot see the statistics they read, and while a real autovacuum worker vacuums the
 * migrated table. (The embedded server runs no standby, so the replication lag signal is seen
 * healthy only.)
 */
class PostgresHealthSignalsTest {

  private static final String NAME = "users.throttled";

  @Test
  void onALoneServerEveryBuiltInSignalIsHealthyAndCanSeeWhatItReads() throws Exception {
    Db db = User.withAudit(TestDatabase.POSTGRES, 1);
    try (Connection connection = db.dataSource.getConnection()) {
      List<HealthSignal> signals = Dialect.of(connection).healthSignals(RunOptions.defaults());

      assertEquals(List.of("postgresql.replication-lag", "postgresql.replication-slots",
          "postgresql.autovacuum"), signals.stream().map(HealthSignal::name).toList());
      for (HealthSignal signal : signals) {
        assertEquals(Optional.empty(), signal.missingPrivilege(connection, User.TABLE));
        assertEquals(Optional.empty(), signal.check(connection, User.TABLE), signal.name());
      }
    }
  }

  @Test
  void eachThresholdAtZeroLeavesItsSignalOut() throws Exception {
    Db db = new Db(TestDatabase.POSTGRES);
    try (Connection connection = db.dataSource.getConnection()) {
      List<HealthSignal> signals = Dialect.of(connection).healthSignals(RunOptions.defaults()
          .withMaxReplicationLag(Duration.ZERO).withMaxRetainedWalBytes(0)
          .withWaitForAutovacuum(false));

      assertEquals(List.of(), signals);
    }
  }

  @Test
  void aReplicationSlotNobodyConsumesHoldsTheRunBackUntilItIsDropped() {
    Db db = User.withAudit(TestDatabase.POSTGRES, 30);
    String slot = "godwit_test_slot_" + ProcessHandle.current().pid();
    // reserves WAL from now on, as a standby's slot does once the standby goes away
    db.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
    try {
      db.execute("CREATE TABLE wal_filler AS SELECT generate_series(1, 10000) AS n");
      Migration<User> migration = User.audited(NAME, (ctx, user) -> { });

      RunResult paused = db.migrator().run(migration, RunOptions.defaults()
          .withMaxRetainedWalBytes(1).withHealthCheckInterval(Duration.ofMillis(10))
          .withMaxHealthWait(Duration.ofMillis(50)));

      assertEquals(MigrationState.PAUSED, paused.status().state());
      assertTrue(paused.status().error().contains("postgresql.replication-slots: physical"
          + " replication slot " + slot + " (inactive: nothing consumes it) keeps "),
          paused.status().error());
      assertTrue(paused.status().error().contains(" bytes of WAL, more than the 1 allowed"),
          paused.status().error());
      assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    } finally {
      db.execute("SELECT pg_drop_replication_slot('" + slot + "')");
    }
    RunResult resumed = db.migrator().run(User.audited(NAME, (ctx, user) -> { }),
        RunOptions.defaults().withMaxRetainedWalBytes(1));

    assertTrue(resumed.succeeded(), String.valueOf(resumed.status().error()));
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
  }

  @Test
  void aUserWithoutThePrivilegesOfPgReadAllStatsIsRefusedBeforeAnythingChanges() throws Exception {
    Db admin = User.withAudit(TestDatabase.POSTGRES, 10);
    String role = "godwit_plain_" + System.nanoTime();
    admin.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'plain'",
        "GRANT ALL ON SCHEMA public TO " + role,
        "GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role,
        "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
    PGSimpleDataSource plain = new PGSimpleDataSource();
    try (Connection connection = admin.dataSource.getConnection()) {
      plain.setUrl(connection.getMetaData().getURL());
    }
    plain.setUser(role);
    plain.setPassword("plain");
    Db db = new Db(TestDatabase.POSTGRES, plain);

    MigrationException refused = assertThrows(MigrationException.class,
        () -> db.migrator().run(User.audited(NAME, (ctx, user) -> { })));

    assertEquals(ErrorCode.HEALTH_SIGNAL_REFUSED, refused.code());
    assertEquals("Migration " + NAME + " is refused: its health signal postgresql.replication-lag"
        + " cannot see the standbys' replay lag without the privileges of pg_read_all_stats"
        + " (GRANT pg_monitor TO " + role + "); grant the privilege, or turn the signal off (its"
        + " threshold at zero, or without the default health signals).", refused.getMessage());
    assertEquals(0, admin.count("SELECT COUNT(*) FROM pg_tables WHERE tablename ="
        + " 'godwit_migrations'"));

    // without the signals that read other users' statistics it runs
    RunResult result = db.migrator().run(User.audited(NAME, (ctx, user) -> { }),
        RunOptions.defaults().withMaxReplicationLag(Duration.ZERO).withWaitForAutovacuum(false));
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertFalse(admin.migrator().status(NAME).isEmpty());
  }

  @Test
  void anAutovacuumWorkerOnTheMigratedTableHoldsTheRunBack() throws Exception {
    Db db = User.withAudit(TestDatabase.POSTGRES, 20_000);
    // dead rows for autovacuum to clear, at a crawl: 100 ms asleep after every page it reads
    db.execute("ALTER TABLE users SET (autovacuum_vacuum_threshold = 0,"
            + " autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_cost_delay = 100,"
            + " autovacuum_vacuum_cost_limit = 1, autovacuum_analyze_threshold = 1000000000)",
        "UPDATE users SET role = 'dead'");
    db.execute("ALTER SYSTEM SET autovacuum_naptime = 1", "SELECT pg_reload_conf()");
    try {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
      while (db.count("SELECT COUNT(*) FROM pg_stat_progress_vacuum v JOIN pg_stat_activity a"
          + " ON a.pid = v.pid WHERE a.backend_type = 'autovacuum worker'"
          + " AND v.relid = 'users'::regclass") == 0) {
        assertTrue(System.nanoTime() < deadline, "autovacuum never started on users");
        Thread.sleep(100);
      }

      RunResult paused = db.migrator().run(User.audited(NAME, (ctx, user) -> { }),
          RunOptions.defaults().withHealthCheckInterval(Duration.ofMillis(10))
              .withMaxHealthWait(Duration.ofMillis(50)));

      assertEquals(MigrationState.PAUSED, paused.status().state());
      assertTrue(paused.status().error().contains("postgresql.autovacuum: autovacuum works on"
          + " users ("), paused.status().error());
      assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    } finally {
      db.execute("ALTER SYSTEM RESET autovacuum_naptime", "SELECT pg_reload_conf()");
      // a conflicting lock cancels the crawling worker
      db.execute("DROP TABLE users");
    }
  }
}
