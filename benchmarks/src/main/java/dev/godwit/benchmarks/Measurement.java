package dev.godwit.benchmarks;

/**
 * One strategy's run of one backfill on one database.
 *
 * @param backend the database
 * @param backfill the backfill
 * @param strategy the strategy
 * @param rows rows it changed
 * @param seconds how long it took
 * @param cpuSeconds CPU time of the thread that ran it (on H2 the database's work too), which the
 *     load of other processes on a shared machine disturbs far less than elapsed time
 * @param writer what the concurrent writer saw meanwhile
 * @param peakHeapMebibytes the heap kept alive at the run's peak
 */
record Measurement(
    Backend backend,
    Backfill backfill,
    Strategy strategy,
    long rows,
    double seconds,
    double cpuSeconds,
    ConcurrentWriter.Stats writer,
    double peakHeapMebibytes) {

  /** Microseconds of the running thread's CPU per row changed. */
  double cpuMicrosPerRow() {
    return cpuSeconds * 1e6 / rows;
  }

  /** Rows changed per second. */
  double rowsPerSecond() {
    return rows / seconds;
  }
}
