package dev.godwit.benchmarks;

import java.util.List;
import java.util.Set;

/**
 * What one run of the harness measures and how much.
 *
 * @param rows rows of the workload's table
 * @param naiveRows rows the naive loop is timed on (it is too slow for a whole table)
 * @param warmUpRows rows of the warm-up pass every strategy makes before it is measured; 0 for none
 * @param rounds how many times each strategy runs; the report keeps each one's median run
 * @param writerRate the concurrent writer's updates per second
 * @param tunedBatchSize the batch of the tuned Godwit run and the larger Spring Batch chunk
 * @param backends the databases
 * @param strategies the kinds of strategy to run
 * @param backfills the backfills to run
 * @param compiledEntities entities the compile benchmark generates
 * @param compileRepetitions timed compilations of each kind
 * @param quick whether this is the smoke run: JMH then runs in-process, for moments
 */
record Settings(
    long rows,
    long naiveRows,
    long warmUpRows,
    int rounds,
    int writerRate,
    int tunedBatchSize,
    List<Backend> backends,
    Set<Strategy.Kind> strategies,
    List<Backfill> backfills,
    int compiledEntities,
    int compileRepetitions,
    boolean quick) {

  /** The smaller batch: the hand-written loop's, Spring Batch's smaller chunk, and a Godwit run's. */
  static final int SMALL_BATCH_SIZE = 100;

  /** The larger batch: Spring Batch's larger chunk, and Godwit's default. */
  static final int LARGE_BATCH_SIZE = 1000;
}
