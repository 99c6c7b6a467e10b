package dev.godwit.benchmarks;

/** One way of running a backfill over the workload's table while the application keeps writing. */
interface Strategy {

  /** What kind of strategy it is, for the ratios the report compares. */
  enum Kind {
    GODWIT,
    SET_BASED,
    KEYSET_LOOP,
    NAIVE_LOOP,
    SPRING_BATCH
  }

  /** The strategy's name in the report. */
  String name();

  /** Its kind. */
  Kind kind();

  /** Rows per transaction, for comparisons at equal size; {@code 0} when it has no batches. */
  int batchSize();

  /**
   * Fills the backfill's column on the rows with ids up to {@code upTo} (every row of the table unless
   * the strategy is too slow for a whole table), committing as it goes.
   *
   * @return how many rows it changed
   */
  long run(BenchDatabase database, Backfill backfill, long upTo) throws Exception;
}
