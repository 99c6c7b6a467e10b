package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch bounds its own lock waits: an application transaction holding one row for a long time
 * neither stalls the writers queued behind the rows the batch locked before it nor stops the run.
 * Every session here would otherwise wait for a lock for a minute (H2) or without bound
 * (PostgreSQL's default), so only the run's own lock timeout can end a wait. Waits are printed,
 * never asserted as durations.
 */
class BatchLockWaitTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** A database whose sessions wait for locks as long as the database lets them by default. */
  private static Db patientDatabase(TestDatabase kind, int users) {
    DataSource dataSource;
    if (kind == TestDatabase.H2) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:lockwait" + DATABASES.incrementAndGet()
          + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000");
      h2.setUser("sa");
      dataSource = h2;
    } else {
      dataSource = kind.newDatabase();
    }
    Db db = new Db(kind, dataSource);
    db.create(User.TABLE);
    db.createWithIdentity(Audit.TABLE);
    db.insert(User.TABLE, User.some(users));
    return db;
  }

  /** Opens a transaction that holds the lock of one user's row until it is ended. */
  private static Connection holdRow(Db db, long id) throws SQLException {
    Connection holder = db.dataSource.getConnection();
    holder.setAutoCommit(false);
    try (Statement statement = holder.createStatement()) {
      statement.executeUpdate("UPDATE users SET role = 'held' WHERE id = " + id);
    }
    return holder;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWriterQueuedBehindABatchWaitingOnAHeldRowKeepsWritingAndTheRunFinishesAfterTheHolder(
      TestDatabase kind) throws Exception {
    Db db = patientDatabase(kind, 40);
    Duration lockTimeout = Duration.ofMillis(500);
    Connection holder = holdRow(db, 10);
    Migration<User> migration = User.audited("users.hotRow", (ctx, user) -> { });
    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> db.migrator().run(
        migration, RunOptions.defaults().withBatchSize(20).withLockTimeout(lockTimeout)));
    // the first batch locks rows 1 to 9, then waits on row 10
    Thread.sleep(300);

    AtomicBoolean released = new AtomicBoolean();
    AtomicInteger writesDuringHold = new AtomicInteger();
    AtomicLong longestWait = new AtomicLong();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (Connection connection = db.dataSource.getConnection();
          PreparedStatement update =
              connection.prepareStatement("UPDATE users SET role = ? WHERE id = 5")) {
        for (int i = 0; !released.get(); i++) {
          long start = System.nanoTime();
          update.setString(1, "writer " + i);
          update.executeUpdate();
          longestWait.accumulateAndGet(System.nanoTime() - start, Math::max);
          if (!released.get()) {
            writesDuringHold.incrementAndGet();
          }
          Thread.sleep(20);
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(4_000);
    released.set(true);
    holder.rollback();
    holder.close();
    writer.get(120, TimeUnit.SECONDS);
    RunResult result = run.get(120, TimeUnit.SECONDS);

    System.out.printf("%s: lock timeout %d ms; the writer of row 5 committed %d updates while row"
            + " 10 was held, its longest wait %d ms%n", kind, lockTimeout.toMillis(),
        writesDuringHold.get(), TimeUnit.NANOSECONDS.toMillis(longestWait.get()));
    assertTrue(writesDuringHold.get() >= 2,
        "the batch kept row 5 locked while it waited on row 10: " + writesDuringHold.get()
            + " writes");
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(40, result.status().rowsVisited());
    assertEquals(40, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(40, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(40, db.count("SELECT COUNT(*) FROM users WHERE name = 'migrated ' || id"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRowLockedThroughEveryRetryFailsTheRunWithItsIdAfterTheRowsBeforeItCommit(
      TestDatabase kind) throws Exception {
    Db db = patientDatabase(kind, 30);
    Connection holder = holdRow(db, 10);
    Migration<User> migration = User.audited("users.stuckRow", (ctx, user) -> { });
    RunOptions options = RunOptions.defaults().withBatchSize(20)
        .withLockTimeout(Duration.ofMillis(100)).withMaxRetries(2);

    RunResult failed = db.migrator().run(migration, options);

    assertEquals(MigrationState.FAILED, failed.status().state());
    assertEquals("10", failed.status().errorRowId());
    assertEquals("9", failed.status().cursor());
    // seven batches of 2 to 20 rows met row 10, each retried once then split (14), and row 10
    // alone was retried twice
    assertEquals(16, failed.status().retries());
    assertEquals(9, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(9, db.count("SELECT COUNT(*) FROM users WHERE name = 'migrated ' || id"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE id >= 10 AND name LIKE 'migrated%'"));

    holder.rollback();
    holder.close();
    RunResult rerun = db.migrator().run(migration, options);

    assertTrue(rerun.succeeded(), String.valueOf(rerun.status().error()));
    assertEquals(0, rerun.status().retries());
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(30, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
  }

  @Test
  void aPooledH2SessionGetsItsOwnLockTimeoutBackAfterARun() throws Exception {
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:lockwait"
        + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=12345", "sa", "");
    pool.setMaxConnections(4);
    try {
      Db db = new Db(TestDatabase.H2, pool);
      db.create(User.TABLE);
      db.createWithIdentity(Audit.TABLE);
      db.insert(User.TABLE, User.some(25));

      RunResult result = db.migrator().run(User.audited("users.pooled", (ctx, user) -> { }),
          RunOptions.defaults().withLockTimeout(Duration.ofMillis(700)));

      assertTrue(result.succeeded(), String.valueOf(result.status().error()));
      // every connection of the pool at once: the run's batch connection is one of them
      List<Connection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          connections.add(pool.getConnection());
        }
        for (Connection connection : connections) {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
            rows.next();
            assertEquals(12345, rows.getLong(1));
          }
        }
      } finally {
        for (Connection connection : connections) {
          connection.close();
        }
      }
    } finally {
      pool.dispose();
    }
  }
}
