package dev.godwit.runtime;

/**
 * Sees every committed batch of a run. Called on the running thread after the batch commits; keep it
 * quick.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = status -> {};

  /**
   * Called after each committed batch, and once more when the run ends.
   *
   * @param status the migration's status after that batch: visited, changed, estimated total, rate, ETA
   */
  void onProgress(MigrationStatus status);
}
