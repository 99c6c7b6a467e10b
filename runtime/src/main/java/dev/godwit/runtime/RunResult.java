package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What one call to {@link Migrator#run} did, or, in the results of {@link Migrator#runAll}, what the
 * series did with one of its migrations: ran it, previewed it, or skipped it.
 *
 * @param status the migration's status when the run ended; for a skipped migration, its recorded
 *     status, or {@link MigrationState#PENDING} with no progress if it never ran here
 * @param dryRun whether it was a dry run (nothing was kept)
 * @param changes for a dry run, up to {@value #SHOWN} rows its first batch would change, before and
 *     after, in key order; empty otherwise
 * @param rowsWouldChange for a dry run, how many rows its first batch would change, of which
 *     {@code changes} shows the first; {@code 0} otherwise
 * @param skipped why a series did not run the migration, or {@code null} if it ran or was previewed
 * @param caveats for a dry run, each thing the preview cannot show, one sentence each: rows an
 *     earlier migration of the series had not reached yet when this one was previewed, rows a
 *     destructive migration will change once earlier migrations have run; empty otherwise
 */
public record RunResult(
    MigrationStatus status,
    boolean dryRun,
    List<RowChange> changes,
    long rowsWouldChange,
    Skip skipped,
    List<String> caveats) {

  /** How many changed rows a dry run shows, before and after. */
  public static final int SHOWN = 10;

  /** Copies the lists. */
  public RunResult {
    Objects.requireNonNull(status, "status");
    changes = List.copyOf(changes);
    caveats = List.copyOf(caveats);
  }

  /**
   * The result of a run that was not a preview.
   *
   * @param status the migration's status when the run ended
   * @return a result with no changes, no count, no caveat
   */
  public static RunResult ran(MigrationStatus status) {
    return new RunResult(status, false, List.of(), 0, null, List.of());
  }

  /**
   * The result of a migration a series did not run.
   *
   * @param status its recorded status, or a pending one
   * @param dryRun whether the series was a dry run
   * @param why why it was skipped
   * @return a result with no changes
   */
  public static RunResult skipped(MigrationStatus status, boolean dryRun, Skip why) {
    return new RunResult(status, dryRun, List.of(), 0, Objects.requireNonNull(why, "why"), List.of());
  }

  /**
   * Whether the migration is done: it succeeded, and its verification (if any) found no row left.
   *
   * @return {@code true} for a succeeded run, or a skip of a migration already succeeded
   */
  public boolean succeeded() {
    return status.state() == MigrationState.SUCCEEDED;
  }

  /**
   * Whether a series skipped the migration instead of running it.
   *
   * @return {@code true} if {@link #skipped()} says why
   */
  public boolean isSkipped() {
    return skipped != null;
  }

  /**
   * Why a run of a series ({@link Migrator#runAll}) did not run a migration. Callers switch on the
   * constant; {@link #reason} is the sentence for the runtime's API.
   */
  public enum Skip {
    /** It is recorded as {@link MigrationState#SUCCEEDED}: running it again would only verify it. */
    DONE("it already SUCCEEDED; RunOptions.withReset() runs it again from the first row"),
    /**
     * It {@linkplain Migration#destroysData() destroys data} and the series was not asked to
     * {@linkplain RunOptions#includeDestructive() include destructive migrations}.
     */
    DESTROYS_DATA("it destroys data, which a run of a series does only when asked; run it on its"
        + " own with Migrator.run, or include it with RunOptions.withIncludeDestructive(true)");

    private final String reason;

    Skip(String reason) {
      this.reason = reason;
    }

    /**
     * Why, and how to run it anyway, in the runtime API's terms.
     *
     * @return one sentence, without a final period
     */
    public String reason() {
      return reason;
    }
  }
}
