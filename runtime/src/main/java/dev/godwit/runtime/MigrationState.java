package dev.godwit.runtime;

/** Where a migration stands, as recorded in the {@code godwit_migrations} table. */
public enum MigrationState {
  /** Known but never started, or reset. */
  PENDING,
  /** A runner holds its lease and is processing batches. */
  RUNNING,
  /** Stopped between batches on request; running it again continues at its cursor. */
  PAUSED,
  /** Every row visited and, if it has a verification, none left in the old format. */
  SUCCEEDED,
  /** A batch failed; the error and the failing row's id are recorded, and the cursor is before it. */
  FAILED,
  /** Stopped between batches by a cancel; running it again continues at its cursor. */
  CANCELED;

  /**
   * Whether the migration is finished for good.
   *
   * @return {@code true} only for {@link #SUCCEEDED}
   */
  public boolean isDone() {
    return this == SUCCEEDED;
  }
}
