package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.LeaseLostException;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.internal.state.Lease;
import dev.godwit.runtime.internal.state.StateStore;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a run back between batches while any of its {@linkplain HealthSignal health signals} says to
 * wait: asks them at most once per {@link RunOptions#healthCheckInterval()} while they are healthy;
 * while one is not, records why in the state table, sleeps an interval, answers cancel and pause
 * requests, and asks again, until all are healthy or {@link RunOptions#maxHealthWait()} has passed.
 *
 * <p>A signal that throws counts as saying to wait (fail closed): a run that cannot tell whether
 * the standbys keep up must not assume they do, and the longest wait bounds the cost of a broken
 * signal to a paused run whose error names it.
 */
public final class HealthThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(HealthThrottle.class);

  /**
   * How a wait ended.
   *
   * @param request {@code CANCEL} or {@code PAUSE} asked of the run while it waited, or empty
   * @param pausesRun whether the run pauses itself: it waited its longest, or was interrupted
   * @param reason why it pauses itself, as its recorded error, or {@code null}
   */
  public record Outcome(Optional<String> request, boolean pausesRun, String reason) {
    static final Outcome HEALTHY = new Outcome(Optional.empty(), false, null);
  }

  private final String migration;
  private final Table<?> table;
  private final List<HealthSignal> signals;
  private final Dialect dialect;
  private final StateStore store;
  private final long intervalNanos;
  private final Duration maxWait;
  private final Consumer<String> onWaiting;
  /** When the signals last all said healthy, by {@link System#nanoTime()}; 0 before the first. */
  private long healthyAt;

  private HealthThrottle(String migration, Table<?> table, List<HealthSignal> signals,
      Dialect dialect, StateStore store, RunOptions options, Consumer<String> onWaiting) {
    this.migration = migration;
    this.table = table;
    this.signals = signals;
    this.dialect = dialect;
    this.store = store;
    this.intervalNanos = options.healthCheckInterval().toNanos();
    this.maxWait = options.maxHealthWait();
    this.onWaiting = onWaiting;
  }

  /**
   * The throttle of one run: the dialect's built-in signals (unless {@link
   * RunOptions#withoutDefaultHealthSignals()}) followed by the options' own.
   *
   * @param onWaiting told each new reason to wait, and {@code null} when the run resumes
   */
  public static HealthThrottle of(String migration, Table<?> table, Dialect dialect,
      StateStore store, RunOptions options, Consumer<String> onWaiting) {
    List<HealthSignal> signals = new ArrayList<>();
    if (options.defaultHealthSignals()) {
      signals.addAll(dialect.healthSignals(options));
    }
    signals.addAll(options.healthSignals());
    return new HealthThrottle(migration, table, List.copyOf(signals), dialect, store, options,
        onWaiting);
  }

  /**
   * Lets each signal check, before anything is claimed or changed, that it can see what it
   * measures, on a connection of its own; none is opened for a run without signals.
   *
   * @throws MigrationException if a signal cannot work, naming the privilege it lacks
   */
  public void checkAccess(Database database) throws SQLException {
    if (signals.isEmpty()) {
      return;
    }
    database.call(connection -> {
      for (HealthSignal signal : signals) {
        Optional<String> missing = signal.missingPrivilege(connection, table);
        if (missing.isPresent()) {
          throw new MigrationException(ErrorCode.HEALTH_SIGNAL_REFUSED,
              ErrorCode.HEALTH_SIGNAL_REFUSED.message(migration, "its health signal "
                  + signal.name() + " " + missing.get(), "grant the privilege, or turn the signal"
                  + " off (its threshold at zero, or without the default health signals)"));
        }
      }
      return null;
    });
  }

  /**
   * Returns at once while the signals are healthy (asking them if the interval has passed since
   * they last were); otherwise waits until they are, or until the run must stop.
   *
   * @param connection the run's batch connection, between two batches' transactions
   * @throws LeaseLostException if the run's lease was taken over while it waited
   * @throws SQLException if the connection fails
   */
  public Outcome await(Connection connection, Lease lease) throws SQLException {
    return await(connection, lease.owner(), lease::check);
  }

  /**
   * Like {@link #await(Connection, Lease)}, for a run whose lease is held by {@code owner} (the
   * owner the workers of a migration split into ranges share).
   *
   * @param check throws {@link LeaseLostException} once the lease is known to be lost
   */
  public Outcome await(Connection connection, String owner, Runnable check) throws SQLException {
    if (signals.isEmpty()
        || (healthyAt != 0 && System.nanoTime() - healthyAt < intervalNanos)) {
      return Outcome.HEALTHY;
    }
    long started = System.nanoTime();
    String reason = ask(connection);
    String recorded = null;
    while (reason != null) {
      if (!reason.equals(recorded)) {
        // a reason usually carries a figure that moves every check (a lag, a vacuum's duration):
        // the wait is logged once as it starts, every new reason is recorded for status
        if (recorded == null) {
          LOG.warn("Migration {} waits before its next batch: {}", migration, reason);
        } else {
          LOG.debug("Migration {} still waits: {}", migration, reason);
        }
        record(owner, reason);
        recorded = reason;
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      if (!maxWait.isZero() && waited.compareTo(maxWait) >= 0) {
        String error = "paused itself after waiting " + text(maxWait) + " on its health signals ("
            + reason + "); run it again to continue once they are healthy";
        LOG.warn("Migration {} {}", migration, error);
        return new Outcome(Optional.empty(), true, error);
      }
      try {
        Thread.sleep(intervalNanos / 1_000_000, (int) (intervalNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(Optional.empty(), true, null);
      }
      check.run();
      Optional<String> request = store.requestedHere(migration);
      if (request.isEmpty()) {
        request = store.requested(migration, owner);
      }
      if (request.isPresent()) {
        return new Outcome(request, false, null);
      }
      reason = ask(connection);
    }
    healthyAt = System.nanoTime();
    if (recorded != null) {
      LOG.info("Migration {} resumes after waiting {} on its health signals", migration,
          text(Duration.ofNanos(healthyAt - started)));
      record(owner, null);
    }
    return Outcome.HEALTHY;
  }

  /** Every signal's reason to wait, each named, joined; {@code null} when all are healthy. */
  private String ask(Connection connection) throws SQLException {
    List<String> reasons = new ArrayList<>();
    for (HealthSignal signal : signals) {
      Optional<String> reason;
      try {
        reason = signal.check(connection, table);
      } catch (SQLException e) {
        if (dialect.isConnectionFailure(e)) {
          throw e;
        }
        reason = Optional.of("could not be read: " + Errors.oneLine(e));
      } catch (RuntimeException e) {
        reason = Optional.of("could not be read: " + Errors.oneLine(e));
      } finally {
        connection.rollback();
      }
      reason.ifPresent(text -> reasons.add(signal.name() + ": " + text));
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  private void record(String owner, String reason) throws SQLException {
    if (!store.saveWaiting(migration, owner, reason)) {
      throw new LeaseLostException(migration);
    }
    onWaiting.accept(reason);
  }

  /** A duration as people write it: {@code 30m}, {@code 1m30s}, {@code 250ms}. */
  private static String text(Duration duration) {
    if (duration.toMillis() < 1000) {
      return duration.toMillis() + "ms";
    }
    return duration.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().substring(2)
        .toLowerCase(java.util.Locale.ROOT);
  }
}
