package dev.godwit.runtime.internal.state;

import dev.godwit.runtime.LeaseLostException;
import dev.godwit.runtime.MigrationAlreadyRunningException;
import dev.godwit.runtime.internal.engine.DaemonThreads;
import dev.godwit.runtime.internal.jdbc.Errors;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner's claim on one migration's state row, kept alive by a heartbeat thread so that a batch
 * longer than the lease does not lose it. Closing it stops the heartbeat; the lease itself is
 * released by the run's final state update.
 */
public final class Lease implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

  private final StateStore store;
  private final String name;
  private final String owner;
  private final Duration duration;
  private final ScheduledExecutorService heartbeat;
  private volatile boolean lost;

  private Lease(StateStore store, String name, String owner, Duration duration) {
    this.store = store;
    this.name = name;
    this.owner = owner;
    this.duration = duration;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(
        DaemonThreads.named("godwit-heartbeat-" + name));
    long period = Math.max(duration.toMillis() / 3, 10);
    heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Claims a migration whose lease is free or expired and starts its heartbeat.
   *
   * @throws MigrationAlreadyRunningException if another runner holds a live lease
   */
  public static Lease claim(StateStore store, String name, Duration duration, int batchSize, boolean reset)
      throws SQLException {
    String owner = newOwner(store);
    if (!store.claim(name, owner, store.now(), duration, batchSize, reset)) {
      throw new MigrationAlreadyRunningException(name);
    }
    LOG.debug("{} claimed migration {}", owner, name);
    return new Lease(store, name, owner, duration);
  }

  /**
   * Starts the heartbeat of a lease this owner already holds, taken over from the workers of a
   * migration whose ranges are all done (see {@link RangeStore#handOver}).
   */
  public static Lease adopt(StateStore store, String name, String owner, Duration duration) {
    return new Lease(store, name, owner, duration);
  }

  /** A new owner naming this process's runner. */
  public static String newOwner(StateStore store) {
    return store.worker() + " run " + UUID.randomUUID().toString().substring(0, 8);
  }

  public String owner() {
    return owner;
  }

  /** How long the lease lasts after each renewal, by the database's clock. */
  public Duration duration() {
    return duration;
  }

  /**
   * Fails if the heartbeat found the lease taken over.
   *
   * @throws LeaseLostException if it was
   */
  public void check() {
    if (lost) {
      throw new LeaseLostException(name);
    }
  }

  private void beat() {
    try {
      if (!store.renew(name, owner, store.now(), duration)) {
        lost = true;
        LOG.warn("Migration {} was taken over by another runner; stopping after this batch", name);
        heartbeat.shutdown();
      }
    } catch (SQLException | RuntimeException e) {
      // the next beat tries again; the lease only lapses if beats keep failing for its whole length
      LOG.warn("Heartbeat of migration {} failed: {}", name, Errors.oneLine(e));
    }
  }

  @Override
  public void close() {
    // no interrupt: an interrupted JDBC call can close an embedded database's file
    heartbeat.shutdown();
    try {
      heartbeat.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
