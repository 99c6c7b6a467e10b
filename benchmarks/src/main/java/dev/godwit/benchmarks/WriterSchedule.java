package dev.godwit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The concurrent writer's rate over time: a sequence of steps, each a rate held for a while, the last
 * held until the writer stops. A steady writer is a schedule of one step.
 *
 * @param steps the steps in order, at least one
 * @param stepNanos how long each step but the last lasts, in nanoseconds
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
   * Rates that change every {@code stepSeconds}.
   *
   * @param updatesPerSecond the rate of each step, in order
   * @param stepSeconds how long each step but the last lasts
   */
  static WriterSchedule stepping(List<Integer> updatesPerSecond, double stepSeconds) {
    return new WriterSchedule(updatesPerSecond, Math.round(stepSeconds * 1e9));
  }

  /**
   * The step an instant falls in.
   *
   * @param sinceStartNanos nanoseconds since the writer started
   * @return the step's index, the last one's for any instant after the others
   */
  int stepAt(long sinceStartNanos) {
    return (int) Math.min(steps.size() - 1, Math.max(0, sinceStartNanos) / stepNanos);
  }

  /** The interval between two updates due in a step, in nanoseconds. */
  long intervalNanos(int step) {
    return TimeUnit.SECONDS.toNanos(1) / steps.get(step);
  }

  /** The rate of a step, in updates per second. */
  int rate(int step) {
    return steps.get(step);
  }

  /** How many steps there are. */
  int size() {
    return steps.size();
  }
}
