package dev.godwit.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How one run of a migration behaves. Immutable: every {@code with…} method returns a copy.
 *
 * <pre>{@code
 * migrator.run(migration, RunOptions.defaults().withBatchSize(500).withListener(System.out::println));
 * migrator.run(migration, RunOptions.dryRun());
 * }</pre>
 *
 * @param isDryRun run only the next batch (at the stored cursor, or the first), report the rows it
 *     would change, roll everything back, the state table included
 * @param batchSize rows per batch; {@code 0} keeps the migration's own
 * @param reset forget the stored cursor and counts and start over from the first row
 * @param range visit only these rows instead of the migration's own range; {@code null} keeps it
 * @param parallelism threads applying {@code migrateOne} within a batch; {@code 1} runs them in order,
 *     or on 4 threads for a migration declared {@link Migration.Builder#parallel() parallel}
 * @param pauseBetweenBatches sleep after each committed batch, to leave room to the application
 * @param singleTransactionLimit {@code > 0}: migrate the whole range in one transaction, refusing
 *     (before changing anything) if it holds more rows than this; {@code 0}: batches
 * @param leaseDuration how long a runner's claim lasts without a heartbeat before another runner may
 *     take the migration over
 * @param maxRetries how often a batch that hit a serialization failure, deadlock or lock timeout is
 *     retried, with backoff, before the migration fails
 * @param listener sees every committed batch
 */
public record RunOptions(
    boolean isDryRun,
    int batchSize,
    boolean reset,
    Condition<?> range,
    int parallelism,
    Duration pauseBetweenBatches,
    long singleTransactionLimit,
    Duration leaseDuration,
    int maxRetries,
    ProgressListener listener) {

  /** The lease a runner holds when none is set: heartbeats come far more often than this. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  /** Checks every option. */
  public RunOptions {
    if (batchSize < 0) {
      throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
    if (singleTransactionLimit < 0) {
      throw new IllegalArgumentException(
          "the single-transaction limit must be positive, not " + singleTransactionLimit);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("retries cannot be negative, not " + maxRetries);
    }
    Objects.requireNonNull(pauseBetweenBatches, "pauseBetweenBatches");
    if (pauseBetweenBatches.isNegative()) {
      throw new IllegalArgumentException("the pause between batches cannot be negative");
    }
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    if (leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * The defaults: the migration's batch size and range, serial, no pause, 30 s lease, 10 retries
   * (backing off for up to about six seconds in all, to outlast a slow transaction in the way).
   *
   * @return the default options
   */
  public static RunOptions defaults() {
    return new RunOptions(false, 0, false, null, 1, Duration.ZERO, 0, DEFAULT_LEASE, 10,
        ProgressListener.NONE);
  }

  /**
   * The defaults, as a dry run.
   *
   * @return options for a dry run
   */
  public static RunOptions dryRun() {
    return defaults().withDryRun(true);
  }

  /**
   * A copy with dry run on or off.
   *
   * @param value whether to dry-run
   * @return the copy
   */
  public RunOptions withDryRun(boolean value) {
    return with(copy -> copy.isDryRun = value);
  }

  /**
   * A copy with another batch size.
   *
   * @param value a positive number of rows
   * @return the copy
   */
  public RunOptions withBatchSize(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("batch size must be positive, not " + value);
    }
    return with(copy -> copy.batchSize = value);
  }

  /**
   * A copy that starts over from the first row, forgetting the stored cursor and counts.
   *
   * @return the copy
   */
  public RunOptions withReset() {
    return with(copy -> copy.reset = true);
  }

  /**
   * A copy that visits only some rows, instead of the migration's own range.
   *
   * @param value a condition on the migration's table
   * @return the copy
   */
  public RunOptions withRange(Condition<?> value) {
    return with(copy -> copy.range = Objects.requireNonNull(value, "range"));
  }

  /**
   * A copy that applies {@code migrateOne} to the rows of a batch on several threads.
   *
   * @param threads at least 1
   * @return the copy
   */
  public RunOptions withParallelism(int threads) {
    return with(copy -> copy.parallelism = threads);
  }

  /**
   * A copy that sleeps after each committed batch.
   *
   * @param value the pause
   * @return the copy
   */
  public RunOptions withPauseBetweenBatches(Duration value) {
    return with(copy -> copy.pauseBetweenBatches = value);
  }

  /**
   * A copy that migrates everything in one transaction, for small tables.
   *
   * @param maxRows the most rows the range may hold; more and the run is refused untouched
   * @return the copy
   */
  public RunOptions withSingleTransaction(long maxRows) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("the single-transaction limit must be positive, not " + maxRows);
    }
    return with(copy -> copy.singleTransactionLimit = maxRows);
  }

  /**
   * A copy with another lease.
   *
   * @param value how long a claim lasts without a heartbeat
   * @return the copy
   */
  public RunOptions withLeaseDuration(Duration value) {
    return with(copy -> copy.leaseDuration = value);
  }

  /**
   * A copy with another number of retries for transient conflicts.
   *
   * @param value retries per batch
   * @return the copy
   */
  public RunOptions withMaxRetries(int value) {
    return with(copy -> copy.maxRetries = value);
  }

  /**
   * A copy with a progress listener.
   *
   * @param value sees every committed batch
   * @return the copy
   */
  public RunOptions withListener(ProgressListener value) {
    return with(copy -> copy.listener = value);
  }

  /** A copy with some options changed; the record's constructor checks the result. */
  private RunOptions with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The options being changed by a {@code with…} method. */
  private static final class Copy {
    boolean isDryRun;
    int batchSize;
    boolean reset;
    Condition<?> range;
    int parallelism;
    Duration pauseBetweenBatches;
    long singleTransactionLimit;
    Duration leaseDuration;
    int maxRetries;
    ProgressListener listener;

    Copy(RunOptions options) {
      isDryRun = options.isDryRun;
      batchSize = options.batchSize;
      reset = options.reset;
      range = options.range;
      parallelism = options.parallelism;
      pauseBetweenBatches = options.pauseBetweenBatches;
      singleTransactionLimit = options.singleTransactionLimit;
      leaseDuration = options.leaseDuration;
      maxRetries = options.maxRetries;
      listener = options.listener;
    }

    RunOptions build() {
      return new RunOptions(isDryRun, batchSize, reset, range, parallelism, pauseBetweenBatches,
          singleTransactionLimit, leaseDuration, maxRetries, listener);
    }
  }
}
