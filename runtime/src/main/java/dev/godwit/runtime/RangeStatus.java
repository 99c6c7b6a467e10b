package dev.godwit.runtime;

import java.time.Instant;

/**
 * The progress of one key range of a migration run by several {@linkplain RunOptions#workers()
 * workers}: which keys it covers, how far its worker got, and who holds it. Keys are given as the
 * cursor writes them (a single key's text, a composite key as a JSON array).
 *
 * @param migration the migration's name
 * @param number the range's place in key order, from 0
 * @param lowerBound the key the range starts after, or {@code null} for the table's first row
 * @param upperBound the last key the range covers, or {@code null} for the table's last row
 * @param cursor the last key migrated in the range, or {@code null} if none yet
 * @param rowsVisited rows of the range visited so far
 * @param rowsChanged of those, rows written or deleted
 * @param state whether the range waits, is being migrated, or is done
 * @param owner the worker holding its lease, or {@code null} if none does
 * @param heartbeatAt when its worker last renewed its lease or committed a batch, or {@code null}
 */
public record RangeStatus(
    String migration,
    int number,
    String lowerBound,
    String upperBound,
    String cursor,
    long rowsVisited,
    long rowsChanged,
    State state,
    String owner,
    Instant heartbeatAt) {

  /** Where a range is. */
  public enum State {
    /** No worker has claimed it since it was split, or since its worker stopped. */
    PENDING,
    /** A worker claimed it; its lease says whether that worker is alive. */
    RUNNING,
    /** Every row of it was visited. */
    DONE
  }
}
