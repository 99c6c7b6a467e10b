package dev.godwit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * The live application: single-row updates of random rows at the rate its {@link WriterSchedule}
 * gives (steady, or stepping up and down), each its own transaction, on a connection of its own. An
 * update's latency is measured from the moment it was due, not from when it was sent, so that a
 * writer held up by a lock counts every update it could not make (no coordinated omission); an
 * update counts in the period of the schedule it was due in.
 */
final class ConcurrentWriter implements AutoCloseable {

  /** Latencies the histogram keeps exactly enough: 1 µs to an hour, 3 significant digits. */
  private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

  private final DataSource dataSource;
  private final long rows;
  private final WriterSchedule schedule;
  private final Histogram latencies = new Histogram(MAX_MICROS, 3);
  // written by the writer's thread only, read after it ended
  private final List<Histogram> periodLatencies = new ArrayList<>();
  private final List<Long> periodErrors = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Exception failure;
  private volatile long startNanos;
  private long errors;

  /**
   * What the writer saw while a strategy ran, or during one period of its schedule.
   *
   * @param updates updates made or failed
   * @param errors updates that failed (lock timeouts)
   * @param p50Millis median latency from when each update was due, in ms
   * @param p99Millis 99th percentile of that latency, in ms
   * @param maxMillis the longest, in ms
   */
  record Stats(long updates, long errors, double p50Millis, double p99Millis, double maxMillis) {

    private static Stats of(Histogram histogram, long errors) {
      return new Stats(histogram.getTotalCount(), errors,
          histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
          histogram.getMaxValue() / 1000.0);
    }
  }

  private ConcurrentWriter(DataSource dataSource, long rows, WriterSchedule schedule) {
    this.dataSource = dataSource;
    this.rows = rows;
    this.schedule = schedule;
    this.thread = new Thread(this::write, "concurrent-writer");
    this.thread.setDaemon(true);
  }

  /**
   * Starts writing to rows {@code 1..rows} of {@code teams} at a steady rate.
   *
   * @param updatesPerSecond the rate
   */
  static ConcurrentWriter start(DataSource dataSource, long rows, int updatesPerSecond) {
    return start(dataSource, rows, WriterSchedule.steady(updatesPerSecond));
  }

  /**
   * Starts writing to rows {@code 1..rows} of {@code teams}, following a schedule from now on.
   *
   * @param schedule the rate over time
   */
  static ConcurrentWriter start(DataSource dataSource, long rows, WriterSchedule schedule) {
    ConcurrentWriter writer = new ConcurrentWriter(dataSource, rows, schedule);
    writer.startNanos = System.nanoTime();
    writer.thread.start();
    return writer;
  }

  /** When the schedule started, on {@link System#nanoTime()}'s clock. */
  long startNanos() {
    return startNanos;
  }

  /** The schedule it follows. */
  WriterSchedule schedule() {
    return schedule;
  }

  private void write() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE teams SET visits = visits + 1 WHERE id = ?")) {
      connection.setAutoCommit(true);
      long due = startNanos;
      while (running) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        int period = schedule.periodAt(due - startNanos);
        while (periodLatencies.size() <= period) {
          periodLatencies.add(new Histogram(MAX_MICROS, 3));
          periodErrors.add(0L);
        }
        update.setLong(1, ThreadLocalRandom.current().nextLong(1, rows + 1));
        try {
          update.executeUpdate();
        } catch (SQLException e) {
          // a lock timeout: the application's request failed, and it is counted as such
          errors++;
          periodErrors.set(period, periodErrors.get(period) + 1);
        }
        long micros = Math.min(MAX_MICROS, (System.nanoTime() - due) / 1000);
        latencies.recordValue(micros);
        periodLatencies.get(period).recordValue(micros);
        due += schedule.intervalNanos(period);
      }
    } catch (SQLException | RuntimeException e) {
      failure = e;
    }
  }

  /**
   * Stops the writer and tells what it saw.
   *
   * @throws IllegalStateException if it could not write at all
   */
  Stats stop() throws InterruptedException {
    running = false;
    thread.join();
    if (failure != null) {
      throw new IllegalStateException("the concurrent writer failed: " + failure.getMessage(), failure);
    }
    return Stats.of(latencies, errors);
  }

  /**
   * What it saw in each period of its schedule, in order, after {@link #stop()}: every period it
   * reached, the one it stopped in included.
   */
  List<Stats> periods() {
    if (running) {
      throw new IllegalStateException("stop the writer before reading its periods");
    }
    List<Stats> result = new ArrayList<>();
    for (int period = 0; period < periodLatencies.size(); period++) {
      result.add(Stats.of(periodLatencies.get(period), periodErrors.get(period)));
    }
    return result;
  }

  @Override
  public void close() throws InterruptedException {
    if (running) {
      stop();
    }
  }
}
