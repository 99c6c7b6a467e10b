package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetryTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLockTimeoutIsRetriedAndTheBatchCommitsOnce(TestDatabase kind) throws Exception {
    Db db = User.withAudit(kind, 20);
    db.execute("CREATE TABLE locks (id BIGINT PRIMARY KEY)", "INSERT INTO locks VALUES (1)");
    Connection holder = db.dataSource.getConnection();
    holder.setAutoCommit(false);
    try (Statement statement = holder.createStatement()) {
      statement.executeQuery("SELECT id FROM locks WHERE id = 1 FOR UPDATE").close();
    }
    CountDownLatch timedOut = new CountDownLatch(1);
    CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
      try {
        assertTrue(timedOut.await(30, TimeUnit.SECONDS));
        holder.commit();
        holder.close();
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    AtomicInteger attempts = new AtomicInteger();
    Migration<User> migration = User.audited("users.locked", (ctx, user) -> {
      if (user.id() != 1) {
        return;
      }
      attempts.incrementAndGet();
      try (Statement statement = ctx.connection().createStatement()) {
        statement.execute(switch (kind) {
          case H2 -> "SET LOCK_TIMEOUT 100";
          case POSTGRES -> "SET LOCAL lock_timeout = '100ms'";
          // whole seconds only; the batch's own bound is restored when its run ends
          case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 1";
        });
        statement.executeQuery("SELECT id FROM locks WHERE id = 1 FOR UPDATE").close();
      } catch (SQLException e) {
        timedOut.countDown();
        throw e;
      }
    });

    RunResult result = db.migrator().run(migration);

    release.get(30, TimeUnit.SECONDS);
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertTrue(attempts.get() >= 2, "attempts: " + attempts.get());
    assertEquals(20, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(20, result.status().rowsVisited());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theRetriesAConflictingWriterForcedShowInEveryStatusTheRunReports(TestDatabase kind)
      throws Exception {
    Db db = User.withAudit(kind, 20);
    db.execute("CREATE TABLE locks (id BIGINT PRIMARY KEY)", "INSERT INTO locks VALUES (1)");
    Connection writer = db.dataSource.getConnection();
    writer.setAutoCommit(false);
    try (Statement statement = writer.createStatement()) {
      statement.executeUpdate("UPDATE locks SET id = 1 WHERE id = 1");
    }
    CountDownLatch timedOut = new CountDownLatch(1);
    CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
      try {
        assertTrue(timedOut.await(30, TimeUnit.SECONDS));
        writer.commit();
        writer.close();
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    AtomicInteger attempts = new AtomicInteger();
    Migration<User> migration = User.audited("users.retried", (ctx, user) -> {
      if (user.id() != 1) {
        return;
      }
      attempts.incrementAndGet();
      try (Statement statement = ctx.connection().createStatement()) {
        statement.execute(switch (kind) {
          case H2 -> "SET LOCK_TIMEOUT 100";
          case POSTGRES -> "SET LOCAL lock_timeout = '100ms'";
          case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 1";
        });
        statement.executeQuery("SELECT id FROM locks WHERE id = 1 FOR UPDATE").close();
      } catch (SQLException e) {
        timedOut.countDown();
        throw e;
      }
    });
    List<MigrationStatus> seen = new CopyOnWriteArrayList<>();

    RunResult result = db.migrator().run(migration,
        RunOptions.defaults().withBatchSize(10).withListener(seen::add));

    release.get(30, TimeUnit.SECONDS);
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    // every failed attempt of the first batch was retried once, the last one committed
    long retries = attempts.get() - 1;
    assertTrue(retries >= 1, "attempts: " + attempts.get());
    assertEquals(retries, result.status().retries());
    assertEquals(List.of(10L, 20L, 20L),
        seen.stream().map(MigrationStatus::rowsVisited).toList());
    assertEquals(List.of(retries, retries, retries),
        seen.stream().map(MigrationStatus::retries).toList());
    assertEquals(20, db.count("SELECT COUNT(*) FROM audit"));
    // counted for the run, not recorded: a status read back, and the next run, start from zero
    assertEquals(0, db.migrator().status("users.retried").orElseThrow().retries());
    RunResult again = db.migrator().run(migration, RunOptions.defaults().withReset());
    assertTrue(again.succeeded(), String.valueOf(again.status().error()));
    assertEquals(0, again.status().retries());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aConflictThatOutlastsTheRetriesFailsTheRun(TestDatabase kind) {
    Db db = User.withAudit(kind, 5);
    AtomicInteger attempts = new AtomicInteger();
    Migration<User> migration = User.audited("users.conflicted", (ctx, user) -> {
      attempts.incrementAndGet();
      throw new SQLException("could not serialize access", "40001");
    });

    RunResult result = db.migrator().run(migration, RunOptions.defaults().withMaxRetries(2));

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals(3, attempts.get());
    assertEquals("SQLException: could not serialize access", result.status().error());
    assertEquals("1", result.status().errorRowId());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void otherErrorsAreNotRetried(TestDatabase kind) {
    Db db = User.withAudit(kind, 5);
    AtomicInteger attempts = new AtomicInteger();
    Migration<User> migration = User.audited("users.broken", (ctx, user) -> {
      attempts.incrementAndGet();
      throw new SQLException("value out of range", "22003");
    });

    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals(1, attempts.get());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anErrorWithoutASqlStateIsNotRetriedAndEndsTheRunWithItsOwnMessage(TestDatabase kind) {
    Db db = User.withAudit(kind, 5);
    AtomicInteger attempts = new AtomicInteger();
    // a pool's "connection is closed" carries no SQLState
    Migration<User> migration = User.audited("users.stateless", (ctx, user) -> {
      attempts.incrementAndGet();
      throw new SQLException("Connection is closed");
    });

    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals(1, attempts.get());
    assertEquals("SQLException: Connection is closed", result.status().error());
    assertEquals("1", result.status().errorRowId());
    assertEquals(0, result.status().retries());
  }
}
