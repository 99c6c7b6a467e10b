package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Assignment;
import dev.godwit.runtime.Column;
import dev.godwit.runtime.Condition;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.LeaseLostException;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.Verification;
import dev.godwit.runtime.VerificationResult;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.internal.sql.RowKeys;
import dev.godwit.runtime.internal.sql.TableSql;
import dev.godwit.runtime.internal.state.Lease;
import dev.godwit.runtime.internal.state.StateStore;
import dev.godwit.runtime.internal.state.StoredState;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to {@link Migrator#run}: claims the migration's lease, runs its keyset pass batch after
 * batch from the stored cursor, then sweeps until its verification finds no row left, and records how
 * it ended. Each batch is one transaction that also advances the stored cursor.
 *
 * @param <T> the entity type of the table
 */
public final class MigrationRun<T> {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

  /** Threads for a migration declared parallel when the run does not say how many. */
  public static final int DEFAULT_PARALLELISM = 4;

  /** Sweeps after which rows still reappearing in the old format fail the migration. */
  public static final int MAX_SWEEPS = 20;

  /**
   * Retries of a batch that met a lock timeout or another transient conflict before it is split in
   * half; a batch of one row gets {@link RunOptions#maxRetries()} of them.
   */
  public static final int RETRIES_BEFORE_SPLIT = 1;

  /** How a run ended, as it is recorded. */
  private record Ending(MigrationState state, String error, String errorRowId) {
    static final Ending SUCCEEDED = new Ending(MigrationState.SUCCEEDED, null, null);
  }

  private final Database database;
  private final Dialect dialect;
  private final StateStore store;
  private final Migration<T> migration;
  private final RunOptions options;
  private final Condition<T> range;
  private final int batchSize;
  private final TableSql<T> sql;
  private final Retrier retrier;
  private Progress progress;
  /**
   * Rows the next batch may take: the batch size, or less after a batch was split, growing back by
   * doubling after each batch that commits.
   */
  private int limit;
  private BatchLockTimeout lockTimeout;
  private final HealthThrottle health;
  /**
   * Batches of this run tried again by {@link #commitSplitting}: after a backoff, or as their first
   * half; the {@link #retrier}'s own are counted by it.
   */
  private long batchRetries;
  /** What was last read to be asked of the migration: a cancel, a pause, or nothing. */
  private Optional<String> requested = Optional.empty();

  @SuppressWarnings("unchecked")
  public MigrationRun(Database database, StateStore store, Migration<T> migration, RunOptions options) {
    this.database = database;
    this.dialect = database.dialect();
    this.store = store;
    this.migration = migration;
    this.options = options;
    this.range = options.range() != null ? (Condition<T>) options.range() : migration.range();
    this.batchSize = options.batchSize() > 0 ? options.batchSize() : migration.batchSize();
    this.sql = new TableSql<>(dialect, migration.table());
    this.retrier = new Retrier(dialect, migration.name(), options.maxRetries());
    this.limit = batchSize;
    this.health = HealthThrottle.of(migration.name(), migration.table(), dialect, store, options,
        reason -> notifyListener(withRetries(progress.status(MigrationState.RUNNING, null, null,
            null)).withWaiting(reason)));
  }

  public RunResult run() throws SQLException {
    // read once before anything is claimed: the single-transaction check starts from it
    if (options.isDryRun()) {
      throw new IllegalStateException("a dry run is a preview: see SeriesPreview");
    }
    Optional<StoredState> stored = refuseIfRecordedForAnotherTable();
    if (options.singleTransactionLimit() > 0) {
      refuseIfTooLarge(stored);
    }
    health.checkAccess(database);
    store.ensureTable();
    store.ensureRow(migration.name(), migration.table().qualifiedName());
    Lease lease = Lease.claim(store, migration.name(), options.leaseDuration(), batchSize,
        options.reset());
    ExecutorService executor = executor();
    Ending ending;
    try (Database.BatchConnection batches = database.connectForBatches()) {
      Connection connection = batches.connection();
      lockTimeout = BatchLockTimeout.of(connection, dialect, options.lockTimeout(),
          migration.name());
      try {
        ending = execute(lease, connection, step(executor));
      } finally {
        lockTimeout.restore(connection);
      }
    } catch (RuntimeException | Error e) {
      lease.close();
      // a lost connection is recorded too when the database answers again (its sessions were ended,
      // it was not down), so the state does not show as running a run that stopped; during an
      // outage recording fails quietly and the lease lapses instead
      if (!(e instanceof LeaseLostException)) {
        recordQuietly(lease, new Ending(MigrationState.FAILED, Errors.oneLine(e), null));
      }
      throw e;
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
    lease.close();
    if (!store.finish(migration.name(), lease.owner(), ending.state(), store.now(),
        ending.error(), ending.errorRowId())) {
      throw new LeaseLostException(migration.name());
    }
    MigrationStatus status = store.find(migration.name()).orElseThrow().status();
    LOG.info("Migration {} {}: {} rows visited, {} changed", migration.name(),
        ending.state().name().toLowerCase(java.util.Locale.ROOT), status.rowsVisited(),
        status.rowsChanged());
    status = withRetries(status);
    notifyListener(status);
    return RunResult.ran(status);
  }

  /** The keyset pass and the sweeps, until done, stopped or failed. */
  private Ending execute(Lease lease, Connection connection, BatchStep<T> step) {
    try {
      progress = Progress.of(store.find(migration.name()).orElseThrow(), batchSize);
      if (progress.pass() == 0) {
        long total = total(connection);
        connection.commit();
        progress = progress.withEstimate(total);
        store.saveEstimate(migration.name(), lease.owner(), total);
      }
      LOG.info("Migration {} running from {} in batches of {}", migration.name(),
          progress.cursorText() == null ? "the first row" : "after key " + progress.cursorText(),
          batchSize);
      while (true) {
        boolean fromStart = progress.cursorText() == null;
        long changedBefore = progress.changed();
        Optional<Ending> stopped = runPass(lease, connection, step);
        if (stopped.isPresent()) {
          return stopped.get();
        }
        Optional<Verification<T>> verification = migration.verification();
        if (verification.isEmpty()) {
          return Ending.SUCCEEDED;
        }
        VerificationResult left = Verifier.verify(connection, dialect, verification.get());
        connection.commit();
        if (left.complete()) {
          return Ending.SUCCEEDED;
        }
        boolean stuck = progress.pass() > 0 && fromStart && progress.changed() == changedBefore;
        if (stuck || progress.pass() >= MAX_SWEEPS) {
          String error = left.remaining() + " rows are still in the old format after "
              + (stuck ? "a sweep that changed none of them" : MAX_SWEEPS + " sweeps, so something"
                  + " keeps writing the old format")
              + " (first ids: " + Verifier.sampleText(migration.table(), left) + ")";
          return new Ending(MigrationState.FAILED, error,
              RowKeys.text(migration.table(), left.sampleIds().get(0)));
        }
        LOG.info("Migration {}: {} rows left in the old format behind the cursor; sweep {}",
            migration.name(), left.remaining(), progress.pass() + 1);
        progress = progress.startPass(progress.pass() + 1);
      }
    } catch (SQLException e) {
      rollbackQuietly(connection);
      if (dialect.isConnectionFailure(e)) {
        throw database.unreachable(e);
      }
      return failed(e, null);
    }
  }

  /**
   * The rows the keyset pass visits in all: counted exactly, or, for a table whose statistics say it
   * holds more than {@link RunOptions#exactCountLimit()} rows, estimated from them without a scan
   * (at least what was visited), or {@code -1} (unknown) for a range of such a table.
   */
  private long total(Connection connection) throws SQLException {
    java.util.OptionalLong estimate = dialect.estimatedRows(connection, migration.table());
    if (estimate.isPresent() && estimate.getAsLong() > options.exactCountLimit()) {
      LOG.info("Migration {}: {} holds about {} rows by its statistics; progress is estimated"
          + " from them rather than counted", migration.name(), migration.table().qualifiedName(),
          estimate.getAsLong());
      return range.isAll() ? Math.max(estimate.getAsLong(), progress.visited()) : -1;
    }
    return progress.visited() + Verifier.count(connection, sql, range, cursor(progress.cursorText()));
  }

  /**
   * Runs the current pass from its cursor until its rows are exhausted.
   *
   * @return how the run stopped, if it did before the pass ended
   */
  private Optional<Ending> runPass(Lease lease, Connection connection, BatchStep<T> step)
      throws SQLException {
    Condition<T> where = passCondition(progress.pass());
    // asked once at the start of a pass; after that, each batch's cursor update brings it back
    requested = store.requested(migration.name(), lease.owner());
    while (true) {
      lease.check();
      if (requested.isEmpty()) {
        requested = store.requestedHere(migration.name());
      }
      if (requested.isEmpty()) {
        HealthThrottle.Outcome waited = health.await(connection, lease);
        if (waited.pausesRun()) {
          return Optional.of(new Ending(MigrationState.PAUSED, waited.reason(), null));
        }
        requested = waited.request();
      }
      if (requested.isPresent()) {
        boolean cancel = requested.get().equals(StateStore.CANCEL);
        LOG.info("Migration {} {} at its cursor {}", migration.name(),
            cancel ? "canceled" : "paused", progress.cursorText());
        return Optional.of(new Ending(
            cancel ? MigrationState.CANCELED : MigrationState.PAUSED, null, null));
      }
      long visitedBefore = progress.visited();
      boolean exhausted;
      try {
        exhausted = options.singleTransactionLimit() > 0
            ? retrier.run(() -> commitUnit(lease, connection, step, where, batchSize))
            : commitSplitting(lease, connection, step, where);
      } catch (RowFailure failure) {
        return Optional.of(failed(failure.getCause(), failure));
      } catch (SQLException e) {
        if (dialect.isConnectionFailure(e)) {
          throw e;
        }
        return Optional.of(failed(e, null));
      } catch (MigrationException e) {
        throw e;
      } catch (RuntimeException e) {
        // a write the database or a column type refused: the batch is rolled back like any failure
        return Optional.of(failed(e, null));
      }
      if (progress.visited() > visitedBefore) {
        notifyListener(withRetries(progress.status(MigrationState.RUNNING, null, null, null)));
      }
      if (exhausted) {
        return Optional.empty();
      }
      if (!options.pauseBetweenBatches().isZero()) {
        if (!pauseBetweenBatches()) {
          return Optional.of(new Ending(MigrationState.PAUSED, null, null));
        }
        // a request made during the pause is answered before another batch starts
        requested = store.requested(migration.name(), lease.owner());
      }
    }
  }

  /**
   * Commits the next batch of up to {@link #limit} rows. A batch that keeps meeting a lock timeout
   * (or another transient conflict) after {@value #RETRIES_BEFORE_SPLIT} retry with backoff, or that
   * the database refuses, is tried again as its first half, down to a single row: a row locked
   * longer than every retry, or one the database refuses, then fails the run with its own id and the
   * database's message. The halves before it commit, as the batches before a failing batch do.
   * A {@code migrateOne} failure already names its row: it is retried whole while transient, as
   * often as {@link RunOptions#maxRetries()} allows, and never split.
   *
   * @return whether the pass has no rows left
   * @throws RowFailure naming the row that failed
   */
  private boolean commitSplitting(Lease lease, Connection connection, BatchStep<T> step,
      Condition<T> where) throws SQLException, RowFailure {
    int retriesAtSize = 0;
    int rowRetries = 0;
    while (true) {
      try {
        long start = System.nanoTime();
        long visitedBefore = progress.visited();
        boolean exhausted = commitUnit(lease, connection, step, where, limit);
        limit = nextLimit(progress.visited() - visitedBefore, System.nanoTime() - start);
        return exhausted;
      } catch (RowFailure failure) {
        if (rowRetries >= options.maxRetries() || !dialect.isTransient(failure)
            || dialect.isConnectionFailure(failure)) {
          throw failure;
        }
        backOff(rowRetries++, failure);
      } catch (SQLException | RuntimeException e) {
        if (e instanceof MigrationException || dialect.isConnectionFailure(e)) {
          throw e;
        }
        boolean conflict = dialect.isTransient(e);
        if (conflict) {
          if (options.maxRetries() == 0) {
            throw e;
          }
          int allowed = limit == 1 ? options.maxRetries()
              : Math.min(options.maxRetries(), RETRIES_BEFORE_SPLIT);
          if (retriesAtSize < allowed) {
            backOff(retriesAtSize++, e);
            continue;
          }
        }
        if (limit == 1) {
          Optional<Object> row = firstRow(connection, where);
          if (row.isEmpty()) {
            throw e;
          }
          throw new RowFailure(migration.table(), row.get(), e);
        }
        limit = Math.max(1, limit / 2);
        retriesAtSize = 0;
        batchRetries++;
        LOG.info("Migration {}: {}; trying the batch again as its first {} rows",
            migration.name(), conflict ? "a lock wait timed out again" : "the database refused a"
                + " batch (" + Errors.oneLine(e) + ")", limit);
      }
    }
  }

  /**
   * The size of the batch after one that committed: for fixed batches, twice this one's, up to the
   * batch size (a split batch grows back); for adapting ones, the rows the measured rate fits in the
   * target duration, at most twice and at least half this one's, within the minimum and maximum.
   *
   * @param rows rows the batch visited
   * @param nanos how long it took, commit included
   */
  private int nextLimit(long rows, long nanos) {
    Duration target = options.targetBatchDuration();
    if (target.isZero()) {
      return (int) Math.min(batchSize, 2L * limit);
    }
    long max = options.maxBatchSize() > 0 ? options.maxBatchSize() : 10L * batchSize;
    long fitted = rows == 0 ? 2L * limit
        : Math.round(rows * (double) target.toNanos() / Math.max(1, nanos));
    long bounded = Math.max(limit / 2, Math.min(2L * limit, fitted));
    return (int) Math.max(options.minBatchSize(), Math.min(max, bounded));
  }

  /** The key of the first row the next batch reads, read without a lock. */
  private Optional<Object> firstRow(Connection connection, Condition<T> where)
      throws SQLException {
    try (java.sql.PreparedStatement statement = sql.selectIds(where,
            cursor(progress.cursorText()), 1, false).prepare(connection);
        java.sql.ResultSet resultSet = statement.executeQuery()) {
      return resultSet.next()
          ? Optional.of(RowKeys.read(migration.table(), resultSet, 1)) : Optional.empty();
    } finally {
      rollbackQuietly(connection);
    }
  }

  /** Sleeps before a retry, longer after each; an interrupt ends the run. */
  private void backOff(int retry, Throwable cause) {
    long delay = Retrier.delay(retry);
    batchRetries++;
    LOG.warn("Migration {}: transient conflict in a batch of {} rows, retry {} in {} ms: {}",
        migration.name(), limit, retry + 1, delay, Errors.oneLine(cause));
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(ErrorCode.INTERRUPTED,
          ErrorCode.INTERRUPTED.message(migration.name(), ErrorCode.WHILE_WAITING_TO_RETRY), e);
    }
  }

  /**
   * One transaction: a batch, or every batch of the pass in single-transaction mode, each statement
   * waiting for a lock at most the run's lock timeout; saves the cursor with it and commits.
   *
   * @param rows the most rows a batch takes
   * @return whether the pass has no rows left
   */
  private boolean commitUnit(Lease lease, Connection connection, BatchStep<T> step,
      Condition<T> where, int rows) throws SQLException, RowFailure {
    boolean singleTransaction = options.singleTransactionLimit() > 0;
    Progress next = progress;
    boolean exhausted = false;
    try {
      lockTimeout.apply(connection);
      while (!exhausted) {
        BatchOutcome batch = step.execute(connection, where, cursor(next.cursorText()), rows,
            false);
        exhausted = batch.isEmpty();
        if (!exhausted) {
          next = next.advance(batch, RowKeys.text(migration.table(), batch.lastId()),
              store.now());
        }
        if (!singleTransaction) {
          break;
        }
      }
      if (next != progress) {
        requested = store.saveProgress(connection, next, lease.owner(), store.now(),
            lease.duration());
      }
      connection.commit();
    } catch (SQLException | RowFailure | RuntimeException | Error e) {
      rollbackQuietly(connection);
      throw e;
    }
    progress = next;
    return exhausted;
  }

  /**
   * What a preview of one migration found.
   *
   * @param result the preview as {@link dev.godwit.runtime.Migrator#run} reports it
   * @param rowsLeft rows its pass would still visit after the previewed batch: what a migration of
   *     the same table previewed after it cannot see yet
   */
  public record Preview(RunResult result, long rowsLeft) {}

  /**
   * Previews the next batch (at the stored cursor, or the first) on the caller's connection, inside
   * its transaction, and leaves the batch's writes there for the migrations previewed after it: the
   * caller rolls everything back. Nothing is claimed and the state table is not written. A batch that
   * fails is rolled back to where it started (a savepoint), so the transaction stays usable.
   *
   * @param connection a connection for batches, in a transaction
   * @param unfinished the migrations of the same table previewed earlier in the series whose passes
   *     have rows left after their first batch, by name, with how many: each becomes a caveat
   */
  public Preview preview(Connection connection, Map<String, Long> unfinished) throws SQLException {
    Optional<StoredState> recorded = refuseIfRecordedForAnotherTable();
    Optional<StoredState> stored = options.reset() ? Optional.empty() : recorded;
    Progress start = stored.map(state -> Progress.of(state, batchSize))
        .orElseGet(() -> Progress.fresh(migration.name(), migration.table().qualifiedName(), batchSize));
    MigrationState state = stored.map(s -> s.status().state()).orElse(MigrationState.PENDING);
    Condition<T> where = passCondition(start.pass());
    Object after = cursor(start.cursorText());
    ExecutorService executor = executor();
    try {
      // counted before the batch, which clears some of them
      Optional<String> destroyed = destroyedRows(connection, unfinished.keySet());
      BatchStep<T> step = step(executor);
      BatchOutcome batch = retrier.run(() -> {
        Savepoint savepoint = connection.setSavepoint();
        try {
          return step.execute(connection, where, after, batchSize, true);
        } catch (SQLException | RowFailure | RuntimeException | Error e) {
          rollbackTo(connection, savepoint, e);
          throw e;
        }
      });
      Progress next = batch.isEmpty() ? start : start.advance(batch,
          RowKeys.text(migration.table(), batch.lastId()), store.now());
      long left = batch.isEmpty() ? 0 : Verifier.count(connection, sql, where, batch.lastId());
      List<String> caveats = new ArrayList<>();
      unfinished.forEach((name, rows) -> caveats.add("previewed after only the first batch of "
          + name + ", which has " + rows + " rows left: it may change more rows once that has run"));
      destroyed.ifPresent(caveats::add);
      return new Preview(new RunResult(next.status(state, null, null, null), true, batch.changes(),
          batch.changed(), null, caveats), left);
    } catch (RowFailure failure) {
      return new Preview(failedPreview(start, Errors.oneLine(failure.getCause()), failure.rowId()), 0);
    } catch (SQLException e) {
      if (dialect.isConnectionFailure(e)) {
        throw database.unreachable(e);
      }
      return new Preview(failedPreview(start, Errors.oneLine(e), null), 0);
    } catch (MigrationException e) {
      throw e;
    } catch (RuntimeException e) {
      return new Preview(failedPreview(start, Errors.oneLine(e), null), 0);
    } finally {
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  private static RunResult failedPreview(Progress start, String error, String rowId) {
    return new RunResult(start.status(MigrationState.FAILED, null, error, rowId), true, List.of(), 0,
        null, List.of());
  }

  /**
   * For a migration that destroys data, the rows holding what it destroys: how many, how many its
   * range reaches now, and how many wait on other migrations to enter it. Counted where the rows it
   * destroys can be told: by its verification, or, for an in-database clear, by its cleared columns
   * holding a value. A preview taken before the migrations its range waits on have run would
   * otherwise show no change while rows it will clear exist.
   *
   * @param earlier the migrations of the same table previewed before it with rows left
   * @return one sentence, or empty if it destroys nothing countable or nothing is held
   */
  private Optional<String> destroyedRows(Connection connection, Set<String> earlier)
      throws SQLException {
    if (!migration.destroysData()) {
      return Optional.empty();
    }
    List<Column<T, ?>> cleared = migration.assignments().stream()
        .filter(assignment -> assignment.source() == null && assignment.value() == null)
        .<Column<T, ?>>map(Assignment::target).toList();
    String subject;
    Condition<T> held;
    if (!cleared.isEmpty()) {
      held = cleared.stream().map(Column::isNotNull).reduce(Condition::or).orElseThrow();
      subject = cleared.stream().map(Column::name).collect(Collectors.joining(" or "))
          + (cleared.size() == 1 ? " holds" : " hold") + " a value in ";
    } else if (migration.verification().isPresent()) {
      held = migration.verification().get().remaining();
      subject = "its verification finds ";
    } else {
      return Optional.empty();
    }
    long holding = Verifier.count(connection, sql, held, null);
    if (holding == 0) {
      return Optional.empty();
    }
    long reached = Verifier.count(connection, sql, range.and(held), null);
    long waiting = holding - reached;
    String sentence = subject + holding + " rows, which this migration destroys: " + reached
        + " of them are in its range now";
    if (waiting > 0) {
      sentence += earlier.isEmpty()
          ? ", and " + waiting + " are outside it until other migrations fill what it requires"
          : ", and " + waiting + " wait on the earlier migrations (" + String.join(", ", earlier)
              + ") to enter it";
    }
    return Optional.of(sentence);
  }

  /**
   * Refuses a name recorded for another table, whose cursor would skip rows of this one.
   *
   * @return the migration's recorded state, if any
   */
  private Optional<StoredState> refuseIfRecordedForAnotherTable() throws SQLException {
    Optional<StoredState> stored = store.find(migration.name());
    String recorded = stored.map(state -> state.status().table()).orElse(null);
    if (recorded != null && !migration.table().isRecordedAs(recorded)) {
      throw new MigrationException(ErrorCode.NAME_TAKEN, ErrorCode.NAME_TAKEN.message(
          migration.name(), recorded, migration.table().qualifiedName()));
    }
    if (!options.reset()) {
      // a cursor recorded under another key shape is refused before anything is claimed
      stored.map(state -> state.status().cursor()).ifPresent(this::cursor);
    }
    return stored;
  }

  /** Counts what a single-transaction run would visit, refusing before anything is changed. */
  private void refuseIfTooLarge(Optional<StoredState> recorded) throws SQLException {
    Optional<StoredState> stored = options.reset() ? Optional.empty() : recorded;
    Object after = stored.filter(state -> state.pass() == 0)
        .map(state -> cursor(state.status().cursor())).orElse(null);
    long rows = database.call(connection -> Verifier.count(connection, sql, range, after));
    long limit = options.singleTransactionLimit();
    if (rows > limit) {
      throw new MigrationException(ErrorCode.TOO_MANY_ROWS, ErrorCode.TOO_MANY_ROWS.message(
          migration.name(), rows, migration.table().qualifiedName(), limit));
    }
  }

  /** The keyset pass visits the range; a sweep, the rows of the range still in the old format. */
  private Condition<T> passCondition(int pass) {
    return migration.verification().filter(verification -> pass > 0)
        .map(verification -> range.and(verification.remaining())).orElse(range);
  }

  private BatchStep<T> step(ExecutorService executor) {
    return migration.inDatabase()
        ? new InDatabaseBatchStep<>(migration, dialect)
        : new RowBatchStep<>(migration, dialect, database.decimalScales(), executor);
  }

  private ExecutorService executor() {
    int threads = options.parallelism() > 1 ? options.parallelism()
        : migration.parallel() ? DEFAULT_PARALLELISM : 1;
    if (threads <= 1 || migration.inDatabase()) {
      return null;
    }
    return Executors.newFixedThreadPool(threads,
        DaemonThreads.named("godwit-" + migration.name()));
  }

  /**
   * A recorded cursor as a key.
   *
   * @throws MigrationException if it is not a key of the table's shape
   */
  private Object cursor(String text) {
    return text == null ? null : RowKeys.parse(migration.table(), text, migration.name());
  }

  /** A failed ending, of the row that failed when {@code row} is not {@code null}. */
  private Ending failed(Throwable cause, RowFailure row) {
    String error = Errors.oneLine(cause);
    LOG.warn("Migration {} failed{}: {}", migration.name(),
        row == null ? "" : " at row " + row.row(), error);
    return new Ending(MigrationState.FAILED, error, row == null ? null : row.rowId());
  }

  /** Sleeps between batches; an interrupt pauses the run. */
  private boolean pauseBetweenBatches() {
    try {
      Thread.sleep(options.pauseBetweenBatches().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A status, recorded or of this run's progress, with the retries this run has made so far. */
  private MigrationStatus withRetries(MigrationStatus status) {
    return new MigrationStatus(status.name(), status.table(), status.state(), status.cursor(),
        status.rowsVisited(), status.rowsChanged(), status.estimatedTotal(), status.batchSize(),
        status.startedAt(), status.heartbeatAt(), status.finishedAt(), status.error(),
        status.errorRowId(), retrier.retries() + batchRetries, status.waiting());
  }

  private void notifyListener(MigrationStatus status) {
    try {
      options.listener().onProgress(status);
    } catch (RuntimeException e) {
      LOG.warn("The progress listener of migration {} failed: {}", migration.name(),
          Errors.oneLine(e));
    }
  }

  private void recordQuietly(Lease lease, Ending ending) {
    try {
      store.finish(migration.name(), lease.owner(), ending.state(), store.now(),
          ending.error(), ending.errorRowId());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not record the failure of migration {}: {}", migration.name(),
          Errors.oneLine(e));
    }
  }

  /** Undoes a failed preview's batch; a connection too broken for that is reported by the caller. */
  private static void rollbackTo(Connection connection, Savepoint savepoint, Throwable failure) {
    try {
      connection.rollback(savepoint);
    } catch (SQLException e) {
      failure.addSuppressed(e);
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
