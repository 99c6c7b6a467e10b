package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.spi.Dialect;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the batches of one keyset walk (the single runner's pass, or one worker's range) at a size
 * that shrinks and grows: a batch that keeps meeting a lock timeout (or another transient conflict)
 * after {@value MigrationRun#RETRIES_BEFORE_SPLIT} retry with backoff, or that the database refuses, is
 * tried again as its first half, down to a single row, which then fails the run with its own id and
 * the database's message. A {@code migrateOne} failure already names its row: it is retried whole
 * while transient, as often as {@link RunOptions#maxRetries()} allows, and never split. After each
 * batch that commits the size grows back (fixed batches) or moves toward the target duration
 * (adaptive batches). Not thread-safe: one per walk.
 */
final class SplittingCommitter {

  private static final Logger LOG = LoggerFactory.getLogger(SplittingCommitter.class);

  /** One transaction of up to {@code limit} rows, committed, or rolled back when it throws. */
  interface Unit {
    Committed commit(int limit) throws SQLException, RowFailure;
  }

  /** The key of the first row the next batch would read, read without a lock. */
  interface FirstRow {
    Optional<Object> find() throws SQLException;
  }

  /**
   * What a committed unit did.
   *
   * @param visited rows it visited
   * @param exhausted whether the walk has no rows left
   */
  record Committed(long visited, boolean exhausted) {}

  private final Dialect dialect;
  private final String name;
  private final Table<?> table;
  private final RunOptions options;
  private final int batchSize;
  /**
   * Rows the next batch may take: the batch size, or less after a batch was split, growing back by
   * doubling after each batch that commits.
   */
  private int limit;
  /** Batches tried again here: after a backoff, or as their first half. */
  private long retries;

  SplittingCommitter(Dialect dialect, String name, Table<?> table, RunOptions options,
      int batchSize) {
    this.dialect = dialect;
    this.name = name;
    this.table = table;
    this.options = options;
    this.batchSize = batchSize;
    this.limit = batchSize;
  }

  /** The batches tried again so far. */
  long retries() {
    return retries;
  }

  /**
   * Commits the next batch through {@code unit}, splitting and retrying as this class says.
   *
   * @return whether the walk has no rows left
   * @throws RowFailure naming the row that failed
   */
  boolean commit(Unit unit, FirstRow firstRow) throws SQLException, RowFailure {
    int retriesAtSize = 0;
    int rowRetries = 0;
    while (true) {
      try {
        long start = System.nanoTime();
        Committed committed = unit.commit(limit);
        limit = nextLimit(committed.visited(), System.nanoTime() - start);
        return committed.exhausted();
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
              : Math.min(options.maxRetries(), MigrationRun.RETRIES_BEFORE_SPLIT);
          if (retriesAtSize < allowed) {
            backOff(retriesAtSize++, e);
            continue;
          }
        }
        if (limit == 1) {
          Optional<Object> row = firstRow.find();
          if (row.isEmpty()) {
            throw e;
          }
          throw new RowFailure(table, row.get(), e);
        }
        limit = Math.max(1, limit / 2);
        retriesAtSize = 0;
        retries++;
        LOG.info("Migration {}: {}; trying the batch again as its first {} rows", name,
            conflict ? "a lock wait timed out again" : "the database refused a batch ("
                + Errors.oneLine(e) + ")", limit);
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

  /** Sleeps before a retry, longer after each; an interrupt ends the run. */
  private void backOff(int retry, Throwable cause) {
    long delay = Retrier.delay(retry);
    retries++;
    LOG.warn("Migration {}: transient conflict in a batch of {} rows, retry {} in {} ms: {}",
        name, limit, retry + 1, delay, Errors.oneLine(cause));
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(ErrorCode.INTERRUPTED,
          ErrorCode.INTERRUPTED.message(name, ErrorCode.WHILE_WAITING_TO_RETRY), e);
    }
  }
}
