package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeaseTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void twoMigratorsStartedOnOneMigrationOneRunsTheOtherIsRefused(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 30);
    CountDownLatch refused = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    Migration<User> migration = User.audited("users.rename", (ctx, user) -> {
      if (first.getAndSet(false)) {
        assertTrue(refused.await(30, TimeUnit.SECONDS));
      }
    });
    List<CompletableFuture<RunResult>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Migrator migrator = db.migrator();
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          return migrator.run(migration);
        } catch (MigrationAlreadyRunningException e) {
          refused.countDown();
          throw e;
        }
      }));
    }

    List<Object> outcomes = new ArrayList<>();
    for (CompletableFuture<RunResult> run : runs) {
      try {
        outcomes.add(run.join());
      } catch (CompletionException e) {
        outcomes.add(e.getCause());
      }
    }

    assertEquals(1, outcomes.stream().filter(RunResult.class::isInstance).count(), outcomes::toString);
    RunResult result = (RunResult) outcomes.stream().filter(RunResult.class::isInstance).findFirst()
        .orElseThrow();
    assertTrue(result.succeeded());
    MigrationAlreadyRunningException error = (MigrationAlreadyRunningException) outcomes.stream()
        .filter(MigrationAlreadyRunningException.class::isInstance).findFirst().orElseThrow();
    assertEquals("migration users.rename is already running in another runner", error.getMessage());
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStaleLeaseIsTakenOverAndTheRunContinuesAtItsCursor(TestDatabase kind) {
    Db db = runnerDiedAfterTwoBatches(kind, "2001-01-01 00:00:00+00");

    RunResult result = db.migrator().run(User.audited("users.rename", (ctx, user) -> {}));

    assertTrue(result.succeeded());
    assertEquals(50, result.status().rowsVisited());
    assertEquals(50, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(50, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLiveLeaseIsNeverTakenOver(TestDatabase kind) {
    Db db = runnerDiedAfterTwoBatches(kind, "2999-01-01 00:00:00+00");
    var state = db.stateSnapshot();

    assertThrows(MigrationAlreadyRunningException.class,
        () -> db.migrator().run(User.audited("users.rename", (ctx, user) -> {})));

    assertEquals(state, db.stateSnapshot());
    assertEquals(20, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theHeartbeatKeepsALongBatchsLeaseAliveBeyondItsLength(TestDatabase kind) throws Exception {
    Db db = User.withAudit(kind, 5);
    Duration lease = Duration.ofMillis(600);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    Migration<User> slow = User.audited("users.rename", (ctx, user) -> {
      if (first.getAndSet(false)) {
        assertTrue(release.await(30, TimeUnit.SECONDS));
      }
    });
    Migrator migrator = db.migrator();
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> migrator.run(slow, RunOptions.defaults().withLeaseDuration(lease)));

    waitForHeartbeatsBeyond(migrator, lease.multipliedBy(2));
    Throwable refused = assertThrows(MigrationException.class,
        () -> db.migrator().run(slow, RunOptions.defaults().withLeaseDuration(lease)));
    release.countDown();

    assertInstanceOf(MigrationAlreadyRunningException.class, refused);
    assertTrue(run.get(30, TimeUnit.SECONDS).succeeded());
    assertEquals(5, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunnerWhoseLeaseWasTakenOverCommitsNothingMore(TestDatabase kind) {
    Db db = User.withAudit(kind, 30);
    Migration<User> migration = User.audited("users.rename", (ctx, user) -> {
      if (user.id() == 15) {
        db.execute("UPDATE godwit_migrations SET owner = 'a runner that took over'");
      }
    });

    MigrationException lost = assertThrows(MigrationException.class,
        () -> db.migrator().run(migration));

    assertTrue(lost.getMessage().startsWith("Migration users.rename was taken over by another"
        + " runner"), lost.getMessage());
    assertEquals(10, db.count("SELECT COUNT(*) FROM audit"));
    var status = db.migrator().status("users.rename").orElseThrow();
    assertEquals("10", status.cursor());
    assertEquals(MigrationState.RUNNING, status.state());
  }

  /**
   * Runners recording different migrations at once, each on its own thread (the common pool has
   * one thread on a two-core machine): enough of them, and rounds enough, that InnoDB's gap locks
   * made an INSERT ... SELECT deadlock repeatedly.
   */
  private static final int RACERS = 8;
  private static final int ROUNDS = 5;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runnersRacingToCreateTheStateTableAllSucceed(TestDatabase kind) throws Exception {
    Db db = User.withAudit(kind, 10);
    ExecutorService threads = Executors.newFixedThreadPool(RACERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<Future<RunResult>> runs = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < RACERS; i++) {
          Migration<User> migration = Migration.on(User.TABLE, "users.race" + round + "." + i)
              .migrateOne((ctx, user) -> null);
          Migrator migrator = db.migrator();
          runs.add(threads.submit(() -> {
            Latches.await(start);
            return migrator.run(migration);
          }));
        }
        start.countDown();
        for (Future<RunResult> run : runs) {
          assertTrue(run.get().succeeded());
        }
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(RACERS * ROUNDS, db.migrator().status().size());
  }

  /** A migration whose runner committed two batches of ten and died with a lease ending then. */
  private static Db runnerDiedAfterTwoBatches(TestDatabase kind, String leaseEnd) {
    Db db = User.withAudit(kind, 50);
    Migrator migrator = db.migrator();
    migrator.run(User.audited("users.rename", (ctx, user) -> {}), RunOptions.defaults()
        .withListener(status -> {
          if (status.rowsVisited() == 20) {
            migrator.pause("users.rename");
          }
        }));
    db.execute("UPDATE godwit_migrations SET state = 'RUNNING', owner = 'a runner that died',"
        + " lease_expires_at = TIMESTAMP WITH TIME ZONE '" + leaseEnd + "'");
    return db;
  }

  private static void waitForHeartbeatsBeyond(Migrator migrator, Duration length)
      throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      var status = migrator.status("users.rename");
      if (status.isPresent() && status.get().heartbeatAt() != null
          && Duration.between(status.get().startedAt(), status.get().heartbeatAt())
              .compareTo(length) > 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the heartbeat never renewed the lease");
  }
}
