package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CancelAndPauseTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void cancelFromAnotherThreadStopsBetweenBatchesAndARerunContinues(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 100);

    RunResult stopped = stopAfterThirdBatch(db, Migrator::cancel, false);

    assertEquals(MigrationState.CANCELED, stopped.status().state());
    assertEquals(30, stopped.status().rowsVisited());
    assertEquals("30", stopped.status().cursor());
    assertNotNull(stopped.status().finishedAt());
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
    assertResumesToTheEnd(db);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void pauseFromAnotherThreadStopsBetweenBatchesAndARerunContinues(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 100);

    RunResult stopped = stopAfterThirdBatch(db, Migrator::pause, false);

    assertEquals(MigrationState.PAUSED, stopped.status().state());
    assertEquals(30, stopped.status().rowsVisited());
    assertEquals("30", stopped.status().cursor());
    assertNull(stopped.status().finishedAt());
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
    assertResumesToTheEnd(db);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRequestFromAnotherProcessIsSeenWhenTheBatchInProgressRecordsItsCursor(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 100);

    // asked through another migrator (as another process would) after batch 3 recorded its cursor
    // and before batch 4 started: batch 4 brings the request back when it records its own
    RunResult stopped = stopAfterThirdBatch(db, Migrator::cancel, true);

    assertEquals(MigrationState.CANCELED, stopped.status().state());
    assertEquals(40, stopped.status().rowsVisited());
    assertEquals("40", stopped.status().cursor());
    assertEquals(40, db.count("SELECT COUNT(*) FROM audit"));
    assertResumesToTheEnd(db);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRequestFromAnotherProcessBeforeAPauseBetweenBatchesIsAnsweredBeforeTheNextBatch(
      TestDatabase kind) {
    Db db = User.withAudit(kind, 100);
    Migrator elsewhere = db.migrator();
    // asked after batch 1 recorded its cursor: only the check after the pause can see it in time
    RunOptions options = RunOptions.defaults().withPauseBetweenBatches(Duration.ofMillis(20))
        .withListener(status -> {
          if (status.rowsVisited() == 10) {
            elsewhere.cancel("users.rename");
          }
        });

    RunResult stopped = db.migrator().run(User.audited("users.rename", (ctx, user) -> {}), options);

    assertEquals(MigrationState.CANCELED, stopped.status().state());
    assertEquals(10, stopped.status().rowsVisited());
    assertEquals(10, db.count("SELECT COUNT(*) FROM audit"));
    assertResumesToTheEnd(db);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMigrationNoRunnerHoldsIsCanceledAtOnceAndOnlyARunningOneCanBePaused(TestDatabase kind) {
    Db db = User.withAudit(kind, 20);
    Migrator migrator = db.migrator();
    migrator.run(User.audited("users.rename", (ctx, user) -> {}),
        RunOptions.defaults().withListener(status -> migrator.pause("users.rename")));
    db.execute("UPDATE godwit_migrations SET state = 'RUNNING', owner = 'a runner that died',"
        + " lease_expires_at = TIMESTAMP WITH TIME ZONE '2001-01-01 00:00:00+00'");

    assertFalse(migrator.pause("users.unknown"));
    assertTrue(migrator.cancel("users.rename"));

    MigrationStatus status = migrator.status("users.rename").orElseThrow();
    assertEquals(MigrationState.CANCELED, status.state());
    assertNotNull(status.finishedAt());
    assertFalse(migrator.pause("users.rename"));
    assertFalse(migrator.cancel("users.rename"));
    assertEquals("10", status.cursor());
  }

  /**
   * Runs the audited migration on another thread and stops it from this one after batch 3, through
   * the migrator running it or through another one.
   */
  private static RunResult stopAfterThirdBatch(Db db, BiPredicate<Migrator, String> stop,
      boolean anotherMigrator) throws Exception {
    Migrator migrator = db.migrator();
    CountDownLatch thirdBatch = new CountDownLatch(1);
    CountDownLatch stopAsked = new CountDownLatch(1);
    RunOptions options = RunOptions.defaults().withListener(status -> {
      if (status.rowsVisited() == 30) {
        thirdBatch.countDown();
        Latches.await(stopAsked);
      }
    });
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> migrator.run(User.audited("users.rename", (ctx, user) -> {}), options));
    assertTrue(thirdBatch.await(30, TimeUnit.SECONDS));
    assertTrue(stop.test(anotherMigrator ? db.migrator() : migrator, "users.rename"));
    stopAsked.countDown();
    return run.get(30, TimeUnit.SECONDS);
  }

  private static void assertResumesToTheEnd(Db db) {
    RunResult resumed = db.migrator().run(User.audited("users.rename", (ctx, user) -> {}));

    assertTrue(resumed.succeeded());
    assertEquals(100, resumed.status().rowsVisited());
    assertEquals(100, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(100, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
  }
}
