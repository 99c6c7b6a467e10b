package dev.godwit.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * What the scale section measures: adaptive against fixed batches while the writer's rate steps, and
 * one migration run by several workers.
 *
 * @param rows rows of the table for both parts
 * @param heapRows rows of the table the most workers' peak heap is measured on
 * @param writerSteps the stepping writer's rates, in updates per second, in the order it takes them
 *     (over and over)
 * @param writerStepSeconds how long each of the stepping writer's steps lasts
 * @param targetBatchDuration the adaptive run's target for each batch
 * @param minBatchSize the adaptive run's smallest batch
 * @param maxBatchSize the adaptive run's largest batch
 * @param workerCounts the numbers of runners to measure; 1, where it is among them, is the baseline
 */
record ScaleSettings(
    long rows,
    long heapRows,
    List<Integer> writerSteps,
    double writerStepSeconds,
    Duration targetBatchDuration,
    int minBatchSize,
    int maxBatchSize,
    List<Integer> workerCounts) {

  ScaleSettings {
    writerSteps = List.copyOf(writerSteps);
    workerCounts = List.copyOf(workerCounts);
  }

  /** The stepping writer's schedule. */
  WriterSchedule schedule() {
    return WriterSchedule.stepping(writerSteps, writerStepSeconds);
  }

  /** The most workers measured: the heap's run. */
  int mostWorkers() {
    return workerCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
  }
}
