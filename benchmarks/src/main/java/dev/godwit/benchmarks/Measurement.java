package dev.godwit.benchmarks;

/**
 * One strategy's run of one backfill on one database.
 *
 * @param backend the database
 * @param backfill the backfill
 * @param strategy the strategy
 * @param rows rows it changed
 * @param seconds how long it took
 * @param writer what the concurrent writer saw meanwhile
 * @param peakHeapMebibytes the heap kept alive at the run's peak
 */
record Measurement(
    Backend backend,
    Backfill backfill,
    Strategy strategy,
    long rows,
    double seconds,
    ConcurrentWriter.Stats writer,
    double peakHeapMebibytes) {

  /** Rows changed per second. */
  double rowsPerSecond() {
    return rows / seconds;
  }
}
