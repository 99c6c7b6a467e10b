package dev.godwit.runtime;

import java.util.List;

/**
 * What one call to {@link Migrator#run} did.
 *
 * @param status the migration's status when the run ended
 * @param dryRun whether it was a dry run (nothing was kept)
 * @param changes for a dry run, up to ten rows it would change, before and after; empty otherwise
 */
public record RunResult(MigrationStatus status, boolean dryRun, List<RowChange> changes) {

  /** Copies the changes. */
  public RunResult {
    changes = List.copyOf(changes);
  }

  /**
   * Whether the migration is done: it succeeded, and its verification (if any) found no row left.
   *
   * @return {@code true} for a succeeded run
   */
  public boolean succeeded() {
    return status.state() == MigrationState.SUCCEEDED;
  }
}
