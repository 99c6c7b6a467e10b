package dev.godwit.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * How one run of a migration behaves. Immutable: made by {@link #builder()}, and every
 * {@code with…} method returns a copy, so options can be added without breaking callers.
 *
 * <pre>{@code
 * migrator.run(migration, RunOptions.builder().batchSize(500).listener(System.out::println).build());
 * migrator.run(migration, RunOptions.defaults().withBatchSize(500));
 * migrator.run(migration, RunOptions.dryRun());
 * }</pre>
 */
public final class RunOptions {

  /** The lease a runner holds when none is set: heartbeats come far more often than this. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  /**
   * How long a batch waits for a row lock when none is set: longer than the short application
   * transactions a batch usually meets (so it seldom gives up on one), short enough that a writer
   * queued behind the rows the batch already locked waits about this plus one batch at most, not as
   * long as the transaction holding the contested row stays open.
   */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);

  /**
   * The most rows a run counts exactly for its progress when none is set: a count of this many rows
   * takes well under a second on an ordinary server, while a table of billions would be scanned
   * whole before the first batch.
   */
  public static final long DEFAULT_EXACT_COUNT_LIMIT = 10_000_000;

  /**
   * Key ranges a migration run by several {@linkplain #workers() workers} is split into, per worker
   * of the process that splits it: more ranges than workers, so that a slow range does not leave the
   * others idle.
   */
  public static final int RANGES_PER_WORKER = 4;

  /**
   * How often a run asks its health signals while they say healthy, when not set: often enough that
   * a standby falling behind is noticed within a second or so of batches, seldom enough that a run
   * of fast batches does not double its queries.
   */
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(1);

  /**
   * How long a run waits on its health signals, when not set, before it pauses itself: long enough
   * to outlast a burst of replication lag or an autovacuum of an ordinary table, short enough that a
   * condition that will not clear by itself (a stopped replica, an abandoned replication slot)
   * reaches someone as a paused migration with its reason rather than a run that waits unseen.
   */
  public static final Duration DEFAULT_MAX_HEALTH_WAIT = Duration.ofMinutes(30);

  /**
   * The most replication lag a run lets a standby or replica have, when not set, before it waits:
   * reads served by a replica more than this behind are stale enough for applications to notice,
   * and a migration writing faster than a replica replays makes the lag grow without bound.
   */
  public static final Duration DEFAULT_MAX_REPLICATION_LAG = Duration.ofSeconds(10);

  /**
   * The most WAL a PostgreSQL replication slot may keep on the primary, when not set, before a run
   * waits: 1 GiB, a few minutes of a busy server's WAL and well below the free disk a server is run
   * with; a slot nobody consumes keeps every byte written after it, filling the primary's disk.
   */
  public static final long DEFAULT_MAX_RETAINED_WAL_BYTES = 1L << 30;

  private final boolean isDryRun;
  private final int batchSize;
  private final boolean reset;
  private final Condition<?> range;
  private final int parallelism;
  private final Duration pauseBetweenBatches;
  private final long singleTransactionLimit;
  private final Duration leaseDuration;
  private final int maxRetries;
  private final ProgressListener listener;
  private final boolean includeDestructive;
  private final Duration lockTimeout;
  private final long exactCountLimit;
  private final int workers;
  private final int ranges;
  private final Duration targetBatchDuration;
  private final int minBatchSize;
  private final int maxBatchSize;
  private final List<HealthSignal> healthSignals;
  private final boolean defaultHealthSignals;
  private final Duration healthCheckInterval;
  private final Duration maxHealthWait;
  private final Duration maxReplicationLag;
  private final long maxRetainedWalBytes;
  private final boolean waitForAutovacuum;
  private final List<DataSource> replicas;

  private RunOptions(Builder builder) {
    if (builder.batchSize < 0) {
      throw new IllegalArgumentException("batch size must be positive, not " + builder.batchSize);
    }
    if (builder.parallelism < 1) {
      throw new IllegalArgumentException(
          "parallelism must be at least 1, not " + builder.parallelism);
    }
    if (builder.singleTransactionLimit < 0) {
      throw new IllegalArgumentException("the single-transaction limit must be positive, not "
          + builder.singleTransactionLimit);
    }
    if (builder.maxRetries < 0) {
      throw new IllegalArgumentException("retries cannot be negative, not " + builder.maxRetries);
    }
    Objects.requireNonNull(builder.pauseBetweenBatches, "pauseBetweenBatches");
    if (builder.pauseBetweenBatches.isNegative()) {
      throw new IllegalArgumentException("the pause between batches cannot be negative");
    }
    Objects.requireNonNull(builder.leaseDuration, "leaseDuration");
    if (builder.leaseDuration.isNegative() || builder.leaseDuration.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
    Objects.requireNonNull(builder.listener, "listener");
    Objects.requireNonNull(builder.lockTimeout, "lockTimeout");
    Objects.requireNonNull(builder.targetBatchDuration, "targetBatchDuration");
    if (builder.targetBatchDuration.isNegative()) {
      throw new IllegalArgumentException("the target batch duration cannot be negative");
    }
    if (builder.minBatchSize < 1 || builder.maxBatchSize < 0
        || (builder.maxBatchSize > 0 && builder.maxBatchSize < builder.minBatchSize)) {
      throw new IllegalArgumentException("adaptive batches need 1 <= minimum <= maximum, not "
          + builder.minBatchSize + " and " + builder.maxBatchSize);
    }
    if (builder.exactCountLimit < 0) {
      throw new IllegalArgumentException("the exact count limit cannot be negative, not "
          + builder.exactCountLimit);
    }
    if (builder.ranges < 0) {
      throw new IllegalArgumentException("ranges cannot be negative, not " + builder.ranges);
    }
    if (builder.workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + builder.workers);
    }
    if (builder.lockTimeout.isNegative()) {
      throw new IllegalArgumentException("the lock timeout cannot be negative");
    }
    Objects.requireNonNull(builder.healthCheckInterval, "healthCheckInterval");
    Objects.requireNonNull(builder.maxHealthWait, "maxHealthWait");
    Objects.requireNonNull(builder.maxReplicationLag, "maxReplicationLag");
    if (builder.healthCheckInterval.isNegative() || builder.healthCheckInterval.isZero()) {
      throw new IllegalArgumentException("the health check interval must be positive");
    }
    if (builder.maxHealthWait.isNegative()) {
      throw new IllegalArgumentException("the longest health wait cannot be negative");
    }
    if (builder.maxReplicationLag.isNegative()) {
      throw new IllegalArgumentException("the most replication lag cannot be negative");
    }
    if (builder.maxRetainedWalBytes < 0) {
      throw new IllegalArgumentException("the most retained WAL cannot be negative, not "
          + builder.maxRetainedWalBytes);
    }
    this.isDryRun = builder.isDryRun;
    this.batchSize = builder.batchSize;
    this.reset = builder.reset;
    this.range = builder.range;
    this.parallelism = builder.parallelism;
    this.pauseBetweenBatches = builder.pauseBetweenBatches;
    this.singleTransactionLimit = builder.singleTransactionLimit;
    this.leaseDuration = builder.leaseDuration;
    this.maxRetries = builder.maxRetries;
    this.listener = builder.listener;
    this.includeDestructive = builder.includeDestructive;
    this.lockTimeout = builder.lockTimeout;
    this.exactCountLimit = builder.exactCountLimit;
    this.workers = builder.workers;
    this.ranges = builder.ranges;
    this.targetBatchDuration = builder.targetBatchDuration;
    this.minBatchSize = builder.minBatchSize;
    this.maxBatchSize = builder.maxBatchSize;
    this.healthSignals = List.copyOf(builder.healthSignals);
    this.defaultHealthSignals = builder.defaultHealthSignals;
    this.healthCheckInterval = builder.healthCheckInterval;
    this.maxHealthWait = builder.maxHealthWait;
    this.maxReplicationLag = builder.maxReplicationLag;
    this.maxRetainedWalBytes = builder.maxRetainedWalBytes;
    this.waitForAutovacuum = builder.waitForAutovacuum;
    this.replicas = List.copyOf(builder.replicas);
  }

  /**
   * A builder holding the {@linkplain #defaults() defaults}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether to run only the next batch (at the stored cursor, or the first), report the rows it
   * would change, and roll everything back, the state table included.
   *
   * @return {@code true} for a dry run
   */
  public boolean isDryRun() {
    return isDryRun;
  }

  /**
   * Rows per batch.
   *
   * @return a positive number, or {@code 0} to keep the migration's own
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Whether to forget the stored cursor and counts and start over from the first row.
   *
   * @return {@code true} to start over
   */
  public boolean reset() {
    return reset;
  }

  /**
   * The rows to visit instead of the migration's own range.
   *
   * @return a condition on the migration's table, or {@code null} to keep its range
   */
  public Condition<?> range() {
    return range;
  }

  /**
   * Threads applying {@code migrateOne} within a batch.
   *
   * @return {@code 1} to run them in order, or on 4 threads for a migration declared
   *     {@link Migration.Builder#parallel() parallel}; more to use that many
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * How long to sleep after each committed batch, to leave room to the application.
   *
   * @return a duration, zero for none
   */
  public Duration pauseBetweenBatches() {
    return pauseBetweenBatches;
  }

  /**
   * Above zero: migrate the whole range in one transaction, refusing (before changing anything) if
   * it holds more rows than this.
   *
   * @return the most rows one transaction may migrate, or {@code 0} for batches
   */
  public long singleTransactionLimit() {
    return singleTransactionLimit;
  }

  /**
   * How long a runner's claim lasts without a heartbeat before another runner may take the
   * migration over.
   *
   * @return a positive duration
   */
  public Duration leaseDuration() {
    return leaseDuration;
  }

  /**
   * How often a batch that hit a serialization failure, deadlock or lock timeout is retried, with
   * backoff, before the migration fails.
   *
   * @return zero or more
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * How long each statement of a batch waits for a lock before the batch gives up, rolls back
   * (releasing the rows it had locked) and is retried with backoff; after repeated timeouts the batch
   * is split in half, down to single rows, and a row that stays locked through every retry fails
   * the run with its id. Set in the batch's own transaction (PostgreSQL {@code SET LOCAL
   * lock_timeout}; H2's session {@code LOCK_TIMEOUT}, given back as it was when the run ends).
   *
   * <p>A dialect that cannot bound a lock wait (its {@code lockTimeout} refuses) runs batches with
   * the database's own setting, logging a warning.
   *
   * @return {@link #DEFAULT_LOCK_TIMEOUT} unless set; zero leaves the database's own setting, which
   *     usually waits without bound
   */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /**
   * Above how many rows, by the catalog's statistics, a run estimates its total from those
   * statistics instead of counting it with a scan before the first batch. A migration over a
   * {@linkplain Migration#range() range} of such a table then shows no total (its share of the table
   * is unknown) rather than scanning for it. Progress only: which rows are migrated never depends on
   * it.
   *
   * @return {@link #DEFAULT_EXACT_COUNT_LIMIT} unless set; zero always estimates where the
   *     database keeps statistics
   */
  public long exactCountLimit() {
    return exactCountLimit;
  }

  /**
   * How many workers of this process run the migration's keyset pass, each a thread with its own
   * connection. With more than one, the pass is split once into key ranges, about {@value
   * #RANGES_PER_WORKER} per worker and of about as many rows each, recorded in the state table's
   * {@code _ranges} companion; workers claim ranges under leases timed by the database's clock, and
   * a range whose worker died is taken over from its saved cursor when its lease lapses, so every
   * row is migrated once. Other processes running the same migration join it whatever their own
   * number of workers, as does any later run of a migration whose ranges are not all done. Once
   * every range is done one process verifies, and sweeps if rows are left, as a single runner does.
   * Cannot be combined with {@link #singleTransactionLimit()}: one transaction cannot span workers.
   *
   * @return 1 (the default) for a single runner, as before ranges existed
   */
  public int workers() {
    return workers;
  }

  /**
   * How many key ranges the run splits the migration's keyset pass into, when it is the one to split
   * it. More than one has a run split the pass even on a single {@linkplain #workers() worker}, so
   * that processes of one worker each (application instances) share the migration, each joining
   * the ranges the first one split.
   *
   * @return 0 (the default) for {@value #RANGES_PER_WORKER} per worker when there are several
   *     workers, and no split for a single one
   */
  public int ranges() {
    return ranges;
  }

  /**
   * How long each batch should take, when its size adapts: after each batch the next one's size
   * moves toward this duration (by the rows per second the batch just measured), changing at most
   * twofold from one batch to the next and staying within {@link #minBatchSize()} and {@link
   * #maxBatchSize()}. The batch size set for the run (or the migration's) is where it starts.
   *
   * @return zero (the default) for batches of a fixed size
   */
  public Duration targetBatchDuration() {
    return targetBatchDuration;
  }

  /**
   * The fewest rows an adapting batch takes (a batch split to find a failing row goes lower).
   *
   * @return 1 unless set
   */
  public int minBatchSize() {
    return minBatchSize;
  }

  /**
   * The most rows an adapting batch takes.
   *
   * @return zero (the default) for ten times the batch size it starts at
   */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /**
   * The health signals added to the dialect's own: while any of them says to wait, no batch starts
   * (see {@link HealthSignal}).
   *
   * @return the added signals, none by default
   */
  public List<HealthSignal> healthSignals() {
    return healthSignals;
  }

  /**
   * Whether the run also waits on its database's built-in health signals, with the thresholds of
   * these options: on PostgreSQL, the standbys' replication lag ({@link #maxReplicationLag()}), the
   * WAL kept by replication slots ({@link #maxRetainedWalBytes()}) and autovacuum on the migrated
   * table ({@link #waitForAutovacuum()}); on MySQL and MariaDB, the lag of the {@linkplain
   * #replicas() replicas given}. H2 has none.
   *
   * @return {@code true} unless {@link #withoutDefaultHealthSignals()}
   */
  public boolean defaultHealthSignals() {
    return defaultHealthSignals;
  }

  /**
   * How often the health signals are asked while they say healthy (at most once per this, between
   * batches), and how long a run sleeps between two askings while one says to wait.
   *
   * @return a positive duration, {@link #DEFAULT_HEALTH_CHECK_INTERVAL} unless set
   */
  public Duration healthCheckInterval() {
    return healthCheckInterval;
  }

  /**
   * How long a run waits on its health signals without a batch before it pauses itself: it ends
   * {@link MigrationState#PAUSED} at its cursor, with the reason it waited as its {@linkplain
   * MigrationStatus#error() error}, and continues from there when run again. Cancel and pause
   * requests are answered while it waits.
   *
   * @return {@link #DEFAULT_MAX_HEALTH_WAIT} unless set; zero waits without bound
   */
  public Duration maxHealthWait() {
    return maxHealthWait;
  }

  /**
   * The most replication lag the built-in signals let a standby (PostgreSQL's {@code replay_lag})
   * or a replica (MySQL's {@code Seconds_Behind_Source}) have before the run waits.
   *
   * @return {@link #DEFAULT_MAX_REPLICATION_LAG} unless set; zero turns the lag signals off
   */
  public Duration maxReplicationLag() {
    return maxReplicationLag;
  }

  /**
   * The most WAL, in bytes, a PostgreSQL replication slot may keep on the primary before the run
   * waits.
   *
   * @return {@link #DEFAULT_MAX_RETAINED_WAL_BYTES} unless set; zero turns the signal off
   */
  public long maxRetainedWalBytes() {
    return maxRetainedWalBytes;
  }

  /**
   * Whether the run waits while PostgreSQL's autovacuum works on the migrated table, so that a
   * batch's dead rows do not pile up faster than the vacuum clears them.
   *
   * @return {@code true} unless set
   */
  public boolean waitForAutovacuum() {
    return waitForAutovacuum;
  }

  /**
   * The MySQL or MariaDB replicas whose lag the built-in signal reads ({@code SHOW REPLICA STATUS}
   * on each): the primary a run writes to cannot see its replicas' lag itself.
   *
   * @return the replicas, none by default
   */
  public List<DataSource> replicas() {
    return replicas;
  }

  /**
   * What sees every committed batch.
   *
   * @return the listener, {@link ProgressListener#NONE} by default
   */
  public ProgressListener listener() {
    return listener;
  }

  /**
   * Whether a run of a series ({@link Migrator#runAll}, every migration of a registry) also runs the
   * migrations that {@linkplain Migration#destroysData() destroy data}: the clears of the
   * {@link Phase#CONTRACT} phase and any declared destructive. Off by default, so that a run of
   * "everything" in the expand or migrate phase never clears a column the running code, or a rollback
   * to the code before it, still reads. A migration run on its own ({@link Migrator#run}) is asked
   * for by name and runs whatever this says.
   *
   * @return {@code true} if destructive migrations run in a series too
   */
  public boolean includeDestructive() {
    return includeDestructive;
  }

  /**
   * Whether a run of a series with these options runs a migration, rather than skipping it: every
   * migration but those that {@linkplain Migration#destroysData() destroy data}, unless {@link
   * #includeDestructive()}. The rule {@link Migrator#runAll} and the command line's
   * {@code run --all} follow; it says nothing of migrations already done, which a series skips too.
   *
   * @param migration a migration of the series
   * @return {@code true} if the series runs it
   */
  public boolean runsInSeries(Migration<?> migration) {
    return includeDestructive || !migration.destroysData();
  }

  /**
   * The defaults: the migration's batch size and range, serial, no pause, 30 s lease, 10 retries
   * (backing off for up to about six seconds in all, to outlast a slow transaction in the way).
   *
   * @return the default options
   */
  public static RunOptions defaults() {
    return builder().build();
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
    return with(builder -> builder.isDryRun = value);
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
    return with(builder -> builder.batchSize = value);
  }

  /**
   * A copy that starts over from the first row, forgetting the stored cursor and counts.
   *
   * @return the copy
   */
  public RunOptions withReset() {
    return with(builder -> builder.reset = true);
  }

  /**
   * A copy that visits only some rows, instead of the migration's own range.
   *
   * @param value a condition on the migration's table
   * @return the copy
   */
  public RunOptions withRange(Condition<?> value) {
    return with(builder -> builder.range = Objects.requireNonNull(value, "range"));
  }

  /**
   * A copy that applies {@code migrateOne} to the rows of a batch on several threads.
   *
   * @param threads at least 1
   * @return the copy
   */
  public RunOptions withParallelism(int threads) {
    return with(builder -> builder.parallelism = threads);
  }

  /**
   * A copy that sleeps after each committed batch.
   *
   * @param value the pause
   * @return the copy
   */
  public RunOptions withPauseBetweenBatches(Duration value) {
    return with(builder -> builder.pauseBetweenBatches = value);
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
    return with(builder -> builder.singleTransactionLimit = maxRows);
  }

  /**
   * A copy with another lease.
   *
   * @param value how long a claim lasts without a heartbeat
   * @return the copy
   */
  public RunOptions withLeaseDuration(Duration value) {
    return with(builder -> builder.leaseDuration = value);
  }

  /**
   * A copy with another number of retries for transient conflicts.
   *
   * @param value retries per batch
   * @return the copy
   */
  public RunOptions withMaxRetries(int value) {
    return with(builder -> builder.maxRetries = value);
  }

  /**
   * A copy that includes, or not, the migrations that destroy data in a run of a series.
   *
   * @param value whether a series runs destructive migrations too (see {@link #includeDestructive()})
   * @return the copy
   */
  public RunOptions withIncludeDestructive(boolean value) {
    return with(builder -> builder.includeDestructive = value);
  }

  /**
   * A copy with another lock timeout for batches.
   *
   * @param value how long a batch waits for a lock (see {@link #lockTimeout()}); zero for the
   *     database's own setting
   * @return the copy
   */
  public RunOptions withLockTimeout(Duration value) {
    return with(builder -> builder.lockTimeout = value);
  }

  /**
   * A copy with another limit for exact counts.
   *
   * @param rows see {@link #exactCountLimit()}
   * @return the copy
   */
  public RunOptions withExactCountLimit(long rows) {
    return with(builder -> builder.exactCountLimit = rows);
  }

  /**
   * A copy whose batches adapt their size to take about {@code target} each.
   *
   * @param target see {@link #targetBatchDuration()}; zero for batches of a fixed size
   * @param min see {@link #minBatchSize()}
   * @param max see {@link #maxBatchSize()}; zero for ten times the starting size
   * @return the copy
   */
  public RunOptions withAdaptiveBatches(Duration target, int min, int max) {
    return with(builder -> {
      builder.targetBatchDuration = target;
      builder.minBatchSize = min;
      builder.maxBatchSize = max;
    });
  }

  /**
   * A copy with another number of workers.
   *
   * @param count see {@link #workers()}; at least 1
   * @return the copy
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public RunOptions withWorkers(int count) {
    return with(builder -> builder.workers = count);
  }

  /**
   * A copy splitting the keyset pass into another number of ranges.
   *
   * @param count see {@link #ranges()}; 0 for the default
   * @return the copy
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public RunOptions withRanges(int count) {
    return with(builder -> builder.ranges = count);
  }

  /**
   * A copy that also waits on these health signals.
   *
   * @param signals added to those set before and to the dialect's own
   * @return the copy
   */
  public RunOptions withHealthSignals(HealthSignal... signals) {
    List<HealthSignal> added = List.of(signals);
    return with(builder -> builder.healthSignals = concat(builder.healthSignals, added));
  }

  /**
   * A copy that waits only on the health signals given with {@link #withHealthSignals}, not on
   * the database's built-in ones.
   *
   * @return the copy
   */
  public RunOptions withoutDefaultHealthSignals() {
    return with(builder -> builder.defaultHealthSignals = false);
  }

  /**
   * A copy that asks its health signals at another interval.
   *
   * @param value see {@link #healthCheckInterval()}
   * @return the copy
   */
  public RunOptions withHealthCheckInterval(Duration value) {
    return with(builder -> builder.healthCheckInterval = value);
  }

  /**
   * A copy that waits on its health signals for another longest time before pausing itself.
   *
   * @param value see {@link #maxHealthWait()}; zero waits without bound
   * @return the copy
   */
  public RunOptions withMaxHealthWait(Duration value) {
    return with(builder -> builder.maxHealthWait = value);
  }

  /**
   * A copy with another most replication lag.
   *
   * @param value see {@link #maxReplicationLag()}; zero turns the lag signals off
   * @return the copy
   */
  public RunOptions withMaxReplicationLag(Duration value) {
    return with(builder -> builder.maxReplicationLag = value);
  }

  /**
   * A copy with another most WAL kept by a PostgreSQL replication slot.
   *
   * @param bytes see {@link #maxRetainedWalBytes()}; zero turns the signal off
   * @return the copy
   */
  public RunOptions withMaxRetainedWalBytes(long bytes) {
    return with(builder -> builder.maxRetainedWalBytes = bytes);
  }

  /**
   * A copy that waits, or not, while autovacuum works on the migrated table (PostgreSQL).
   *
   * @param value see {@link #waitForAutovacuum()}
   * @return the copy
   */
  public RunOptions withWaitForAutovacuum(boolean value) {
    return with(builder -> builder.waitForAutovacuum = value);
  }

  /**
   * A copy that reads the lag of these MySQL or MariaDB replicas.
   *
   * @param value see {@link #replicas()}; replaces those set before
   * @return the copy
   */
  public RunOptions withReplicas(List<DataSource> value) {
    return with(builder -> builder.replicas = List.copyOf(value));
  }

  private static <E> List<E> concat(List<E> first, List<E> second) {
    List<E> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * A copy with a progress listener.
   *
   * @param value sees every committed batch
   * @return the copy
   */
  public RunOptions withListener(ProgressListener value) {
    return with(builder -> builder.listener = value);
  }

  /** A copy with some options changed; the record's constructor checks the result. */
  private RunOptions with(Consumer<Builder> change) {
    Builder builder = toBuilder();
    change.accept(builder);
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RunOptions that && isDryRun == that.isDryRun
        && batchSize == that.batchSize && reset == that.reset && Objects.equals(range, that.range)
        && parallelism == that.parallelism && pauseBetweenBatches.equals(that.pauseBetweenBatches)
        && singleTransactionLimit == that.singleTransactionLimit
        && leaseDuration.equals(that.leaseDuration) && maxRetries == that.maxRetries
        && listener.equals(that.listener) && includeDestructive == that.includeDestructive
        && lockTimeout.equals(that.lockTimeout) && exactCountLimit == that.exactCountLimit
        && targetBatchDuration.equals(that.targetBatchDuration) && minBatchSize == that.minBatchSize
        && maxBatchSize == that.maxBatchSize && healthSignals.equals(that.healthSignals)
        && defaultHealthSignals == that.defaultHealthSignals
        && healthCheckInterval.equals(that.healthCheckInterval)
        && maxHealthWait.equals(that.maxHealthWait)
        && maxReplicationLag.equals(that.maxReplicationLag)
        && maxRetainedWalBytes == that.maxRetainedWalBytes
        && waitForAutovacuum == that.waitForAutovacuum && replicas.equals(that.replicas)
        && workers == that.workers && ranges == that.ranges;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isDryRun, batchSize, reset, range, parallelism, pauseBetweenBatches,
        singleTransactionLimit, leaseDuration, maxRetries, listener, includeDestructive, lockTimeout,
        exactCountLimit, targetBatchDuration, minBatchSize, maxBatchSize, healthSignals,
        defaultHealthSignals, healthCheckInterval, maxHealthWait, maxReplicationLag,
        maxRetainedWalBytes, waitForAutovacuum, replicas, workers, ranges);
  }

  @Override
  public String toString() {
    return "RunOptions[isDryRun=" + isDryRun + ", batchSize=" + batchSize + ", reset=" + reset
        + ", range=" + range + ", parallelism=" + parallelism + ", pauseBetweenBatches="
        + pauseBetweenBatches + ", singleTransactionLimit=" + singleTransactionLimit
        + ", leaseDuration=" + leaseDuration + ", maxRetries=" + maxRetries + ", listener="
        + listener + ", includeDestructive=" + includeDestructive + ", lockTimeout=" + lockTimeout
        + ", exactCountLimit=" + exactCountLimit + ", targetBatchDuration=" + targetBatchDuration
        + ", minBatchSize=" + minBatchSize + ", maxBatchSize=" + maxBatchSize
        + ", healthSignals=" + healthSignals + ", defaultHealthSignals=" + defaultHealthSignals
        + ", healthCheckInterval=" + healthCheckInterval + ", maxHealthWait=" + maxHealthWait
        + ", maxReplicationLag=" + maxReplicationLag + ", maxRetainedWalBytes="
        + maxRetainedWalBytes + ", waitForAutovacuum=" + waitForAutovacuum + ", replicas="
        + replicas.size() + ", workers=" + workers + ", ranges=" + ranges + "]";
  }

  /**
   * Collects options; {@link #build()} checks them all at once. Starts from the {@linkplain
   * RunOptions#defaults() defaults}.
   */
  public static final class Builder {
    private boolean isDryRun;
    private int batchSize;
    private boolean reset;
    private Condition<?> range;
    private int parallelism = 1;
    private Duration pauseBetweenBatches = Duration.ZERO;
    private long singleTransactionLimit;
    private Duration leaseDuration = DEFAULT_LEASE;
    private int maxRetries = 10;
    private ProgressListener listener = ProgressListener.NONE;
    private boolean includeDestructive;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private long exactCountLimit = DEFAULT_EXACT_COUNT_LIMIT;
    private int workers = 1;
    private int ranges;
    private Duration targetBatchDuration = Duration.ZERO;
    private int minBatchSize = 1;
    private int maxBatchSize;
    private List<HealthSignal> healthSignals = List.of();
    private boolean defaultHealthSignals = true;
    private Duration healthCheckInterval = DEFAULT_HEALTH_CHECK_INTERVAL;
    private Duration maxHealthWait = DEFAULT_MAX_HEALTH_WAIT;
    private Duration maxReplicationLag = DEFAULT_MAX_REPLICATION_LAG;
    private long maxRetainedWalBytes = DEFAULT_MAX_RETAINED_WAL_BYTES;
    private boolean waitForAutovacuum = true;
    private List<DataSource> replicas = List.of();

    private Builder() {}

    private Builder(RunOptions options) {
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
      includeDestructive = options.includeDestructive;
      lockTimeout = options.lockTimeout;
      exactCountLimit = options.exactCountLimit;
      workers = options.workers;
      ranges = options.ranges;
      targetBatchDuration = options.targetBatchDuration;
      minBatchSize = options.minBatchSize;
      maxBatchSize = options.maxBatchSize;
      healthSignals = options.healthSignals;
      defaultHealthSignals = options.defaultHealthSignals;
      healthCheckInterval = options.healthCheckInterval;
      maxHealthWait = options.maxHealthWait;
      maxReplicationLag = options.maxReplicationLag;
      maxRetainedWalBytes = options.maxRetainedWalBytes;
      waitForAutovacuum = options.waitForAutovacuum;
      replicas = options.replicas;
    }

    /**
     * Sets {@link RunOptions#isDryRun()}.
     *
     * @param value whether to dry-run
     * @return this builder
     */
    public Builder dryRun(boolean value) {
      isDryRun = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#batchSize()}.
     *
     * @param value a positive number of rows, or {@code 0} for the migration's own
     * @return this builder
     */
    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#reset()}.
     *
     * @param value whether to start over from the first row
     * @return this builder
     */
    public Builder reset(boolean value) {
      reset = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#range()}.
     *
     * @param value a condition on the migration's table, or {@code null} for its own range
     * @return this builder
     */
    public Builder range(Condition<?> value) {
      range = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#parallelism()}.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder parallelism(int threads) {
      parallelism = threads;
      return this;
    }

    /**
     * Sets {@link RunOptions#pauseBetweenBatches()}.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder pauseBetweenBatches(Duration value) {
      pauseBetweenBatches = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#singleTransactionLimit()}.
     *
     * @param maxRows the most rows one transaction may migrate, or {@code 0} for batches
     * @return this builder
     */
    public Builder singleTransactionLimit(long maxRows) {
      singleTransactionLimit = maxRows;
      return this;
    }

    /**
     * Sets {@link RunOptions#leaseDuration()}.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder leaseDuration(Duration value) {
      leaseDuration = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#maxRetries()}.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder maxRetries(int value) {
      maxRetries = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#listener()}.
     *
     * @param value what sees every committed batch
     * @return this builder
     */
    public Builder listener(ProgressListener value) {
      listener = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#includeDestructive()}.
     *
     * @param value whether a run of a series runs the migrations that destroy data too
     * @return this builder
     */
    public Builder includeDestructive(boolean value) {
      includeDestructive = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#lockTimeout()}.
     *
     * @param value how long a batch waits for a lock; zero for the database's own setting
     * @return this builder
     */
    public Builder lockTimeout(Duration value) {
      lockTimeout = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#exactCountLimit()}.
     *
     * @param rows zero or more
     * @return this builder
     */
    public Builder exactCountLimit(long rows) {
      exactCountLimit = rows;
      return this;
    }

    /**
     * Sets {@link RunOptions#workers()}.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder workers(int count) {
      workers = count;
      return this;
    }

    /**
     * Sets {@link RunOptions#ranges()}.
     *
     * @param count 0 for the default, or the number of ranges
     * @return this builder
     */
    public Builder ranges(int count) {
      ranges = count;
      return this;
    }

    /**
     * Sets {@link RunOptions#targetBatchDuration()}, {@link RunOptions#minBatchSize()} and {@link
     * RunOptions#maxBatchSize()}.
     *
     * @param target zero for batches of a fixed size
     * @param min at least 1
     * @param max zero for ten times the starting size, or at least {@code min}
     * @return this builder
     */
    public Builder adaptiveBatches(Duration target, int min, int max) {
      targetBatchDuration = target;
      minBatchSize = min;
      maxBatchSize = max;
      return this;
    }

    /**
     * Sets {@link RunOptions#healthSignals()}, replacing those set before.
     *
     * @param value the signals added to the dialect's own
     * @return this builder
     */
    public Builder healthSignals(List<HealthSignal> value) {
      healthSignals = List.copyOf(value);
      return this;
    }

    /**
     * Sets {@link RunOptions#defaultHealthSignals()}.
     *
     * @param value whether the database's built-in signals are asked too
     * @return this builder
     */
    public Builder defaultHealthSignals(boolean value) {
      defaultHealthSignals = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#healthCheckInterval()}.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder healthCheckInterval(Duration value) {
      healthCheckInterval = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#maxHealthWait()}.
     *
     * @param value zero or more; zero waits without bound
     * @return this builder
     */
    public Builder maxHealthWait(Duration value) {
      maxHealthWait = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#maxReplicationLag()}.
     *
     * @param value zero or more; zero turns the lag signals off
     * @return this builder
     */
    public Builder maxReplicationLag(Duration value) {
      maxReplicationLag = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#maxRetainedWalBytes()}.
     *
     * @param bytes zero or more; zero turns the signal off
     * @return this builder
     */
    public Builder maxRetainedWalBytes(long bytes) {
      maxRetainedWalBytes = bytes;
      return this;
    }

    /**
     * Sets {@link RunOptions#waitForAutovacuum()}.
     *
     * @param value whether to wait while autovacuum works on the migrated table
     * @return this builder
     */
    public Builder waitForAutovacuum(boolean value) {
      waitForAutovacuum = value;
      return this;
    }

    /**
     * Sets {@link RunOptions#replicas()}.
     *
     * @param value the MySQL or MariaDB replicas whose lag is read
     * @return this builder
     */
    public Builder replicas(List<DataSource> value) {
      replicas = List.copyOf(value);
      return this;
    }

    /**
     * The options.
     *
     * @return immutable options
     * @throws IllegalArgumentException naming the first option out of its range
     * @throws NullPointerException if the pause, lease, lock timeout or listener is {@code null}
     */
    public RunOptions build() {
      return new RunOptions(this);
    }
  }
}
