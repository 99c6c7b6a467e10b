package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.internal.state.StoredState;
import java.time.Instant;

/**
 * A run's own copy of its state row. The runner holding the lease is the only writer of the row's
 * progress, so this copy is what the row says once each batch commits. Immutable: a batch computes
 * the next progress, saves it in its transaction, and the run adopts it only after the commit.
 *
 * @param pass 0 during the keyset pass over the range, n during the n-th sweep
 * @param cursorText the id of the last row of the last committed batch of the pass, as text
 */
public record Progress(
    String name,
    String table,
    int batchSize,
    Instant startedAt,
    String cursorText,
    int pass,
    long visited,
    long changed,
    long estimatedTotal,
    Instant heartbeatAt) {

  /** The progress recorded in a state row, for a run with a given batch size. */
  public static Progress of(StoredState stored, int batchSize) {
    MigrationStatus status = stored.status();
    return new Progress(status.name(), status.table(), batchSize, status.startedAt(),
        status.cursor(), stored.pass(), status.rowsVisited(), status.rowsChanged(),
        status.estimatedTotal(), status.heartbeatAt());
  }

  /** A migration never recorded, or about to be reset. */
  public static Progress fresh(String name, String table, int batchSize) {
    return new Progress(name, table, batchSize, null, null, 0, 0, 0, -1, null);
  }

  /** The same progress at the start of a pass. */
  public Progress startPass(int number) {
    return new Progress(name, table, batchSize, startedAt, null, number, visited, changed,
        estimatedTotal, heartbeatAt);
  }

  /** The progress after a batch that ended at {@code cursor}. */
  public Progress advance(BatchOutcome batch, String cursor, Instant now) {
    return new Progress(name, table, batchSize, startedAt, cursor, pass, visited + batch.visited(),
        changed + batch.changed(), estimatedTotal, now);
  }

  /** The same progress with another estimate of the total. */
  public Progress withEstimate(long total) {
    return new Progress(name, table, batchSize, startedAt, cursorText, pass, visited, changed, total,
        heartbeatAt);
  }

  public MigrationStatus status(MigrationState state, Instant finishedAt, String error, String errorRowId) {
    return new MigrationStatus(name, table, state, cursorText, visited, changed, estimatedTotal,
        batchSize, startedAt, heartbeatAt, finishedAt, error, errorRowId);
  }
}
