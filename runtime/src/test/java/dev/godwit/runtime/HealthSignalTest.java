package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run waits between batches while a health signal says to, shows why in its status (stored, and
 * to its listener), answers cancel and pause requests meanwhile, and resumes when the signal
 * clears; it pauses itself after its longest wait; a signal that fails holds it back. The signal
 * here reads a lag the test writes to a real table, as a replica-lag signal reads a view.
 */
class HealthSignalTest {

  private static final String NAME = "users.throttled";

  /** Waits while the one row of {@code health_lag} holds a lag above zero. */
  private static final class TableLag implements HealthSignal {
    @Override
    public String name() {
      return "test.lag";
    }

    @Override
    public Optional<String> check(Connection connection, Table<?> table) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement("SELECT lag FROM health_lag");
          ResultSet row = statement.executeQuery()) {
        row.next();
        int lag = row.getInt(1);
        return lag > 0 ? Optional.of("lag " + lag + " s") : Optional.empty();
      }
    }
  }

  private static Db withLagTable(TestDatabase kind, int users, int lag) {
    Db db = User.withAudit(kind, users);
    db.execute("CREATE TABLE health_lag (lag INTEGER NOT NULL)",
        "INSERT INTO health_lag (lag) VALUES (" + lag + ")");
    return db;
  }

  private static RunOptions throttled() {
    return RunOptions.defaults().withHealthSignals(new TableLag())
        .withHealthCheckInterval(Duration.ofMillis(10));
  }

  /** The stored status once it satisfies the condition, polled; fails after a minute. */
  private static MigrationStatus awaitStatus(Db db, Predicate<MigrationStatus> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      Optional<MigrationStatus> status = db.migrator().status(NAME);
      if (status.isPresent() && condition.test(status.get())) {
        return status.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the status never got there: " + db.migrator().status(NAME));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSignalSayingWaitHoldsTheRunBackShowingWhyUntilItClears(TestDatabase kind)
      throws Exception {
    Db db = withLagTable(kind, 50, 0);
    List<MigrationStatus> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean lagged = new AtomicBoolean();
    // a pause between batches longer than the check interval: every batch boundary asks the signal
    RunOptions options = throttled().withPauseBetweenBatches(Duration.ofMillis(20))
        .withListener(status -> {
          seen.add(status);
          if (status.rowsVisited() >= 20 && !lagged.getAndSet(true)) {
            db.execute("UPDATE health_lag SET lag = 7");
          }
        });
    Migrator migrator = db.migrator();

    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> migrator.run(User.audited(NAME, (ctx, user) -> { }), options));
    MigrationStatus waiting = awaitStatus(db, status -> status.waiting() != null);

    assertEquals(MigrationState.RUNNING, waiting.state());
    assertEquals("test.lag: lag 7 s", waiting.waiting());
    assertTrue(waiting.rowsVisited() >= 20 && waiting.rowsVisited() < 50, waiting.toString());
    // nothing more is migrated while it waits: several checks later it is where it stopped
    Thread.sleep(100);
    MigrationStatus later = db.migrator().status(NAME).orElseThrow();
    assertEquals(waiting.rowsVisited(), later.rowsVisited());
    assertEquals(waiting.rowsVisited(), db.count("SELECT COUNT(*) FROM audit"));
    assertEquals("test.lag: lag 7 s", later.waiting());

    db.execute("UPDATE health_lag SET lag = 0");
    RunResult result = run.get(1, TimeUnit.MINUTES);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(50, result.status().rowsVisited());
    assertNull(result.status().waiting());
    assertNull(db.migrator().status(NAME).orElseThrow().waiting());
    assertEquals(50, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(50, db.count("SELECT COUNT(*) FROM audit"));
    // the listener heard why it waited, and that it resumed
    int told = indexOf(seen, status -> "test.lag: lag 7 s".equals(status.waiting()));
    assertTrue(told >= 0, String.valueOf(seen));
    assertTrue(seen.subList(told, seen.size()).stream()
        .anyMatch(status -> status.waiting() == null && status.rowsVisited() > waiting.rowsVisited()),
        String.valueOf(seen));
  }

  private static int indexOf(List<MigrationStatus> statuses, Predicate<MigrationStatus> condition) {
    for (int i = 0; i < statuses.size(); i++) {
      if (condition.test(statuses.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCancelFromAnotherProcessIsAnsweredWhileTheRunWaits(TestDatabase kind) throws Exception {
    Db db = withLagTable(kind, 30, 3);

    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> db.migrator().run(User.audited(NAME, (ctx, user) -> { }), throttled()));
    awaitStatus(db, status -> status.waiting() != null);
    // another migrator, as another process would: the request reaches the run through the table
    assertTrue(db.migrator().cancel(NAME));
    RunResult result = run.get(1, TimeUnit.MINUTES);

    assertEquals(MigrationState.CANCELED, result.status().state());
    assertEquals(0, result.status().rowsVisited());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    assertNull(db.migrator().status(NAME).orElseThrow().waiting());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aPauseThroughTheSameMigratorIsAnsweredWhileTheRunWaits(TestDatabase kind)
      throws Exception {
    Db db = withLagTable(kind, 30, 3);
    Migrator migrator = db.migrator();

    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> migrator.run(User.audited(NAME, (ctx, user) -> { }), throttled()));
    awaitStatus(db, status -> status.waiting() != null);
    assertTrue(migrator.pause(NAME));
    RunResult result = run.get(1, TimeUnit.MINUTES);

    assertEquals(MigrationState.PAUSED, result.status().state());
    assertNull(result.status().error());
    assertNull(db.migrator().status(NAME).orElseThrow().waiting());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunThatWaitsItsLongestPausesItselfSayingWhyAndContinuesWhenRunAgain(TestDatabase kind) {
    Db db = withLagTable(kind, 30, 5);
    Migration<User> migration = User.audited(NAME, (ctx, user) -> { });

    RunResult paused = db.migrator().run(migration,
        throttled().withMaxHealthWait(Duration.ofMillis(50)));

    assertEquals(MigrationState.PAUSED, paused.status().state());
    assertEquals("paused itself after waiting 50ms on its health signals (test.lag: lag 5 s); run"
        + " it again to continue once they are healthy", paused.status().error());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));

    db.execute("UPDATE health_lag SET lag = 0");
    RunResult resumed = db.migrator().run(migration, throttled());

    assertTrue(resumed.succeeded(), String.valueOf(resumed.status().error()));
    assertNull(resumed.status().error());
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSignalThatFailsHoldsTheRunBackUntilItCanBeRead(TestDatabase kind) throws Exception {
    Db db = User.withAudit(kind, 30);
    Migrator migrator = db.migrator();

    // the signal's table does not exist yet: every check fails with the database's error
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> migrator.run(User.audited(NAME, (ctx, user) -> { }), throttled()));
    MigrationStatus waiting = awaitStatus(db, status -> status.waiting() != null);

    assertTrue(waiting.waiting().startsWith("test.lag: could not be read: "), waiting.waiting());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));

    db.execute("CREATE TABLE health_lag (lag INTEGER NOT NULL)",
        "INSERT INTO health_lag (lag) VALUES (0)");
    RunResult result = run.get(1, TimeUnit.MINUTES);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStateTableWithoutTheWaitingColumnIsReadAndGetsItOnTheNextRun(TestDatabase kind)
      throws Exception {
    Db db = withLagTable(kind, 20, 0);
    Migration<User> first = User.audited("users.first", (ctx, user) -> { });
    assertTrue(db.migrator().run(first, throttled()).succeeded());
    // the state table as an earlier version created it
    db.execute("ALTER TABLE godwit_migrations DROP COLUMN waiting");

    assertEquals(MigrationState.SUCCEEDED,
        db.migrator().status("users.first").orElseThrow().state());

    db.execute("UPDATE health_lag SET lag = 4");
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
        () -> db.migrator().run(User.audited(NAME, (ctx, user) -> { }), throttled()));
    MigrationStatus waiting = awaitStatus(db, status -> status.waiting() != null);
    assertEquals("test.lag: lag 4 s", waiting.waiting());
    db.execute("UPDATE health_lag SET lag = 0");

    assertTrue(run.get(1, TimeUnit.MINUTES).succeeded());
    assertEquals(1, db.count("SELECT COUNT(*) FROM godwit_migrations WHERE name = 'users.first'"
        + " AND waiting IS NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aReasonLeftByARunnerThatDiedWhileWaitingIsNotShownOnceTheMigrationStopped(
      TestDatabase kind) {
    Db db = withLagTable(kind, 10, 0);
    assertTrue(db.migrator().run(User.audited(NAME, (ctx, user) -> { }), throttled()).succeeded());
    // what a runner killed while it waited leaves, once the migration is stopped without it
    db.execute("UPDATE godwit_migrations SET state = 'PAUSED', waiting = 'test.lag: lag 9 s'");

    assertNull(db.migrator().status(NAME).orElseThrow().waiting());

    db.execute("UPDATE godwit_migrations SET state = 'RUNNING'");
    assertEquals("test.lag: lag 9 s", db.migrator().status(NAME).orElseThrow().waiting());
    assertTrue(db.migrator().cancel(NAME));
    assertEquals(1, db.count("SELECT COUNT(*) FROM godwit_migrations WHERE state = 'CANCELED'"
        + " AND waiting IS NULL"));
  }
}
