package dev.godwit.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A migration's state and progress, as stored in {@code godwit_migrations} (or, for one never run, as
 * it would start).
 *
 * @param name the migration's name
 * @param table the table it migrates, as {@link Table#qualifiedName()} names it
 *     ({@code billing.teams})
 * @param state where it stands
 * @param cursor the key of the last row of the last committed batch, as text: a single key's value
 *     ({@code 42}), a composite key's values as a JSON array of each value's text in key order
 *     ({@code ["1","2"]}); {@code null} before the first batch
 * @param rowsVisited rows read and passed to the migration so far, sweeps included, exactly
 * @param rowsChanged rows of its table written (patched, or deleted) so far, exactly
 * @param estimatedTotal rows visited before the run started plus rows of the range after its cursor
 *     then; {@code -1} if unknown
 * @param batchSize rows per batch of the current or last run
 * @param startedAt when the first run started, or {@code null}
 * @param heartbeatAt when the runner last proved it was alive, or {@code null}
 * @param finishedAt when it succeeded, failed or was canceled, or {@code null}
 * @param error the last error, one line, or {@code null}
 * @param errorRowId the key of the row whose migration failed, as text in the form of {@code cursor},
 *     or {@code null}
 * @param retries times this run tried a batch again after it failed: after a serialization
 *     failure, a deadlock or a lock timeout (each retry after its backoff), or as its first half
 *     after a split; counted by the running process for this run only and not recorded in
 *     {@code godwit_migrations}, so it starts at zero with each run and is zero in a status read
 *     from the state table ({@link Migrator#status()}, {@link Migrator#status(String)})
 * @param waiting while a {@link MigrationState#RUNNING} run waits on its {@linkplain HealthSignal
 *     health signals} before its next batch, why, in one line per signal saying to wait, joined by
 *     {@code "; "}; {@code null} when it is not waiting. Recorded in {@code godwit_migrations}, so
 *     other processes see it too.
 */
public record MigrationStatus(
    String name,
    String table,
    MigrationState state,
    String cursor,
    long rowsVisited,
    long rowsChanged,
    long estimatedTotal,
    int batchSize,
    Instant startedAt,
    Instant heartbeatAt,
    Instant finishedAt,
    String error,
    String errorRowId,
    long retries,
    String waiting) {

  /**
   * A status with no retries counted, as the state table records it.
   *
   * @param name the migration's name
   * @param table the table it migrates
   * @param state where it stands
   * @param cursor the key of the last row of the last committed batch, as text, or {@code null}
   * @param rowsVisited rows read and passed to the migration so far
   * @param rowsChanged rows of its table written so far
   * @param estimatedTotal the rows the migration visits in all, or {@code -1} if unknown
   * @param batchSize rows per batch
   * @param startedAt when the first run started, or {@code null}
   * @param heartbeatAt when the runner last proved it was alive, or {@code null}
   * @param finishedAt when it succeeded, failed or was canceled, or {@code null}
   * @param error the last error, one line, or {@code null}
   * @param errorRowId the key of the row whose migration failed, as text, or {@code null}
   */
  public MigrationStatus(String name, String table, MigrationState state, String cursor,
      long rowsVisited, long rowsChanged, long estimatedTotal, int batchSize, Instant startedAt,
      Instant heartbeatAt, Instant finishedAt, String error, String errorRowId) {
    this(name, table, state, cursor, rowsVisited, rowsChanged, estimatedTotal, batchSize, startedAt,
        heartbeatAt, finishedAt, error, errorRowId, 0, null);
  }

  /**
   * A status of a run that is not waiting on its health signals.
   *
   * @param name the migration's name
   * @param table the table it migrates
   * @param state where it stands
   * @param cursor the key of the last row of the last committed batch, as text, or {@code null}
   * @param rowsVisited rows read and passed to the migration so far
   * @param rowsChanged rows of its table written so far
   * @param estimatedTotal the rows the migration visits in all, or {@code -1} if unknown
   * @param batchSize rows per batch
   * @param startedAt when the first run started, or {@code null}
   * @param heartbeatAt when the runner last proved it was alive, or {@code null}
   * @param finishedAt when it succeeded, failed or was canceled, or {@code null}
   * @param error the last error, one line, or {@code null}
   * @param errorRowId the key of the row whose migration failed, as text, or {@code null}
   * @param retries times this run tried a batch again
   */
  public MigrationStatus(String name, String table, MigrationState state, String cursor,
      long rowsVisited, long rowsChanged, long estimatedTotal, int batchSize, Instant startedAt,
      Instant heartbeatAt, Instant finishedAt, String error, String errorRowId, long retries) {
    this(name, table, state, cursor, rowsVisited, rowsChanged, estimatedTotal, batchSize, startedAt,
        heartbeatAt, finishedAt, error, errorRowId, retries, null);
  }

  /**
   * This status, saying why its run waits.
   *
   * @param reason see {@link #waiting()}; {@code null} when it does not wait
   * @return a copy with {@code waiting} set
   */
  public MigrationStatus withWaiting(String reason) {
    return new MigrationStatus(name, table, state, cursor, rowsVisited, rowsChanged, estimatedTotal,
        batchSize, startedAt, heartbeatAt, finishedAt, error, errorRowId, retries, reason);
  }

  /**
   * How far along the migration is.
   *
   * @return 0 to 100, or empty if the total is unknown
   */
  public Optional<Double> percent() {
    if (state == MigrationState.SUCCEEDED) {
      return Optional.of(100.0);
    }
    if (estimatedTotal <= 0) {
      return estimatedTotal == 0 ? Optional.of(100.0) : Optional.empty();
    }
    return Optional.of(Math.min(100.0, 100.0 * rowsVisited / estimatedTotal));
  }

  /**
   * Rows visited per second since the migration started, up to its last heartbeat or finish.
   *
   * @return the rate, or empty before the first batch
   */
  public Optional<Double> rowsPerSecond() {
    Instant end = finishedAt != null ? finishedAt : heartbeatAt;
    if (startedAt == null || end == null || rowsVisited == 0) {
      return Optional.empty();
    }
    double seconds = Math.max(Duration.between(startedAt, end).toNanos() / 1e9, 1e-3);
    return Optional.of(rowsVisited / seconds);
  }

  /**
   * The time left at the current rate.
   *
   * @return the estimate, or empty if the total or the rate is unknown or the migration is not running
   */
  public Optional<Duration> eta() {
    if (state != MigrationState.RUNNING || estimatedTotal < 0) {
      return Optional.empty();
    }
    return rowsPerSecond().map(rate -> Duration.ofMillis(
        (long) (1000 * Math.max(0, estimatedTotal - rowsVisited) / rate)));
  }
}
