package dev.godwit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The concurrent writer's rate over time: steps of equal length, each with its rate, taken in turn
 * and started over after the last, so that a run of any length meets every rate, and meets it again
 * after the others. A steady writer is a schedule of one step.
 *
 * @param steps the rates of the steps in order, in updates per second, each above 0
 * @param stepNanos how long each step lasts, in nanoseconds
 */
record WriterSchedule(List<Integer> steps, long stepNanos) {

  WriterSchedule {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.stream().anyMatch(rate -> rate <= 0) || stepNanos <= 0) {
      throw new IllegalArgumentException("a writer schedule needs at least one step, every rate"
          + " above 0 updates/s and steps longer than 0 s, not " + steps + " every " + stepNanos
          + " ns");
    }
  }

  /**
   * The same rate throughout.
   *
   * @param updatesPerSecond the rate
   */
  static WriterSchedule steady(int updatesPerSecond) {
    return new WriterSchedule(List.of(updatesPerSecond), TimeUnit.DAYS.toNanos(1));
  }

  /**
   * Rates that change every {@code stepSeconds}, in turn.
   *
   * @param updatesPerSecond the rate of each step, in order
   * @param stepSeconds how long each step lasts
   */
  static WriterSchedule stepping(List<Integer> updatesPerSecond, double stepSeconds) {
    return new WriterSchedule(updatesPerSecond, Math.round(stepSeconds * 1e9));
  }

  /**
   * The period an instant falls in: the steps taken since the start, the first being 0.
   *
   * @param sinceStartNanos nanoseconds since the writer started
   */
  int periodAt(long sinceStartNanos) {
    return (int) (Math.max(0, sinceStartNanos) / stepNanos);
  }

  /** The rate of a period, in updates per second. */
  int rate(int period) {
    return steps.get(period % steps.size());
  }

  /** The interval between two updates due in a period, in nanoseconds. */
  long intervalNanos(int period) {
    return TimeUnit.SECONDS.toNanos(1) / rate(period);
  }
}
