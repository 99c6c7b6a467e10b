package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A schema step meets an application transaction holding a lock on its table: it waits at most its
 * lock timeout per try, retries with backoff, and either succeeds once the lock is released or ends
 * with one sentence naming the table, the timeout, the tries and (on PostgreSQL) the blocking
 * session; meanwhile another writer keeps completing its statements.
 */
class SchemaLockTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final int TRIES = 4;
  private static final ApplyOptions OPTIONS = ApplyOptions.builder().lockTimeout(TIMEOUT)
      .maxTries(TRIES).initialBackoff(Duration.ofMillis(50)).build();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLockNeverReleasedEndsApplyWithOneSentenceAfterEveryTry(TestDatabase kind) throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, 100);
    Migrator migrator = db.migrator();
    try (Connection holder = db.dataSource.getConnection()) {
      holdLock(holder);
      Writer writer = Writer.start(db);

      MigrationException refusal = assertThrows(MigrationException.class,
          () -> migrator.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND, OPTIONS));
      long writesDuringApply = writer.stop();
      holder.rollback();

      assertEquals(ErrorCode.SCHEMA_LOCK_TIMEOUT, refusal.code());
      String message = refusal.getMessage();
      assertTrue(message.startsWith("Could not apply ADD COLUMN of accounts.plan: table accounts"
          + " stayed locked past the lock timeout of 300 ms in each of " + TRIES + " tries"),
          message);
      assertTrue(message.endsWith("; end or shorten the transaction holding the lock, then apply"
          + " expand again, or give it a longer lock timeout or more tries."), message);
      if (kind == TestDatabase.POSTGRES) {
        assertTrue(Pattern.compile(", held by (session pid \\d+ \\([^)]*\\) and )*session pid"
            + " \\d+ \\(idle in transaction, its transaction open for \\d+ s\\)")
            .matcher(message).find(), message);
      }
      if (kind == TestDatabase.MARIADB) {
        // performance_schema is off by default on MariaDB: the sessions with a transaction open
        assertTrue(Pattern.compile(", held by (session \\d+ \\([^)]*\\) and )*session \\d+"
            + " \\(Sleep, its transaction open for \\d+ s, which may hold it\\)")
            .matcher(message).find(), message);
      }
      assertTrue(writesDuringApply > 0, "the writer completed nothing while apply retried");
      System.out.printf("%s: the writer completed %d statements while apply retried; its longest"
          + " wait was %d ms (lock timeout %d ms)%n", kind, writesDuringApply,
          writer.longestWaitMillis(), TIMEOUT.toMillis());
      assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.columns"
          + " WHERE LOWER(table_name) = 'accounts' AND LOWER(column_name) = 'plan'"
          + thisDatabase(kind)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLockReleasedBetweenTriesLetsTheStepApplyWithItsTriesCounted(TestDatabase kind)
      throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, 100);
    Migrator migrator = db.migrator();
    Connection holder = db.dataSource.getConnection();
    holdLock(holder);
    // released after the first try has timed out, before the last; MySQL's lock_wait_timeout is
    // in whole seconds, so the 300 ms are a second there
    long waited = kind == TestDatabase.MARIADB ? 1000 : TIMEOUT.toMillis();
    CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(waited + 100);
        holder.rollback();
        holder.close();
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });

    ApplyResult result = migrator.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND, OPTIONS);
    release.get(30, TimeUnit.SECONDS);

    int firstStepTries = result.steps().get(0).tries();
    assertTrue(firstStepTries > 1 && firstStepTries <= TRIES, "tries: " + firstStepTries);
    assertEquals(1, result.steps().get(1).tries());
    assertEquals(1, db.count("SELECT COUNT(*) FROM information_schema.columns"
        + " WHERE LOWER(table_name) = 'accounts' AND LOWER(column_name) = 'plan'"
          + thisDatabase(kind)));
  }

  @org.junit.jupiter.api.Test
  void aPooledH2SessionGetsItsOwnLockTimeoutBack() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:pooled" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=1234");
    h2.setUser("sa");
    try (Connection physical = h2.getConnection()) {
      DataSource pool = onePooledConnection(h2, physical);
      Db db = new Db(TestDatabase.H2, pool);
      Accounts.createDeployZero(db, 3);

      db.migrator().apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND, OPTIONS);

      assertEquals(1234, db.count("SELECT LOCK_TIMEOUT()"));
      assertEquals(2, db.count("SELECT COUNT(*) FROM godwit_schema_history"));
    }
  }

  /** A data source handing out one connection whose close gives it back, as a pool's does. */
  private static DataSource onePooledConnection(DataSource dataSource, Connection physical) {
    Connection pooled = (Connection) Proxy.newProxyInstance(
        SchemaLockTimeoutTest.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(physical, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) Proxy.newProxyInstance(SchemaLockTimeoutTest.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("getConnection")) {
            return pooled;
          }
          try {
            return method.invoke(dataSource, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** An application transaction that updated a row and stays open. */
  private static void holdLock(Connection holder) throws SQLException {
    holder.setAutoCommit(false);
    try (Statement statement = holder.createStatement()) {
      statement.executeUpdate("UPDATE accounts SET name = 'held' WHERE id = 1");
    }
  }

  /** Updates rows other than the held one, timing each statement, until stopped. */
  private static final class Writer {
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private CompletableFuture<Void> running;

    static Writer start(Db db) throws InterruptedException {
      Writer writer = new Writer();
      CountDownLatch started = new CountDownLatch(1);
      writer.running = CompletableFuture.runAsync(() -> {
        try (Connection connection = db.dataSource.getConnection();
            PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts SET name = ? WHERE id = ?")) {
          long id = 2;
          while (!writer.done.get()) {
            update.setString(1, "written " + id);
            update.setLong(2, id);
            long start = System.nanoTime();
            update.executeUpdate();
            writer.longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            writer.writes.incrementAndGet();
            started.countDown();
            id = id == 100 ? 2 : id + 1;
            Thread.sleep(2);
          }
        } catch (SQLException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(started.await(30, TimeUnit.SECONDS));
      return writer;
    }

    /** Stops the writer; returns how many statements it completed after it started. */
    long stop() throws Exception {
      long during = writes.get();
      done.set(true);
      running.get(30, TimeUnit.SECONDS);
      return during - 1;
    }

    long longestWaitMillis() {
      return TimeUnit.NANOSECONDS.toMillis(longestNanos.get());
    }
  }

  /** On MariaDB, the catalog shows every database of the server: this test's only. */
  private static String thisDatabase(TestDatabase kind) {
    return kind == TestDatabase.MARIADB ? " AND table_schema = DATABASE()" : "";
  }
}
