package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.VerificationResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Four application writers insert and update rows, in the old format and the new, next to the
 * migration's cursor while it runs, in transactions of several rows taken in random order so that
 * they deadlock with the batches, which lock in id order; some are slow, and the migrator's sessions
 * are strict (a short lock timeout, serializable by default), so that conflicts are many.
 */
class ConcurrentWritersTest {

  /** Initial rows have the even ids up to twice this; writers insert odd ids between them. */
  private static final int INITIAL_ROWS = 500;
  private static final long LAST_INITIAL_ID = 2L * INITIAL_ROWS;
  private static final int BATCH_SIZE = 20;
  private static final int WRITERS = 4;

  /** Rows whose {@code (id / 2) % (WRITERS + 1)} is this belong to no writer. */
  private static final int UNOWNED = WRITERS;

  /** How far around the cursor writers pick rows: the batch under way and the next ones. */
  private static final int BEHIND = 2 * BATCH_SIZE;
  private static final int AHEAD = 6 * BATCH_SIZE;

  /**
   * The migrator waits this long for a row lock, so a writer holding one makes a batch retry: the
   * run's own lock timeout, which its batches set over the session's.
   */
  private static final int MIGRATOR_LOCK_TIMEOUT_MILLIS = 100;
  /** MySQL's innodb_lock_wait_timeout counts whole seconds. */
  private static final int MARIADB_LOCK_TIMEOUT_SECONDS = 1;

  /**
   * One transaction in this many is a slow request, holding its row locks longer than the migrator
   * waits for them.
   */
  private static final int SLOW_REQUESTS_ONE_IN = 20;
  private int lockTimeoutMillis = MIGRATOR_LOCK_TIMEOUT_MILLIS;

  /** SQL states of conflicts to retry: serialization failure, deadlock, lock timeouts, H2's own. */
  private static final Set<String> CONFLICTS =
      Set.of("40001", "40P01", "55P03", "HYT00", "90131", "1205");
  /** MySQL's lock wait timeout (1205), whose SQL state is the general HY000. */
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

  @RegisterExtension final Databases databases = new Databases();

  private final Map<Long, String> lastWritten = new ConcurrentHashMap<>();
  private final AtomicLong cursor = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger writerConflicts = new AtomicInteger();
  private final AtomicBoolean lockHeld = new AtomicBoolean();
  private volatile Future<?> slowRequest;

  static Stream<Arguments> databasesAndMigrations() {
    return Stream.of(TestDatabase.values())
        .flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
  }

  @ParameterizedTest(name = "{0}, in database: {1}")
  @MethodSource("databasesAndMigrations")
  void writersInBothFormatsDuringTheRunLoseNoWriteAndNoConflictFailsTheMigration(
      TestDatabase kind, boolean inDatabase) throws Exception {
    Db db = databases.create(kind);
    if (kind == TestDatabase.MARIADB) {
      lockTimeoutMillis = 1000 * MARIADB_LOCK_TIMEOUT_SECONDS;
    }
    db.create(Profile.TABLE);
    db.insert(Profile.TABLE, LongStream.rangeClosed(1, INITIAL_ROWS)
        .mapToObj(i -> new Profile(2 * i, "initial " + 2 * i, null)).toList());
    LongStream.rangeClosed(1, INITIAL_ROWS).forEach(i -> lastWritten.put(2 * i, "initial " + 2 * i));
    Migration<Profile> migration =
        inDatabase ? Profile.backfillInDatabase(BATCH_SIZE) : Profile.backfill(BATCH_SIZE);
    WatchedDataSource migratorSide = new WatchedDataSource(strict(db));
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
    List<Future<?>> writers = new ArrayList<>();
    for (int number = 0; number < WRITERS; number++) {
      Writer writer = new Writer(db.dataSource, number, new Random(number));
      writers.add(threads.submit(() -> {
        writer.run();
        return null;
      }));
    }
    RunOptions options = RunOptions.defaults()
        .withLockTimeout(Duration.ofMillis(MIGRATOR_LOCK_TIMEOUT_MILLIS))
        .withPauseBetweenBatches(Duration.ofMillis(5))
        .withListener(status -> {
          if (status.cursor() != null) {
            cursor.set(Long.parseLong(status.cursor()));
          }
          // at least one conflict, whatever the writers' timing: a slow request in the next batch
          if (cursor.get() >= LAST_INITIAL_ID / 2 && !lockHeld.getAndSet(true)) {
            holdALockOfTheNextBatch(db.dataSource, threads);
          }
          // old instances are retired before the pass ends; the sweeps then see their last writes
          if (cursor.get() >= LAST_INITIAL_ID * 9 / 10 && !stop.getAndSet(true)) {
            awaitAll(writers);
          }
        });

    RunResult result;
    try {
      result = Migrator.create(migratorSide).run(migration, options);
    } finally {
      stop.set(true);
      threads.shutdown();
    }
    awaitAll(writers);
    assertTrue(result.succeeded(), result.status().error());
    awaitAll(List.of(slowRequest));
    VerificationResult left = db.migrator().verify(migration.verification().orElseThrow());
    assertTrue(left.complete(), left.toString());
    Map<Long, String> fullNames = new TreeMap<>();
    for (Map<String, Object> row : db.rows("SELECT id, full_name, display_name FROM profiles")) {
      long id = Long.parseLong(String.valueOf(row.get("id")));
      assertEquals(lastWritten.get(id), row.get("display_name"), "display_name of " + id);
      fullNames.put(id, String.valueOf(row.get("full_name")));
    }
    assertEquals(new TreeMap<>(lastWritten), fullNames);
    assertTrue(writes.get() > WRITERS, "writes: " + writes.get());
    long migratorConflicts = migratorSide.errorStates().stream().filter(CONFLICTS::contains).count();
    assertTrue(migratorConflicts > 0, "the migration met no conflict");
    System.out.printf("%s, in database %s: %d writes, %d writer conflicts, %d migrator conflicts%n",
        kind, inDatabase, writes.get(), writerConflicts.get(), migratorConflicts);
  }

  /**
   * The same database as the migrator's sessions see it: they wait only a short time for a row lock,
   * so that a writer in the way makes a batch fail with a lock timeout rather than wait; and they are
   * serializable by default, as some applications set their pools, which would make every row a
   * writer changed since a batch began fail that batch, had the migrator not its own isolation.
   */
  private DataSource strict(Db db) {
    if (db.dataSource instanceof TestDatabase.UrlDataSource mariaDb) {
      return new TestDatabase.UrlDataSource(mariaDb.url()
          + (mariaDb.url().contains("?") ? "&" : "?") + "sessionVariables=innodb_lock_wait_timeout="
          + MARIADB_LOCK_TIMEOUT_SECONDS + ",transaction_isolation='SERIALIZABLE'", mariaDb.user(),
          mariaDb.password());
    }
    if (db.dataSource instanceof JdbcDataSource h2) {
      JdbcDataSource strict = new JdbcDataSource();
      strict.setURL(h2.getURL() + ";LOCK_TIMEOUT=" + MIGRATOR_LOCK_TIMEOUT_MILLIS
          + ";INIT=SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      strict.setUser(h2.getUser());
      return strict;
    }
    PGSimpleDataSource postgres = (PGSimpleDataSource) db.dataSource;
    PGSimpleDataSource strict = new PGSimpleDataSource();
    strict.setUrl(postgres.getUrl());
    strict.setUser(postgres.getUser());
    strict.setOptions("-c lock_timeout=" + MIGRATOR_LOCK_TIMEOUT_MILLIS
        + " -c default_transaction_isolation=serializable");
    return strict;
  }

  /**
   * Has a request that no writer makes lock a row of the next batch and hold it for longer than the
   * migrator waits for a lock; returns once the lock is held.
   */
  private void holdALockOfTheNextBatch(DataSource dataSource, ExecutorService threads) {
    long id = cursor.get() + 1;
    while (id % 2 != 0 || (id / 2) % (WRITERS + 1) != UNOWNED) {
      id++;
    }
    long locked = id;
    String value = "slow request " + id;
    CountDownLatch held = new CountDownLatch(1);
    slowRequest = threads.submit(() -> {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
            "UPDATE profiles SET full_name = ? WHERE id = ?")) {
          statement.setString(1, value);
          statement.setLong(2, locked);
          statement.executeUpdate();
        }
        held.countDown();
        Await.sleep(3L * lockTimeoutMillis);
        connection.commit();
        lastWritten.put(locked, value);
      }
      return null;
    });
    try {
      assertTrue(held.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS), "no lock held");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitAll(List<Future<?>> writers) {
    for (Future<?> writer : writers) {
      try {
        writer.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("a writer failed", e);
      }
    }
  }

  /**
   * One application instance: writes only the rows it owns (so that what it wrote last is known),
   * each transaction touching one to three rows near the cursor in random order, each row in the old
   * format (the new column left null, as an instance not yet deployed writes it) or the new one.
   */
  private final class Writer {
    private final DataSource dataSource;
    private final int number;
    private final Random random;
    private int sequence;

    Writer(DataSource dataSource, int number, Random random) {
      this.dataSource = dataSource;
      this.number = number;
      this.random = random;
    }

    void run() throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
          String product = connection.getMetaData().getDatabaseProductName();
          statement.execute(product.equals("H2") ? "SET LOCK_TIMEOUT 10000"
              : product.equals("PostgreSQL") ? "SET lock_timeout = '10s'"
              : "SET SESSION innodb_lock_wait_timeout = 10");
        }
        while (!stop.get()) {
          writeOnce(connection);
        }
      }
    }

    /** One transaction, retried whole after a conflict; recorded only once it commits. */
    private void writeOnce(Connection connection) throws SQLException {
      Map<Long, String> values = new TreeMap<>();
      List<Long> ids = new ArrayList<>();
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        long id = pickId();
        if (values.putIfAbsent(id, "writer " + number + " write " + ++sequence) == null) {
          ids.add(id);
        }
      }
      Collections.shuffle(ids, random);
      boolean newFormat = random.nextBoolean();
      boolean slow = random.nextInt(SLOW_REQUESTS_ONE_IN) == 0;
      while (true) {
        try {
          for (long id : ids) {
            write(connection, id, values.get(id), newFormat);
            Await.sleep(slow ? 3 * lockTimeoutMillis / 2 : random.nextInt(3));
          }
          connection.commit();
          lastWritten.putAll(values);
          writes.addAndGet(ids.size());
          return;
        } catch (SQLException e) {
          connection.rollback();
          if (!CONFLICTS.contains(e.getSQLState())
              && e.getErrorCode() != MYSQL_LOCK_WAIT_TIMEOUT) {
            throw e;
          }
          writerConflicts.incrementAndGet();
        }
      }
    }

    /** An id this writer owns, near the cursor: existing, or new between the initial rows. */
    private long pickId() {
      while (true) {
        long id = cursor.get() - BEHIND + random.nextInt(BEHIND + AHEAD);
        if (id >= 1 && (id / 2) % (WRITERS + 1) == number) {
          return id;
        }
      }
    }

    private void write(Connection connection, long id, String value, boolean newFormat)
        throws SQLException {
      boolean exists = lastWritten.containsKey(id);
      String sql = exists
          ? "UPDATE profiles SET full_name = ?, display_name = ? WHERE id = ?"
          : "INSERT INTO profiles (full_name, display_name, id) VALUES (?, ?, ?)";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, value);
        statement.setString(2, newFormat ? value : null);
        statement.setLong(3, id);
        statement.executeUpdate();
      }
    }
  }
}
