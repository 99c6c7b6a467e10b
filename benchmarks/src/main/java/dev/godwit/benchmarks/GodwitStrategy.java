package dev.godwit.benchmarks;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;

/**
 * The migration the processor generated for the backfill, run by a {@link Migrator}: with default
 * options, or tuned to a larger batch. It always visits the whole table.
 *
 * @param batchSize rows per batch
 * @param tuned whether the run sets the batch size; otherwise it is the generated migration's default
 */
record GodwitStrategy(int batchSize, boolean tuned) implements Strategy {

  /** The generated migrations run with {@link RunOptions#defaults()}. */
  static GodwitStrategy defaults() {
    return new GodwitStrategy(Migration.DEFAULT_BATCH_SIZE, false);
  }

  /** The generated migrations run with another batch size. */
  static GodwitStrategy tuned(int batchSize) {
    return new GodwitStrategy(batchSize, true);
  }

  @Override
  public String name() {
    return tuned ? "Godwit, batch " + batchSize : "Godwit, defaults (batch " + batchSize + ")";
  }

  @Override
  public Kind kind() {
    return Kind.GODWIT;
  }

  @Override
  public long run(BenchDatabase database, Backfill backfill, long upTo) {
    Migration<Team> migration = backfill.migration();
    if (!tuned && migration.batchSize() != batchSize) {
      throw new IllegalStateException("the generated migration " + migration.name()
          + " now has batches of " + migration.batchSize() + "; update GodwitStrategy.defaults()");
    }
    RunOptions options = RunOptions.defaults();
    if (tuned) {
      options = options.withBatchSize(batchSize);
    }
    return run(database, backfill, options);
  }

  /**
   * Runs the backfill's generated migration from its first row with these options.
   *
   * @return the rows it changed
   * @throws IllegalStateException if the run did not succeed
   */
  static long run(BenchDatabase database, Backfill backfill, RunOptions options) {
    return run(database, backfill.migration(), options);
  }

  /**
   * Runs a migration of the workload's table from its first row with these options.
   *
   * @return the rows it changed
   * @throws IllegalStateException if the run did not succeed
   */
  static long run(BenchDatabase database, Migration<Team> migration, RunOptions options) {
    RunResult result = Migrator.create(database.pool()).run(migration, options.withReset());
    if (!result.succeeded()) {
      throw new IllegalStateException("Godwit's run of " + migration.name() + " ended "
          + result.status().state() + ": " + result.status().error());
    }
    return result.status().rowsChanged();
  }
}
