package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs migrations online against a database, keeping their state in the {@code godwit_migrations}
 * table (created on first use). Thread-safe; several migrators, in one process or many, may share a
 * database: a lease on each migration's state row ensures only one runs it at a time.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.create(dataSource);
 * migrator.run(TeamMigrations.backfillPlan(), RunOptions.dryRun());
 * migrator.runAll(TeamMigrations.all());
 * migrator.verify(TeamVerification.backfillPlan());
 * }</pre>
 */
public final class Migrator {

  private final DataSource dataSource;

  private Migrator(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * A migrator on a database; its dialect (H2 or PostgreSQL) is detected on first use.
   *
   * @param dataSource where the tables and the state live
   * @return the migrator
   */
  public static Migrator create(DataSource dataSource) {
    return new Migrator(dataSource);
  }

  /**
   * Runs a migration to the end with default options, resuming at its stored cursor.
   *
   * @param migration the migration
   * @return what the run did
   * @throws MigrationAlreadyRunningException if another runner holds it
   * @throws MigrationException if the database cannot be reached
   */
  public RunResult run(Migration<?> migration) {
    return run(migration, RunOptions.defaults());
  }

  /**
   * Runs a migration: batch after batch until its range is exhausted and its verification finds no row
   * left, or it is canceled or paused, or a batch fails. Blocks until then.
   *
   * @param migration the migration
   * @param options how to run
   * @return what the run did; a failed batch gives state {@link MigrationState#FAILED}
   * @throws MigrationAlreadyRunningException if another runner holds it
   * @throws MigrationException if the database cannot be reached, or a single-transaction run is refused
   */
  public RunResult run(Migration<?> migration, RunOptions options) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Runs migrations in order with default options, skipping those already done, stopping at the first
   * that does not succeed.
   *
   * @param migrations in the order to run
   * @return one result per migration run or skipped, up to and including the one that stopped the series
   */
  public List<RunResult> runAll(List<? extends Migration<?>> migrations) {
    return runAll(migrations, RunOptions.defaults());
  }

  /**
   * Runs migrations in order, skipping those already done, stopping at the first that does not succeed.
   *
   * @param migrations in the order to run
   * @param options how to run each
   * @return one result per migration run or skipped, up to and including the one that stopped the series
   */
  public List<RunResult> runAll(List<? extends Migration<?>> migrations, RunOptions options) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Every migration recorded in this database.
   *
   * @return their statuses, by name
   */
  public List<MigrationStatus> status() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * One migration's recorded status.
   *
   * @param name the migration's name
   * @return its status, or empty if it never ran here
   */
  public Optional<MigrationStatus> status(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Asks a running migration to stop after its current batch, with state {@link MigrationState#CANCELED};
   * works across processes through the state table.
   *
   * @param name the migration's name
   * @return {@code true} if it was running or pending and is now marked for cancellation
   */
  public boolean cancel(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Asks a running migration to stop after its current batch, with state {@link MigrationState#PAUSED}.
   *
   * @param name the migration's name
   * @return {@code true} if it was running and is now marked to pause
   */
  public boolean pause(String name) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Counts the rows still in the old format.
   *
   * @param verification the verification
   * @return complete or not, how many rows are left, and up to ten of their ids
   */
  public VerificationResult verify(Verification<?> verification) {
    throw new UnsupportedOperationException("not yet");
  }

  DataSource dataSource() {
    return dataSource;
  }
}
