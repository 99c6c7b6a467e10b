package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several workers on one migration: the keyset pass split into key ranges by row count, ranges
 * claimed by threads of one process and by other processes (other migrators, each with its own
 * worker name), stopped together, and taken over from a worker that lost its lease. Audit rows
 * inserted through the context count how many times each row's work was committed.
 */
class WorkersTest {

  private static final String NAME = "users.rename";

  /** Users 1..270 in a narrow band and 30 more spread up to a trillion: keys far from even. */
  private static List<User> skewed() {
    List<User> users = new ArrayList<>(User.some(270));
    for (long i = 1; i <= 30; i++) {
      users.add(new User(i * 33_333_333_333L, "user" + i, null));
    }
    return users;
  }

  private static Db skewedDb(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.createWithIdentity(Audit.TABLE);
    db.insert(User.TABLE, skewed());
    return db;
  }

  private static void assertEachRowOnce(Db db, long rows) {
    assertEquals(rows, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(rows, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void threeWorkersSplitSkewedKeysByRowsAndMigrateEveryRowOnce(TestDatabase kind) {
    Db db = skewedDb(kind);
    Migrator migrator = db.migrator();
    AtomicReference<List<RangeStatus>> split = new AtomicReference<>();
    RunResult result = migrator.run(User.audited(NAME, (ctx, user) -> { }),
        RunOptions.defaults().withWorkers(3).withListener(status -> {
          if (split.get() == null) {
            split.set(migrator.ranges(NAME));
          }
        }));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEachRowOnce(db, 300);
    assertEquals(300, result.status().rowsVisited());
    assertEquals(300, migrator.status(NAME).orElseThrow().rowsVisited());
    // the ranges were merged into the migration when every one was done
    assertEquals(List.of(), migrator.ranges(NAME));

    List<RangeStatus> ranges = split.get();
    assertEquals(3 * RunOptions.RANGES_PER_WORKER, ranges.size());
    assertEquals(null, ranges.get(0).lowerBound());
    assertEquals(null, ranges.get(ranges.size() - 1).upperBound());
    for (int i = 0; i < ranges.size(); i++) {
      RangeStatus range = ranges.get(i);
      if (i > 0) {
        assertEquals(ranges.get(i - 1).upperBound(), range.lowerBound());
      }
      long rows = db.count("SELECT COUNT(*) FROM users WHERE "
          + (range.lowerBound() == null ? "1 = 1" : "id > " + range.lowerBound())
          + (range.upperBound() == null ? "" : " AND id <= " + range.upperBound()));
      // 300 rows in 12 ranges by row count, not by key: an even split of the keys' span would
      // put 270 of them in the first range
      assertTrue(rows >= 20 && rows <= 25, "range " + range + " holds " + rows + " rows");
    }

    Db single = skewedDb(kind);
    assertTrue(single.migrator().run(User.audited(NAME, (ctx, user) -> { })).succeeded());
    assertEquals(single.snapshot("users"), db.snapshot("users"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void workersSplitACompositeKeyAndUpdateEachLineOnce(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE order_lines (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
        + " sku VARCHAR(20), label VARCHAR(40), version INTEGER NOT NULL,"
        + " PRIMARY KEY (order_id, line_no))");
    List<CompositeKeyTest.Line> lines = new ArrayList<>();
    for (long order = 1; order <= 30; order++) {
      for (int line : new int[] {1, 2, 3, 10}) {
        lines.add(new CompositeKeyTest.Line(order, line, "sku-" + order + "-" + line, null, 0));
      }
    }
    db.insert(CompositeKeyTest.Line.TABLE, lines);
    Map<List<Object>, Integer> seen = new ConcurrentHashMap<>();
    Migration<CompositeKeyTest.Line> label = Migration.on(CompositeKeyTest.Line.TABLE, "lines.label")
        .batchSize(5).verifiedBy(CompositeKeyTest.Line.LABEL.isNull())
        .migrateOne((ctx, line) -> {
          seen.merge(line.key(), 1, Integer::sum);
          return Patch.of(CompositeKeyTest.Line.TABLE)
              .set(CompositeKeyTest.Line.LABEL, line.sku() + "!");
        });

    RunResult result = db.migrator().run(label, RunOptions.defaults().withWorkers(3));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(120, seen.size());
    assertTrue(seen.values().stream().allMatch(count -> count == 1), String.valueOf(seen));
    // the version column counts every update of a row
    assertEquals(120, db.count("SELECT COUNT(*) FROM order_lines WHERE version = 1"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM order_lines WHERE label IS NULL"));
    assertEquals(120, result.status().rowsVisited());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSecondProcessJoinsTheMigrationWhateverItsWorkerCount(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 300);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    AtomicInteger byFirst = new AtomicInteger();
    AtomicInteger bySecond = new AtomicInteger();
    Migration<User> first = User.audited(NAME, (ctx, user) -> {
      byFirst.incrementAndGet();
      firstStarted.countDown();
      // the first process keeps its range until the second has claimed one of its own
      secondStarted.await(20, TimeUnit.SECONDS);
    });
    Migration<User> second = User.audited(NAME, (ctx, user) -> {
      bySecond.incrementAndGet();
      secondStarted.countDown();
    });
    Migrator one = Migrator.builder(db.dataSource).workerName("host-a").build();
    Migrator two = Migrator.builder(db.dataSource).workerName("host-b").build();
    AtomicReference<RunResult> firstResult = new AtomicReference<>();
    Thread thread = new Thread(() -> firstResult.set(
        one.run(first, RunOptions.defaults().withWorkers(2))));
    thread.start();
    assertTrue(firstStarted.await(20, TimeUnit.SECONDS));

    RunResult secondResult = two.run(second, RunOptions.defaults());
    thread.join(60_000);

    assertTrue(byFirst.get() > 0 && bySecond.get() > 0, byFirst + " and " + bySecond);
    assertTrue(firstResult.get().succeeded() || secondResult.succeeded(),
        firstResult.get().status() + " / " + secondResult.status());
    assertEachRowOnce(db, 300);
    MigrationStatus status = one.status(NAME).orElseThrow();
    assertEquals(MigrationState.SUCCEEDED, status.state());
    assertEquals(300, status.rowsVisited());
  }

  /** Gives every user without a role the default one, counting each call per row. */
  private static Migration<User> defaultRole(Map<Long, Integer> calls, long slowFrom) {
    return Migration.on(User.TABLE, NAME)
        .batchSize(10)
        .verifiedBy(User.ROLE.isNull())
        .migrateOne((ctx, user) -> {
          calls.merge(user.id(), 1, Integer::sum);
          if (user.id() >= slowFrom) {
            Latches.sleep(5);
          }
          return user.role() == null ? Patch.of(User.TABLE).set(User.ROLE, "user") : null;
        });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theRunnerThatFinishesReadsNoRowAgainWhenTheVerificationFindsNoneLeft(TestDatabase kind) {
    Db db = User.withAudit(kind, 200);
    Map<Long, Integer> calls = new ConcurrentHashMap<>();

    RunResult result = db.migrator().run(defaultRole(calls, Long.MAX_VALUE),
        RunOptions.defaults().withWorkers(2));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    // as a single runner: every row read once, no sweep, since the verification found none left
    assertEquals(200, calls.size());
    assertTrue(calls.values().stream().allMatch(count -> count == 1), String.valueOf(calls));
    assertEquals(200, result.status().rowsVisited());
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    // the finishing runner went on at the end of the keyset pass: no sweep recorded
    assertEquals(0, db.count("SELECT COUNT(*) FROM godwit_migrations WHERE pass <> 0"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRowWrittenInTheOldFormatBehindADoneRangeIsSweptBeforeTheRunSucceeds(TestDatabase kind) {
    Db db = User.withAudit(kind, 200);
    Migrator migrator = db.migrator();
    Map<Long, Integer> calls = new ConcurrentHashMap<>();
    AtomicBoolean written = new AtomicBoolean();

    // rows from 100 on are slow, so the first range (users 1 to 25) is done long before the last
    RunResult result = migrator.run(defaultRole(calls, 100), RunOptions.defaults().withWorkers(2)
        .withListener(status -> {
          boolean firstDone = migrator.ranges(NAME).stream().anyMatch(range ->
              range.lowerBound() == null && range.state() == RangeStatus.State.DONE);
          if (firstDone && written.compareAndSet(false, true)) {
            // an old instance puts user 1 back in the old format behind the done range's cursor
            db.execute("UPDATE users SET role = NULL WHERE id = 1");
          }
        }));

    assertTrue(written.get(), "the first range was never seen done while the others ran");
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    // the sweep read user 1 a second time and wrote it again
    assertEquals(2, calls.get(1L));
    assertEquals(1, db.count("SELECT COUNT(*) FROM users WHERE id = 1 AND role = 'user'"));
    assertEquals(1, db.count("SELECT COUNT(*) FROM godwit_migrations WHERE pass = 1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aPauseStopsEveryWorkerAndTheNextRunResumesEachRangeOnce(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    Migrator migrator = db.migrator();
    Migrator elsewhere = Migrator.builder(db.dataSource).workerName("operator").build();
    AtomicInteger batches = new AtomicInteger();
    Migration<User> rename = User.audited(NAME, (ctx, user) -> { });

    RunResult paused = migrator.run(rename, RunOptions.defaults().withWorkers(3)
        .withListener(status -> {
          if (batches.incrementAndGet() == 4) {
            elsewhere.pause(NAME);
          }
        }));

    assertEquals(MigrationState.PAUSED, paused.status().state());
    long done = db.count("SELECT COUNT(*) FROM audit");
    assertTrue(done > 0 && done < 300, done + " rows");
    List<RangeStatus> ranges = migrator.ranges(NAME);
    assertEquals(12, ranges.size());
    assertTrue(ranges.stream().allMatch(range -> range.owner() == null), String.valueOf(ranges));
    assertEquals(done, migrator.status(NAME).orElseThrow().rowsVisited());

    // one worker is enough to resume: it joins the ranges instead of starting over
    RunResult resumed = migrator.run(rename);

    assertTrue(resumed.succeeded(), String.valueOf(resumed.status().error()));
    assertEachRowOnce(db, 300);
    assertEquals(300, resumed.status().rowsVisited());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aResetForgetsTheRangesAndStartsOverFromTheFirstRow(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    Migrator migrator = db.migrator();
    AtomicInteger batches = new AtomicInteger();
    Migration<User> rename = User.audited(NAME, (ctx, user) -> { });
    RunResult paused = migrator.run(rename, RunOptions.defaults().withWorkers(3)
        .withListener(status -> {
          if (batches.incrementAndGet() == 3) {
            migrator.pause(NAME);
          }
        }));
    assertEquals(MigrationState.PAUSED, paused.status().state());
    long before = db.count("SELECT COUNT(*) FROM audit");

    // one worker: without the reset it would join the ranges
    RunResult again = migrator.run(rename, RunOptions.defaults().withReset());

    assertTrue(again.succeeded(), String.valueOf(again.status().error()));
    assertEquals(List.of(), migrator.ranges(NAME));
    assertEquals(300, again.status().rowsVisited());
    assertEquals(before + 300, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(300, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aParallelMigrationKeepsItsThreadsInsideEachWorker(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    Map<String, Integer> threads = new ConcurrentHashMap<>();
    Migration<User> rename = Migration.on(User.TABLE, NAME).batchSize(20).parallel()
        .migrateOne((ctx, user) -> {
          threads.merge(Thread.currentThread().getName(), 1, Integer::sum);
          ctx.insert(Audit.TABLE, Audit.of(user.id(), NAME));
          return Patch.of(User.TABLE).set(User.NAME, "migrated " + user.id());
        });

    RunResult result = db.migrator().run(rename, RunOptions.defaults().withWorkers(2));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEachRowOnce(db, 300);
    // each worker's batches run on a pool of its own, never on the worker's thread
    assertTrue(threads.keySet().stream().noneMatch(name -> name.contains("-worker-")),
        String.valueOf(threads.keySet()));
    assertTrue(threads.size() > 1, String.valueOf(threads.keySet()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void workersWaitOnTheHealthSignalsAndPauseTheMigrationAfterTheLongestWait(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    db.execute("CREATE TABLE health_lag (lag INTEGER NOT NULL)",
        "INSERT INTO health_lag (lag) VALUES (5)");
    HealthSignal lag = new HealthSignal() {
      @Override
      public String name() {
        return "test.lag";
      }

      @Override
      public java.util.Optional<String> check(java.sql.Connection connection, Table<?> table)
          throws java.sql.SQLException {
        try (java.sql.PreparedStatement statement =
                connection.prepareStatement("SELECT lag FROM health_lag");
            java.sql.ResultSet row = statement.executeQuery()) {
          row.next();
          int seconds = row.getInt(1);
          return seconds > 0 ? java.util.Optional.of("lag " + seconds + " s")
              : java.util.Optional.empty();
        }
      }
    };
    Migrator migrator = db.migrator();
    Migration<User> rename = User.audited(NAME, (ctx, user) -> { });
    RunOptions throttled = RunOptions.defaults().withWorkers(2).withHealthSignals(lag)
        .withHealthCheckInterval(java.time.Duration.ofMillis(10));

    RunResult paused = migrator.run(rename,
        throttled.withMaxHealthWait(java.time.Duration.ofMillis(50)));

    assertEquals(MigrationState.PAUSED, paused.status().state());
    assertEquals("paused itself after waiting 50ms on its health signals (test.lag: lag 5 s); run"
        + " it again to continue once they are healthy", paused.status().error());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(8, migrator.ranges(NAME).size());

    db.execute("UPDATE health_lag SET lag = 0");
    RunResult resumed = migrator.run(rename, throttled);

    assertTrue(resumed.succeeded(), String.valueOf(resumed.status().error()));
    assertEachRowOnce(db, 300);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCancelStopsEveryWorker(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    Migrator migrator = db.migrator();
    AtomicInteger batches = new AtomicInteger();

    RunResult canceled = migrator.run(User.audited(NAME, (ctx, user) -> { }),
        RunOptions.defaults().withWorkers(3).withListener(status -> {
          if (batches.incrementAndGet() == 2) {
            migrator.cancel(NAME);
          }
        }));

    assertEquals(MigrationState.CANCELED, canceled.status().state());
    long done = db.count("SELECT COUNT(*) FROM audit");
    // each worker stops after the batch it is committing
    assertTrue(done > 0 && done <= 5 * 10, done + " rows");
    assertEquals(done, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(MigrationState.CANCELED, migrator.status(NAME).orElseThrow().state());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWorkerWhoseRangeWasTakenOverRollsItsBatchBack(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    AtomicInteger row40 = new AtomicInteger();
    AtomicBoolean stolen = new AtomicBoolean();
    // with 2 workers, 8 ranges of 38 rows: row 40 is in range 1, (38, 76]
    Migration<User> rename = User.audited(NAME, (ctx, user) -> {
      if (user.id() == 40) {
        row40.incrementAndGet();
        if (stolen.compareAndSet(false, true)) {
          // as if its lease lapsed and another worker claimed the range, and then died too
          db.execute("UPDATE godwit_migrations_ranges SET owner = 'another worker',"
              + " lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' DAY"
              + " WHERE name = 'users.rename' AND range_no = 1");
        }
      }
    });

    RunResult result = db.migrator().run(rename, RunOptions.defaults().withWorkers(2));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(2, row40.get());
    assertEachRowOnce(db, 300);
    assertEquals(300, result.status().rowsVisited());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTableAboveTheExactCountLimitIsSplitFromASampleOfItsKeys(TestDatabase kind) {
    Db db = User.withAudit(kind, 3000);
    if (kind == TestDatabase.POSTGRES) {
      db.execute("ANALYZE users");
    } else if (kind == TestDatabase.MARIADB) {
      db.execute("ANALYZE TABLE users");
    }
    Migrator migrator = db.migrator();
    AtomicReference<List<RangeStatus>> split = new AtomicReference<>();

    // 8 ranges of 100 sampled keys each: about a quarter of the table's keys are sampled
    RunResult result = migrator.run(User.audited(NAME, (ctx, user) -> { }),
        RunOptions.defaults().withWorkers(2).withBatchSize(100).withExactCountLimit(0)
            .withListener(status -> {
              if (split.get() == null) {
                split.set(migrator.ranges(NAME));
              }
            }));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEachRowOnce(db, 3000);
    List<RangeStatus> ranges = split.get();
    assertTrue(ranges.size() > 1 && ranges.size() <= 8, String.valueOf(ranges));
    assertEquals(null, ranges.get(0).lowerBound());
    assertEquals(null, ranges.get(ranges.size() - 1).upperBound());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void severalWorkersInOneTransactionAreRefusedBeforeAnythingIsClaimed(TestDatabase kind) {
    Db db = User.withAudit(kind, 30);
    Migrator migrator = db.migrator();

    MigrationException refused = assertThrows(MigrationException.class, () -> migrator.run(
        User.audited(NAME, (ctx, user) -> { }),
        RunOptions.defaults().withWorkers(2).withSingleTransaction(100)));

    assertEquals(ErrorCode.WORKERS_IN_ONE_TRANSACTION, refused.code());
    assertEquals("Migration users.rename cannot run on 2 workers in one transaction, since one"
        + " transaction cannot span several connections; run it with one worker, or in batches"
        + " without withSingleTransaction.", refused.getMessage());
    assertFalse(migrator.status(NAME).isPresent());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
  }
}
