package dev.godwit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * The live application: single-row updates of random rows at a steady rate, each its own transaction,
 * on a connection of its own. An update's latency is measured from the moment it was due, not from
 * when it was sent, so that a writer held up by a lock counts every update it could not make
 * (no coordinated omission).
 */
final class ConcurrentWriter implements AutoCloseable {

  /** Latencies the histogram keeps exactly enough: 1 µs to an hour, 3 significant digits. */
  private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

  private final DataSource dataSource;
  private final long rows;
  private final long intervalNanos;
  private final Histogram latencies = new Histogram(MAX_MICROS, 3);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Exception failure;
  private long errors;

  /** What the writer saw while a strategy ran. */
  record Stats(long updates, long errors, double p50Millis, double p99Millis, double maxMillis) {}

  private ConcurrentWriter(DataSource dataSource, long rows, int updatesPerSecond) {
    this.dataSource = dataSource;
    this.rows = rows;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / updatesPerSecond;
    this.thread = new Thread(this::write, "concurrent-writer");
    this.thread.setDaemon(true);
  }

  /**
   * Starts writing to rows {@code 1..rows} of {@code teams}.
   *
   * @param updatesPerSecond the steady rate
   */
  static ConcurrentWriter start(DataSource dataSource, long rows, int updatesPerSecond) {
    ConcurrentWriter writer = new ConcurrentWriter(dataSource, rows, updatesPerSecond);
    writer.thread.start();
    return writer;
  }

  private void write() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE teams SET visits = visits + 1 WHERE id = ?")) {
      connection.setAutoCommit(true);
      long due = System.nanoTime();
      while (running) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        update.setLong(1, ThreadLocalRandom.current().nextLong(1, rows + 1));
        try {
          update.executeUpdate();
        } catch (SQLException e) {
          // a lock timeout: the application's request failed, and it is counted as such
          errors++;
        }
        latencies.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - due) / 1000));
        due += intervalNanos;
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
    return new Stats(latencies.getTotalCount(), errors,
        latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
        latencies.getMaxValue() / 1000.0);
  }

  @Override
  public void close() throws InterruptedException {
    if (running) {
      stop();
    }
  }
}
