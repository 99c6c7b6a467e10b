package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.testing.TestDatabase;
import dev.godwit.testdialect.RenamedH2DialectProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Leases are timed by the database's clock: a runner whose own clock is hours wrong neither takes a
 * live lease nor is kept from an expired one, while its clock still dates what it records.
 */
class LeaseClockTest {

  private static final Duration HOURS = Duration.ofHours(5);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunnerWhoseClockIsHoursAheadCannotTakeALiveLease(TestDatabase kind) throws Exception {
    Db db = User.withAudit(kind, 5);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Migration<User> slow = slowFirstRow(started, release);
    CompletableFuture<RunResult> live = CompletableFuture.supplyAsync(() -> db.migrator().run(slow));
    assertTrue(started.await(30, TimeUnit.SECONDS));
    String owner = owner(db);

    Migrator ahead = Migrator.builder(db.dataSource)
        .clock(Clock.offset(Clock.systemUTC(), HOURS)).build();
    assertThrows(MigrationAlreadyRunningException.class, () -> ahead.run(slow));
    assertEquals(owner, owner(db));
    release.countDown();

    assertTrue(live.get(30, TimeUnit.SECONDS).succeeded());
    assertEquals(5, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunnerWhoseClockIsHoursBehindTakesOverALeaseLapsedByTheDatabasesClock(TestDatabase kind)
      throws SQLException {
    Db db = runnerDiedAfterTwoBatches(kind);
    leaseEndedAt(db, Instant.now().minus(Duration.ofMinutes(1)));

    Migrator behind = Migrator.builder(db.dataSource)
        .clock(Clock.offset(Clock.systemUTC(), HOURS.negated())).build();
    RunResult result = behind.run(User.audited("users.rename", (ctx, user) -> {}));

    assertTrue(result.succeeded());
    assertEquals(50, result.status().rowsVisited());
    assertEquals(50, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(50, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunnerWhoseClockIsHoursBehindKeepsItsLiveLeaseThroughALongBatch(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 5);
    Duration lease = Duration.ofMillis(600);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Migration<User> slow = slowFirstRow(started, release);
    Migrator behind = Migrator.builder(db.dataSource)
        .clock(Clock.offset(Clock.systemUTC(), HOURS.negated())).build();
    CompletableFuture<RunResult> live = CompletableFuture.supplyAsync(
        () -> behind.run(slow, RunOptions.defaults().withLeaseDuration(lease)));
    assertTrue(started.await(30, TimeUnit.SECONDS));
    String owner = owner(db);

    waitForHeartbeats(behind, 4);
    assertThrows(MigrationAlreadyRunningException.class,
        () -> db.migrator().run(slow, RunOptions.defaults().withLeaseDuration(lease)));
    assertEquals(owner, owner(db));
    release.countDown();

    assertTrue(live.get(30, TimeUnit.SECONDS).succeeded());
    assertEquals(5, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theMigratorsClockDatesTheRecordedStartAndFinish(TestDatabase kind) {
    Db db = User.withAudit(kind, 5);
    Instant fixed = Instant.parse("2031-02-03T04:05:06.123456Z");
    Migrator migrator = Migrator.builder(db.dataSource)
        .clock(Clock.fixed(fixed, java.time.ZoneOffset.UTC)).build();

    MigrationStatus status = migrator.run(User.audited("users.rename", (ctx, user) -> {})).status();

    assertTrue(status.state() == MigrationState.SUCCEEDED, status::toString);
    assertEquals(fixed, status.startedAt());
    assertEquals(fixed, status.heartbeatAt());
    assertEquals(fixed, status.finishedAt());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theLeaseEndIsTheDatabasesTimePlusTheLeaseByTheDialectAndByTheDefault(TestDatabase kind)
      throws SQLException {
    Db db = new Db(kind);
    try (Connection connection = db.dataSource.getConnection()) {
      Dialect own = Dialect.of(connection);
      // the test dialect keeps the SPI's default, which both databases must accept
      Dialect standard = new RenamedH2DialectProvider().create(connection.getMetaData());
      // MySQL parses neither SQL's interval arithmetic nor CAST(... AS BIGINT), and its bare
      // CURRENT_TIMESTAMP is to the second
      boolean mySql = kind == TestDatabase.MARIADB;
      for (Dialect dialect : mySql ? List.of(own) : List.of(own, standard)) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT "
            + (mySql ? "CURRENT_TIMESTAMP(6)" : "CURRENT_TIMESTAMP") + ", "
            + dialect.currentTimestampPlusMillis())) {
          statement.setLong(1, Duration.ofMinutes(90).plusMillis(7).toMillis());
          try (ResultSet row = statement.executeQuery()) {
            assertTrue(row.next());
            OffsetDateTime now = row.getObject(1, OffsetDateTime.class);
            OffsetDateTime end = row.getObject(2, OffsetDateTime.class);
            assertEquals(Duration.ofMinutes(90).plusMillis(7), Duration.between(now, end),
                dialect.currentTimestampPlusMillis());
          }
        }
      }
    }
  }

  /** A migration whose first row waits, once, until released, after saying it started. */
  private static Migration<User> slowFirstRow(CountDownLatch started, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return User.audited("users.rename", (ctx, user) -> {
      if (first.getAndSet(false)) {
        started.countDown();
        assertTrue(release.await(30, TimeUnit.SECONDS));
      }
    });
  }

  /** A migration whose runner committed two batches of ten and died holding its lease. */
  private static Db runnerDiedAfterTwoBatches(TestDatabase kind) {
    Db db = User.withAudit(kind, 50);
    Migrator migrator = db.migrator();
    migrator.run(User.audited("users.rename", (ctx, user) -> {}), RunOptions.defaults()
        .withListener(status -> {
          if (status.rowsVisited() == 20) {
            migrator.pause("users.rename");
          }
        }));
    db.execute("UPDATE godwit_migrations SET state = 'RUNNING', owner = 'a runner that died'");
    return db;
  }

  /** Sets the stored lease's end, an instant of the machine both the database and the JVM run on. */
  private static void leaseEndedAt(Db db, Instant end) throws SQLException {
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "UPDATE godwit_migrations SET lease_expires_at = ?")) {
      statement.setObject(1, end.atOffset(java.time.ZoneOffset.UTC));
      assertEquals(1, statement.executeUpdate());
    }
  }

  private static String owner(Db db) {
    return (String) db.rows("SELECT owner FROM godwit_migrations").get(0).values().iterator().next();
  }

  /** Waits until the heartbeat has renewed the lease at least {@code beats} more times. */
  private static void waitForHeartbeats(Migrator migrator, int beats) throws InterruptedException {
    Instant last = null;
    int seen = 0;
    for (int i = 0; i < 3000 && seen < beats; i++) {
      Instant beat = migrator.status("users.rename").map(MigrationStatus::heartbeatAt).orElse(null);
      if (beat != null && !beat.equals(last)) {
        last = beat;
        seen++;
      }
      Thread.sleep(10);
    }
    if (seen < beats) {
      throw new AssertionError("the heartbeat never renewed the lease");
    }
  }
}
