package dev.godwit.runtime;

/**
 * Sees every committed batch of a run. Called on the running thread after the batch commits; keep it
 * quick. An exception it throws is logged and does not stop the run. A dry run commits nothing and
 * calls no listener.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = status -> {};

  /**
   * Called after each committed batch, and once more when the run ends.
   *
   * @param status the migration's status after that batch: visited, changed, estimated total, rate,
   *     ETA, and the batch retries this run has made so far ({@link MigrationStatus#retries()})
   */
  void onProgress(MigrationStatus status);
}
