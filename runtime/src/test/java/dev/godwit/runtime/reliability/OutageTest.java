package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.User;
import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The database goes away in the middle of a run, and comes back. */
class OutageTest {

  private static final int ROWS = 1_000;
  private static final int BATCH_SIZE = 50;
  private static final long OUTAGE_AT_ROW = 437;

  /** Short, so that the rerun soon takes over the claim the stopped run could not release. */
  private static final Duration LEASE = Duration.ofSeconds(1);

  private static final RunOptions OPTIONS =
      RunOptions.defaults().withBatchSize(BATCH_SIZE).withLeaseDuration(LEASE);

  @RegisterExtension final Databases databases = new Databases();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aServerStoppedMidBatchStopsTheRunWithAClearErrorAndARerunFinishesTheSameTable(
      TestDatabase kind) {
    DatabaseServer server = databases.startServer(kind);
    Db db = AuditedRename.fill(new Db(kind, server.dataSource()), ROWS);
    AtomicBoolean stopped = new AtomicBoolean();
    Migration<User> migration = AuditedRename.migration((ctx, user) -> {
      if (user.id() == OUTAGE_AT_ROW && !stopped.getAndSet(true)) {
        server.stop();
      }
    });

    MigrationException error = assertThrows(MigrationException.class,
        () -> db.migrator().run(migration, OPTIONS));
    server.start();

    assertTrue(error.getMessage().startsWith("Cannot reach the database at "
        + server.endpoint().url().split("[?;]")[0] + " ("), error.getMessage());
    assertTrue(error.getMessage().endsWith("check that it is running and that its URL and"
        + " credentials are right."), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), error.getMessage());
    long committed = OUTAGE_AT_ROW / BATCH_SIZE * BATCH_SIZE;
    MigrationStatus status = db.migrator().status(AuditedRename.NAME).orElseThrow();
    assertEquals(Long.toString(committed), status.cursor());
    assertEquals(committed, status.rowsVisited());
    assertEquals(committed, AuditedRename.assertAppliedExactlyOnceUpToTheCursor(db));

    RunResult rerun = Await.runOnceFree(db.migrator(), migration, OPTIONS);

    assertTrue(rerun.succeeded(), rerun.status().error());
    AuditedRename.assertFinishedLike(db, ROWS,
        AuditedRename.uninterruptedResult(kind, ROWS, OPTIONS));
  }

  @Test
  void connectionsTerminatedMidBatchStopTheRunRecordingWhereAndWhyAndARerunFinishesAtOnce() {
    Db db = AuditedRename.fill(databases.create(TestDatabase.POSTGRES), ROWS);
    AtomicBoolean terminated = new AtomicBoolean();
    Migration<User> migration = AuditedRename.migration((ctx, user) -> {
      if (user.id() == OUTAGE_AT_ROW && !terminated.getAndSet(true)) {
        db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
      }
    });

    MigrationException error = assertThrows(MigrationException.class,
        () -> db.migrator().run(migration, OPTIONS));

    assertTrue(error.getMessage().startsWith("Cannot reach the database at jdbc:postgresql:"),
        error.getMessage());
    assertTrue(error.getMessage().contains("terminating connection due to administrator command"),
        error.getMessage());
    long committed = OUTAGE_AT_ROW / BATCH_SIZE * BATCH_SIZE;
    MigrationStatus status = db.migrator().status(AuditedRename.NAME).orElseThrow();
    assertEquals(MigrationState.FAILED, status.state());
    assertEquals("MigrationException: " + error.getMessage(), status.error());
    assertEquals(Long.toString(committed), status.cursor());
    assertEquals(committed, status.rowsVisited());
    assertEquals(committed, AuditedRename.assertAppliedExactlyOnceUpToTheCursor(db));

    RunResult rerun = db.migrator().run(migration,
        OPTIONS.withLeaseDuration(RunOptions.DEFAULT_LEASE));

    assertTrue(rerun.succeeded(), rerun.status().error());
    AuditedRename.assertFinishedLike(db, ROWS,
        AuditedRename.uninterruptedResult(TestDatabase.POSTGRES, ROWS, OPTIONS));
  }
}
