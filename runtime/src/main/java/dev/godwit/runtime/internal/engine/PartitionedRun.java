package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import dev.godwit.runtime.LeaseLostException;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.RangeStatus;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import dev.godwit.runtime.internal.state.Lease;
import dev.godwit.runtime.internal.state.RangeStore;
import dev.godwit.runtime.internal.state.SharedLease;
import dev.godwit.runtime.internal.state.StateStore;
import dev.godwit.runtime.internal.state.StoredState;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyset pass of a migration run by several workers, in this process and in others: joins the
 * run (or starts it, splitting the pass into key ranges once), then runs {@link RunOptions#workers()}
 * threads, each claiming a range, migrating it batch by batch from its saved cursor and claiming the
 * next, until every range is done. Each batch is one transaction that also saves its range's cursor
 * and counts, conditionally on the worker still holding the range. A worker whose lease lapsed loses
 * its range to another at its saved cursor, so every row is migrated once.
 *
 * <p>Workers wait while ranges held by other processes are not done, claiming any whose lease lapses,
 * so that a dead process's range is always taken over by a live one without anyone running the
 * migration again. When every range is done, exactly one process takes the migration over from the
 * workers ({@link RangeStore#handOver}) and goes on as a single runner at the end of its keyset
 * pass, verifying and sweeping if rows are left; the others return the migration's status as it
 * is then.
 *
 * @param <T> the entity type of the table
 */
final class PartitionedRun<T> {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionedRun.class);

  /**
   * How the partitioned part ended for this process.
   *
   * @param result what to return, when this process does not go on with the migration
   * @param lease the migration's lease, when this process goes on with it as a single runner
   */
  record Outcome(RunResult result, Lease lease) {}

  /**
   * Why the workers stopped before every range was done.
   *
   * @param state the state to record, or {@code null} when the workers' lease was gone and nothing
   *     is recorded
   * @param cause what failed, rethrown once the failure is recorded when it is not a batch's own
   */
  private record Stop(MigrationState state, String error, String errorRowId, RuntimeException cause) {
    static final Stop LOST = new Stop(null, null, null, null);
  }

  private final Database database;
  private final Dialect dialect;
  private final StateStore store;
  private final RangeStore ranges;
  private final Migration<T> migration;
  private final RunOptions options;
  private final Condition<T> range;
  private final int batchSize;
  private final TableSql<T> sql;
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  /** What this process's workers visited and changed, for the progress listener. */
  private final AtomicLong visited = new AtomicLong();
  private final AtomicLong changed = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private SharedLease shared;
  private MigrationStatus base;

  PartitionedRun(Database database, StateStore store, Migration<T> migration, RunOptions options,
      Condition<T> range, int batchSize) {
    this.database = database;
    this.dialect = database.dialect();
    this.store = store;
    this.ranges = store.ranges();
    this.migration = migration;
    this.options = options;
    this.range = range;
    this.batchSize = batchSize;
    this.sql = new TableSql<>(dialect, migration.table());
  }

  /**
   * Whether a run goes through the workers: when it asks for several workers or ranges, or when
   * the migration's keyset pass is already split into ranges (a run joins them whatever its number
   * of workers).
   */
  static boolean applies(StateStore store, String name, RunOptions options,
      Optional<StoredState> stored) throws SQLException {
    boolean keysetPass = options.reset() || stored.map(StoredState::pass).orElse(0) == 0;
    if (!keysetPass) {
      return false;
    }
    return options.workers() > 1 || options.ranges() > 1
        || (!options.reset() && store.ranges().any(name));
  }

  Outcome run() throws SQLException {
    String name = migration.name();
    ranges.ensureTable();
    shared = SharedLease.join(store, name, options.leaseDuration(), batchSize, options.reset());
    try {
      if (options.reset()) {
        ranges.delete(name);
      }
      StoredState state = store.find(name).orElseThrow();
      base = state.status();
      if (!ranges.any(name)) {
        if (state.pass() > 0) {
          return handOver();
        }
        split(state);
      }
      List<Thread> threads = new ArrayList<>();
      String process = Lease.newOwner(store);
      for (int i = 1; i <= options.workers(); i++) {
        String owner = process + " worker " + i;
        shared.addWorker(owner);
        Thread thread = new Thread(() -> work(owner), "godwit-" + name + "-worker-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        join(thread);
      }
      Stop stopped = stop.get();
      if (stopped == null) {
        return handOver();
      }
      if (stopped.state() != null) {
        store.finish(name, shared.token(), stopped.state(), store.now(), stopped.error(),
            stopped.errorRowId());
        if (stopped.cause() != null) {
          throw stopped.cause();
        }
      }
      return ended();
    } finally {
      shared.close();
    }
  }

  /** Splits the pass at the migration's cursor, unless another process split it first. */
  private void split(StoredState state) throws SQLException {
    int count = options.ranges() > 0 ? options.ranges()
        : options.workers() * RunOptions.RANGES_PER_WORKER;
    long start = System.nanoTime();
    RangeSplit split;
    try (Database.BatchConnection batches = database.connectForBatches()) {
      split = RangeSplit.of(batches.connection(), dialect, sql, range, state.status().cursor(),
          count, options.exactCountLimit(), state.status().rowsVisited());
    }
    if (ranges.insert(migration.name(), shared.token(), split.bounds(), split.total())) {
      LOG.info("Migration {} split into {} ranges for its workers in {} ms", migration.name(),
          split.bounds().size(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Takes the migration over from the workers for this process, which goes on as a single runner.
   *
   * @return its lease, or, when another process took it over, the migration's status
   */
  private Outcome handOver() throws SQLException {
    String owner = Lease.newOwner(store);
    Retrier retrier = new Retrier(dialect, migration.name(), options.maxRetries());
    if (!retry(retrier, () -> ranges.handOver(migration.name(), shared.token(), owner,
        store.now(), options.leaseDuration()))) {
      return ended();
    }
    shared.close();
    LOG.info("Migration {}: every range is done; {} goes on with it", migration.name(), owner);
    return new Outcome(null, Lease.adopt(store, migration.name(), owner, options.leaseDuration()));
  }

  /** The migration's status as recorded now, reported to the listener. */
  private Outcome ended() throws SQLException {
    MigrationStatus status = store.find(migration.name()).orElseThrow().status();
    notifyListener(status);
    return new Outcome(RunResult.ran(status), null);
  }

  /** One worker: claims ranges and migrates them until none is left or the run stops. */
  private void work(String owner) {
    ExecutorService executor = MigrationRun.executor(migration, options);
    try (Database.BatchConnection batches = database.connectForBatches()) {
      Connection connection = batches.connection();
      BatchLockTimeout lockTimeout = BatchLockTimeout.of(connection, dialect,
          options.lockTimeout(), migration.name());
      try {
        BatchStep<T> step = MigrationRun.step(database, migration, executor);
        SplittingCommitter committer = new SplittingCommitter(dialect, migration.name(),
            migration.table(), options, batchSize);
        HealthThrottle health = HealthThrottle.of(migration.name(), migration.table(), dialect,
            store, options, reason -> notifyListener(progress(null, visited.get(),
                changed.get()).withWaiting(reason)));
        Retrier bookkeeping = new Retrier(dialect, migration.name(), options.maxRetries());
        long retriesBefore = 0;
        while (!stopped(connection, bookkeeping)) {
          connection.rollback();
          Optional<RangeStatus> claimed = retry(bookkeeping, () -> ranges.claim(migration.name(),
              owner, store.now(), shared.duration()));
          if (claimed.isEmpty()) {
            if (retry(bookkeeping, () -> ranges.unfinished(migration.name())) == 0) {
              return;
            }
            sleep(Math.min(1000, Math.max(10, shared.duration().toMillis() / 3)));
            continue;
          }
          RangeCursor cursor = new RangeCursor(claimed.get());
          try {
            runRange(connection, step, lockTimeout, committer, bookkeeping, health, owner,
                cursor);
          } finally {
            retries.addAndGet(committer.retries() - retriesBefore);
            retriesBefore = committer.retries();
            if (cursor.held) {
              release(cursor, owner);
            }
          }
        }
      } finally {
        lockTimeout.restore(connection);
      }
    } catch (SQLException e) {
      stopWith(new Stop(MigrationState.FAILED, Errors.oneLine(e), null,
          dialect.isConnectionFailure(e) ? database.unreachable(e) : null));
    } catch (MigrationException e) {
      stopWith(new Stop(MigrationState.FAILED, Errors.oneLine(e), null, e));
    } catch (RuntimeException | Error e) {
      stopWith(new Stop(MigrationState.FAILED, Errors.oneLine(e), null,
          e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e)));
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  /** A range as its worker holds it: where it is, and what it did. */
  private final class RangeCursor {
    final int number;
    final Object upper;
    String text;
    long visited;
    long changed;
    boolean held = true;

    RangeCursor(RangeStatus claimed) {
      this.number = claimed.number();
      this.upper = key(claimed.upperBound());
      this.text = claimed.cursor() != null ? claimed.cursor() : claimed.lowerBound();
      this.visited = claimed.rowsVisited();
      this.changed = claimed.rowsChanged();
    }
  }

  /** Migrates a claimed range batch by batch until it is done, taken over, or the run stops. */
  private void runRange(Connection connection, BatchStep<T> step, BatchLockTimeout lockTimeout,
      SplittingCommitter committer, Retrier bookkeeping, HealthThrottle health, String owner,
      RangeCursor cursor) throws SQLException {
    LOG.debug("{} migrates range {} of {} from {}", owner, cursor.number, migration.name(),
        cursor.text);
    while (!stopped(connection, bookkeeping)) {
      if (!healthy(connection, health)) {
        return;
      }
      boolean exhausted;
      try {
        exhausted = committer.commit(
            limit -> commitBatch(connection, step, lockTimeout, owner, cursor, limit),
            () -> firstRow(connection, cursor));
      } catch (LeaseLostException e) {
        LOG.info("Range {} of migration {} was taken over from {} after its lease lapsed; its"
            + " batch was rolled back", cursor.number, migration.name(), owner);
        cursor.held = false;
        return;
      } catch (RowFailure failure) {
        String error = Errors.oneLine(failure.getCause());
        LOG.warn("Migration {} failed at row {}: {}", migration.name(), failure.row(), error);
        stopWith(new Stop(MigrationState.FAILED, error, failure.rowId(), null));
        return;
      } catch (SQLException e) {
        if (dialect.isConnectionFailure(e)) {
          throw e;
        }
        stopWith(new Stop(MigrationState.FAILED, Errors.oneLine(e), null, null));
        return;
      } catch (MigrationException e) {
        throw e;
      } catch (RuntimeException e) {
        // a write the database or a column type refused: the batch is rolled back like any failure
        stopWith(new Stop(MigrationState.FAILED, Errors.oneLine(e), null, null));
        return;
      }
      if (exhausted) {
        cursor.held = false;
        return;
      }
      if (!options.pauseBetweenBatches().isZero()) {
        sleep(options.pauseBetweenBatches().toMillis());
      }
    }
  }

  /**
   * One batch of a range in one transaction: the batch, bounded by the range's upper key, then its
   * cursor and counts saved (and the range marked done when the batch found no row), conditionally
   * on this worker still holding the range.
   *
   * @throws LeaseLostException if another worker took the range over: the batch is rolled back
   */
  private SplittingCommitter.Committed commitBatch(Connection connection, BatchStep<T> step,
      BatchLockTimeout lockTimeout, String owner, RangeCursor cursor, int limit)
      throws SQLException, RowFailure {
    try {
      lockTimeout.apply(connection);
      BatchOutcome batch = step.execute(connection, range, key(cursor.text), cursor.upper, limit,
          false);
      String next = batch.isEmpty() ? cursor.text : RowKeys.text(migration.table(), batch.lastId());
      if (!ranges.save(connection, migration.name(), cursor.number, owner, next,
          cursor.visited + batch.visited(), cursor.changed + batch.changed(), batch.isEmpty(),
          store.now(), shared.duration())) {
        throw new LeaseLostException(migration.name());
      }
      connection.commit();
      cursor.text = next;
      cursor.visited += batch.visited();
      cursor.changed += batch.changed();
      if (!batch.isEmpty()) {
        notifyListener(progress(next, visited.addAndGet(batch.visited()),
            changed.addAndGet(batch.changed())));
      }
      return new SplittingCommitter.Committed(batch.visited(), batch.isEmpty());
    } catch (SQLException | RowFailure | RuntimeException | Error e) {
      rollbackQuietly(connection);
      throw e;
    }
  }

  /** The key of the first row a range's next batch reads, read without a lock. */
  private Optional<Object> firstRow(Connection connection, RangeCursor cursor)
      throws SQLException {
    try (java.sql.PreparedStatement statement = sql.selectIds(range, key(cursor.text),
            cursor.upper, 1, false).prepare(connection);
        java.sql.ResultSet resultSet = statement.executeQuery()) {
      return resultSet.next()
          ? Optional.of(RowKeys.read(migration.table(), resultSet, 1)) : Optional.empty();
    } finally {
      rollbackQuietly(connection);
    }
  }

  /**
   * Whether the workers are to stop: another worker failed, or the migration was canceled, paused or
   * taken from the workers (a request is read between batches, from the migration's row, on the
   * worker's batch connection: the read opens the transaction the next batch goes on in).
   */
  private boolean stopped(Connection connection, Retrier bookkeeping) throws SQLException {
    if (stop.get() != null) {
      return true;
    }
    if (shared.lost()) {
      return stopWith(Stop.LOST);
    }
    Optional<String> requested;
    try {
      requested = retry(bookkeeping, () -> {
        try {
          return store.requested(connection, migration.name(), shared.token());
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(connection);
          throw e;
        }
      });
    } catch (LeaseLostException e) {
      return stopWith(Stop.LOST);
    }
    if (requested.isEmpty()) {
      requested = store.requestedHere(migration.name());
    }
    if (requested.isPresent()) {
      boolean cancel = requested.get().equals(StateStore.CANCEL);
      LOG.info("Migration {} {}; its workers stop at their ranges' cursors", migration.name(),
          cancel ? "canceled" : "paused");
      return stopWith(new Stop(cancel ? MigrationState.CANCELED : MigrationState.PAUSED, null,
          null, null));
    }
    return false;
  }

  /**
   * Waits while the health signals say to, as a single runner does between batches.
   *
   * @return {@code false} if the workers are to stop instead: the wait outlasted its longest, or
   *     a cancel or pause came meanwhile, or the workers' lease is gone
   */
  private boolean healthy(Connection connection, HealthThrottle health) throws SQLException {
    HealthThrottle.Outcome waited;
    try {
      waited = health.await(connection, shared.token(), () -> {
        if (shared.lost()) {
          throw new LeaseLostException(migration.name());
        }
      });
    } catch (LeaseLostException e) {
      stopWith(Stop.LOST);
      return false;
    }
    if (waited.pausesRun()) {
      stopWith(new Stop(MigrationState.PAUSED, waited.reason(), null, null));
      return false;
    }
    if (waited.request().isPresent()) {
      boolean cancel = waited.request().get().equals(StateStore.CANCEL);
      stopWith(new Stop(cancel ? MigrationState.CANCELED : MigrationState.PAUSED, null, null,
          null));
      return false;
    }
    return true;
  }

  /**
   * Runs a statement of the workers' own bookkeeping (claims, reads of the ranges and of requests),
   * retrying it while it meets a deadlock or another transient conflict with other workers.
   */
  private static <R> R retry(Retrier retrier, Retrier.Attempt<R> attempt) throws SQLException {
    try {
      return retrier.run(attempt);
    } catch (RowFailure e) {
      throw new IllegalStateException("no row is migrated by the workers' bookkeeping", e);
    }
  }

  /**
   * Lets go of a range at its saved cursor. A release that fails leaves the range to be taken
   * over when its lease lapses, as a dead worker's is.
   */
  private void release(RangeCursor cursor, String owner) {
    try {
      ranges.release(migration.name(), cursor.number, owner);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Range {} of migration {} is left to its lease: {}", cursor.number,
          migration.name(), Errors.oneLine(e));
    }
  }

  /** Records why the workers stop, the first reason winning. */
  private boolean stopWith(Stop reason) {
    stop.compareAndSet(null, reason);
    return true;
  }

  /** A status carrying the migration's counts as this process knows them. */
  private MigrationStatus progress(String cursor, long visitedHere, long changedHere) {
    return new MigrationStatus(base.name(), base.table(), MigrationState.RUNNING, cursor,
        base.rowsVisited() + visitedHere, base.rowsChanged() + changedHere, base.estimatedTotal(),
        batchSize, base.startedAt(), store.now(), null, null, null, retries.get());
  }

  /** Calls the listener from one worker at a time. */
  private void notifyListener(MigrationStatus status) {
    synchronized (this) {
      try {
        options.listener().onProgress(status);
      } catch (RuntimeException e) {
        LOG.warn("The progress listener of migration {} failed: {}", migration.name(),
            Errors.oneLine(e));
      }
    }
  }

  private Object key(String text) {
    return text == null ? null : RowKeys.parse(migration.table(), text, migration.name());
  }

  /** Sleeps between polls or batches; an interrupt pauses the migration. */
  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopWith(new Stop(MigrationState.PAUSED, null, null, null));
    }
  }

  /** Waits for a worker; an interrupt pauses the migration, its workers stopping after a batch. */
  private void join(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        stopWith(new Stop(MigrationState.PAUSED, null, null, null));
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is broken; the caller reports the original error
    }
  }
}
