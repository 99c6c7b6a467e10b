package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters of the runs the application starts, each tagged {@code migration=<name>}:
 *
 * <ul>
 *   <li>{@code godwit.rows.visited} and {@code godwit.rows.changed}: counters of the rows this
 *       application's runs visited and changed;
 *   <li>{@code godwit.batch.duration}: a timer of each committed batch, measured from the end of the
 *       previous one (or the start of the run) to its commit, so it includes the pause between
 *       batches;
 *   <li>{@code godwit.batch.retries}: a counter of the times this application's runs tried a batch
 *       again after a transient conflict or a lock timeout, or as its first half after a split,
 *       fed from {@link MigrationStatus#retries()}, which each run counts from zero;
 *   <li>{@code godwit.rows.remaining}: a gauge of the rows left, the run's estimated total less the
 *       rows visited, as of the last committed batch, and zero once the migration succeeded.
 * </ul>
 */
public class GodwitMetrics implements GodwitRunListener {

  private final MeterRegistry registry;
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();

  /**
   * Meters in a registry.
   *
   * @param registry where the meters are registered
   */
  public GodwitMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void runStarting(Migration<?> migration, Optional<MigrationStatus> recorded) {
    Progress run = progress.computeIfAbsent(migration.name(), this::meters);
    run.visited = recorded.map(MigrationStatus::rowsVisited).orElse(0L);
    run.changed = recorded.map(MigrationStatus::rowsChanged).orElse(0L);
    // a run counts its retries from zero, and a recorded status holds none
    run.retries = 0;
    run.lastBatchAt = System.nanoTime();
  }

  @Override
  public void onProgress(MigrationStatus status) {
    Progress run = progress.computeIfAbsent(status.name(), this::meters);
    long now = System.nanoTime();
    long visited = status.rowsVisited() - run.visited;
    if (visited > 0) {
      run.visitedCounter.increment(visited);
      run.changedCounter.increment(Math.max(0, status.rowsChanged() - run.changed));
      if (run.lastBatchAt != 0) {
        run.batchTimer.record(Duration.ofNanos(now - run.lastBatchAt));
      }
    }
    // a run that ends failed may have retried since its last committed batch: counted either way
    run.retriesCounter.increment(Math.max(0, status.retries() - run.retries));
    run.visited = status.rowsVisited();
    run.changed = status.rowsChanged();
    run.retries = status.retries();
    run.lastBatchAt = now;
    if (status.state() == MigrationState.SUCCEEDED) {
      // the estimate counted rows that writers then moved out of the range: none is left
      run.remaining.set(0);
    } else if (status.estimatedTotal() >= 0) {
      run.remaining.set(Math.max(0, status.estimatedTotal() - status.rowsVisited()));
    }
  }

  private Progress meters(String name) {
    Progress run = new Progress();
    run.visitedCounter = Counter.builder("godwit.rows.visited").tag("migration", name)
        .description("Rows the application's Godwit runs visited").baseUnit("rows")
        .register(registry);
    run.changedCounter = Counter.builder("godwit.rows.changed").tag("migration", name)
        .description("Rows the application's Godwit runs changed").baseUnit("rows")
        .register(registry);
    run.retriesCounter = Counter.builder("godwit.batch.retries").tag("migration", name)
        .description("Times the application's Godwit runs tried a batch again")
        .register(registry);
    run.batchTimer = Timer.builder("godwit.batch.duration").tag("migration", name)
        .description("Time of each committed batch, pause included").register(registry);
    Gauge.builder("godwit.rows.remaining", run.remaining, AtomicLong::get)
        .tag("migration", name).description("Rows left to visit, as of the last batch")
        .baseUnit("rows").register(registry);
    return run;
  }

  /** One migration's meters and what the last batch recorded. */
  private static final class Progress {
    private Counter visitedCounter;
    private Counter changedCounter;
    private Counter retriesCounter;
    private Timer batchTimer;
    private final AtomicLong remaining = new AtomicLong();
    private volatile long visited;
    private volatile long changed;
    private volatile long retries;
    private volatile long lastBatchAt;
  }
}
