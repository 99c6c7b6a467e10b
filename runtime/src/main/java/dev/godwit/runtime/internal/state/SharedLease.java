package dev.godwit.runtime.internal.state;

import dev.godwit.runtime.MigrationAlreadyRunningException;
import dev.godwit.runtime.internal.engine.DaemonThreads;
import dev.godwit.runtime.internal.jdbc.Errors;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease on a migration's state row that the workers of every process running it share: its
 * owner is a token naming the run, not one process, and each process's heartbeat renews it
 * conditionally on that token, together with the leases of the ranges that process's workers hold.
 * A cancel, a pause or a failure recorded by any process releases it, and the others then find it
 * gone. A migration held by a single runner's lease is not shared: joining it is refused as before.
 */
public final class SharedLease implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedLease.class);

  /** How a shared owner starts, so that a process can tell it from a single runner's. */
  public static final String PREFIX = "godwit workers ";

  private final StateStore store;
  private final String name;
  private final String token;
  private final Duration duration;
  private final List<String> workers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private volatile boolean lost;

  private SharedLease(StateStore store, String name, String token, Duration duration) {
    this.store = store;
    this.name = name;
    this.token = token;
    this.duration = duration;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(
        DaemonThreads.named("godwit-heartbeat-" + name));
    long period = Math.max(duration.toMillis() / 3, 10);
    heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Joins the workers running a migration, renewing their shared lease, or, when no live lease is
   * held, claims the migration for a new shared owner, marking it {@code RUNNING} (and starting it
   * over when {@code reset}).
   *
   * @throws MigrationAlreadyRunningException if a single runner holds a live lease, or if a reset is
   *     asked while workers hold one
   */
  public static SharedLease join(StateStore store, String name, Duration duration, int batchSize,
      boolean reset) throws SQLException {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<String> held = store.find(name).map(StoredState::owner);
      if (!reset && held.filter(owner -> owner.startsWith(PREFIX)).isPresent()
          && store.renew(name, held.get(), store.now(), duration)) {
        LOG.debug("{} joined migration {}", store.worker(), name);
        return new SharedLease(store, name, held.get(), duration);
      }
      String token = PREFIX + UUID.randomUUID();
      if (store.claim(name, token, store.now(), duration, batchSize, reset)) {
        LOG.debug("{} claimed migration {} for its workers", store.worker(), name);
        return new SharedLease(store, name, token, duration);
      }
      if (reset || store.find(name).map(StoredState::owner)
          .filter(owner -> owner.startsWith(PREFIX)).isEmpty()) {
        throw new MigrationAlreadyRunningException(name);
      }
    }
    throw new MigrationAlreadyRunningException(name);
  }

  /** The shared owner of the migration's state row. */
  public String token() {
    return token;
  }

  /** How long the leases last after each renewal, by the database's clock. */
  public Duration duration() {
    return duration;
  }

  /** Whether the heartbeat found the shared lease gone: finished, stopped or taken over. */
  public boolean lost() {
    return lost;
  }

  /** Adds a worker of this process, whose range leases the heartbeat renews from now on. */
  public void addWorker(String owner) {
    workers.add(owner);
  }

  private void beat() {
    try {
      if (!store.renew(name, token, store.now(), duration)) {
        lost = true;
        LOG.info("Migration {} is no longer run by its workers; stopping after this batch", name);
      }
      store.ranges().renew(name, List.copyOf(workers), store.now(), duration);
    } catch (SQLException | RuntimeException e) {
      // the next beat tries again; a lease only lapses if beats keep failing for its whole length
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
