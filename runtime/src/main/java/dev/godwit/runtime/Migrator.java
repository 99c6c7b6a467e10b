package dev.godwit.runtime;

import dev.godwit.runtime.internal.engine.MigrationRun;
import dev.godwit.runtime.internal.engine.Progress;
import dev.godwit.runtime.internal.engine.SchemaCheck;
import dev.godwit.runtime.internal.engine.SeriesPreview;
import dev.godwit.runtime.internal.engine.Verifier;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.internal.schema.SchemaSteps;
import dev.godwit.runtime.internal.state.StateStore;
import dev.godwit.runtime.internal.state.StoredState;
import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.DialectProvider;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs migrations online against a database, keeping their state in the {@code godwit_migrations}
 * table (created on first use). Thread-safe; several migrators, in one process or many, may share a
 * database: a lease on each migration's state row ensures only one runs it at a time, and a runner
 * that stops renewing its lease (it died) is taken over once the lease expires. Leases are timed by
 * the database's clock alone (the JVM's {@linkplain Builder#clock clock} only dates what is recorded
 * and reported), so runners whose clocks disagree still agree on when a lease ends.
 *
 * <p>A migration visits the rows of its range in key order, one transaction per batch: the
 * batch's rows are read with a row lock, migrated, written back with a constant number of statements,
 * and the stored cursor advances in that same transaction, so a committed batch is never applied
 * twice and an interrupted migration resumes where it stopped. A composite key is ordered and
 * compared as one row value ({@code (order_id, line_no) > (?, ?)}); its cursor is recorded as a JSON
 * array of each key value's text, and a recorded cursor that is not a key of the table's shape is
 * refused with a {@link MigrationException}. Every {@code UPDATE} Godwit issues on a table with a
 * {@linkplain Table#version() version column} also increments that column by one, so that a
 * framework's optimistic-lock save of a row read before the batch fails instead of undoing it.
 *
 * <p>Before a table is first migrated or verified, its mapping is {@linkplain #checkMapping checked}
 * against the database's catalog, and a table that does not match is refused with a {@link
 * SchemaMismatchException} before anything is written.
 *
 * <p>The schema steps of the lifecycle ({@link Phase}) are planned from the generated {@link
 * TableSchema}s and the live catalog by {@link #plan}, applied one phase at a time, gated and under a
 * short lock timeout, by {@link #apply(List, Phase, ApplyOptions)}, and checked before the code is
 * served by {@link #check(List)}.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.create(dataSource);
 * migrator.apply(List.of(TeamTable.SCHEMA), Phase.EXPAND);
 * migrator.run(TeamMigrations.backfillPlan(), RunOptions.dryRun());
 * migrator.runAll(TeamMigrations.all());
 * migrator.verify(TeamVerification.backfillPlan());
 * migrator.apply(List.of(TeamTable.SCHEMA), Phase.NARROW);
 * }</pre>
 */
public final class Migrator {

  private final DataSource dataSource;
  private final Database database;
  private final StateStore store;
  private final SchemaSteps schemaSteps;
  /** Tables whose mapping was found sound here: each is checked once per migrator. */
  private final Set<Table<?>> soundTables = ConcurrentHashMap.newKeySet();

  private Migrator(Builder builder) {
    this.dataSource = builder.dataSource;
    this.database = new Database(dataSource, builder.dialect);
    this.store = new StateStore(database, builder.stateSchema, builder.stateTable, builder.worker,
        builder.clock);
    this.schemaSteps = new SchemaSteps(database, store, builder.stateSchema);
  }

  /**
   * A builder of a migrator on a database, for what a framework integration configures: where the
   * state lives, how this process is named in leases, which clock dates what it records, and which
   * dialect to use.
   *
   * @param dataSource where the tables and the state live
   * @return a builder holding the defaults of {@link #create}
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /**
   * A migrator on a database; its dialect is detected on first use, from the database's JDBC
   * metadata, among the {@link dev.godwit.runtime.spi.DialectProvider}s registered on the class
   * path (H2 and PostgreSQL are built in).
   *
   * @param dataSource where the tables and the state live
   * @return the migrator
   */
  public static Migrator create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * Runs a migration to the end with default options, resuming at its stored cursor.
   *
   * @param migration the migration
   * @return what the run did
   * @throws MigrationAlreadyRunningException if another runner holds it
   * @throws SchemaMismatchException if the table does not match its mapping (see {@link #checkMapping})
   * @throws MigrationException if the database cannot be reached
   */
  public RunResult run(Migration<?> migration) {
    return run(migration, RunOptions.defaults());
  }

  /**
   * Runs a migration: batch after batch until its range is exhausted and its verification finds no row
   * left, or it is canceled or paused, or a batch fails. Blocks until then. Rows its verification still
   * finds after the pass (written in the old format behind the cursor while it ran) are swept before
   * {@code SUCCEEDED} is recorded; a sweep that changes none of them fails the migration, naming them.
   * Running a succeeded migration again only verifies it again. A migration run on its own is asked
   * for by name: it runs even if it {@linkplain Migration#destroysData() destroys data}.
   *
   * <p>A {@linkplain RunOptions#dryRun() dry run} runs only the next batch and rolls it back: nothing
   * changes, not even the state table. Its result counts the rows that batch would change and shows
   * up to {@value RunResult#SHOWN} of them before and after, with a status holding the recorded state
   * and the counts as they would be after that batch. For a migration that destroys data, its
   * {@linkplain RunResult#caveats() caveats} say how many rows hold what it destroys and how many of
   * them its range does not reach yet.
   *
   * <p>On several {@linkplain RunOptions#workers() workers}, the keyset pass is shared with every
   * other process running the migration; the process that takes it over once every range is done
   * verifies (sweeping only when rows are left in the old format, as a single runner does) and
   * returns the final state, the others return as soon as every range is done, with state
   * {@link MigrationState#RUNNING}.
   *
   * @param migration the migration
   * @param options how to run
   * @return what the run did; a failed batch gives state {@link MigrationState#FAILED}
   * @throws MigrationAlreadyRunningException if another runner holds it, or a single runner holds it
   *     when this run asks for several workers
   * @throws MigrationException if a single-transaction run asks for several workers, or meets a
   *     migration whose keyset pass is already split into ranges ({@link
   *     ErrorCode#WORKERS_IN_ONE_TRANSACTION})
   * @throws SchemaMismatchException if the table does not match its mapping (see {@link
   *     #checkMapping}), in a dry run too; nothing is written, not even the migration's state
   * @throws MigrationException if the database cannot be reached, or a single-transaction run is refused
   */
  public RunResult run(Migration<?> migration, RunOptions options) {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(options, "options");
    checkMapping(migration.table(), "running " + migration.name());
    checkScales(migration);
    if (options.isDryRun()) {
      return preview(List.of(migration), options, true).get(0);
    }
    return call("run migration " + migration.name(),
        () -> new MigrationRun<>(database, store, migration, options).run());
  }

  /**
   * Runs migrations in order with default options: every migration the code's phase allows, skipping
   * those already done and those that destroy data, stopping at the first that does not succeed.
   *
   * @param migrations in the order to run
   * @return one result per migration run or skipped, up to and including the one that stopped the series
   * @throws SchemaMismatchException if the table of a migration to run does not match its mapping
   * @see #runAll(List, RunOptions)
   */
  public List<RunResult> runAll(List<? extends Migration<?>> migrations) {
    return runAll(migrations, RunOptions.defaults());
  }

  /**
   * Runs migrations in order, stopping at the first that does not succeed. Skipped, each with a
   * result saying {@linkplain RunResult#skipped() why}: those already done (unless the options
   * reset), and those that {@linkplain Migration#destroysData() destroy data}, such as the clears of
   * the {@link Phase#CONTRACT} phase, unless the options {@linkplain RunOptions#includeDestructive()
   * include them}: a run of "everything" in the expand or migrate phase never clears a column the
   * running code, or a rollback to the code before it, still reads. A skipped migration does not stop
   * the series.
   *
   * <p>A {@linkplain RunOptions#isDryRun() dry run} of a series previews each migration as if the
   * earlier ones had run: the next batch of each, in order, in one transaction rolled back at the end,
   * each batch seeing the writes of those before it; nothing is kept, not even the state table, and the
   * previewed rows stay locked until the last preview ends. A preview that cannot show everything says
   * so in its {@linkplain RunResult#caveats() caveats}: when an earlier migration of the same table has
   * rows left after its first batch, and, for a migration that destroys data, how many rows hold what
   * it destroys and how many wait on the earlier migrations. A failed preview stops the series.
   *
   * @param migrations in the order to run
   * @param options how to run each
   * @return one result per migration run, previewed or skipped, up to and including the one that
   *     stopped the series
   * @throws SchemaMismatchException if the table of a migration to run does not match its mapping;
   *     every table is checked before the first migration runs, so then none has run
   */
  public List<RunResult> runAll(List<? extends Migration<?>> migrations, RunOptions options) {
    Objects.requireNonNull(options, "options");
    for (Migration<?> migration : migrations) {
      if (skip(migration, options, false).isEmpty()) {
        checkMapping(migration.table(), "running " + migration.name());
        checkScales(migration);
      }
    }
    if (options.isDryRun()) {
      return preview(migrations, options, false);
    }
    List<RunResult> results = new ArrayList<>();
    for (Migration<?> migration : migrations) {
      Optional<RunResult> skipped = skip(migration, options, false);
      if (skipped.isPresent()) {
        results.add(skipped.get());
        continue;
      }
      RunResult result = run(migration, options);
      results.add(result);
      if (!result.succeeded()) {
        break;
      }
    }
    return results;
  }

  /**
   * Previews a series in one transaction rolled back at the end.
   *
   * @param named whether the migrations were asked for one by one, so that none is skipped for
   *     destroying data
   */
  private List<RunResult> preview(List<? extends Migration<?>> migrations, RunOptions options,
      boolean named) {
    String doing = migrations.size() == 1 ? "dry-run migration " + migrations.get(0).name()
        : "dry-run a series of " + migrations.size() + " migrations";
    return call(doing, () -> {
      List<RunResult> results = new ArrayList<>();
      try (SeriesPreview series = new SeriesPreview(database, store)) {
        for (Migration<?> migration : migrations) {
          Optional<RunResult> skipped = named ? Optional.empty() : skip(migration, options, true);
          if (skipped.isPresent()) {
            results.add(skipped.get());
            continue;
          }
          RunResult result = series.preview(migration, options);
          results.add(result);
          if (result.status().state() == MigrationState.FAILED) {
            break;
          }
        }
      }
      return results;
    });
  }

  /**
   * Why a series skips a migration: done (unless reset), or destroying data without the options
   * including it.
   *
   * @return the skip's result, or empty to run it
   */
  private Optional<RunResult> skip(Migration<?> migration, RunOptions options, boolean dryRun) {
    Optional<MigrationStatus> done = done(migration, options);
    if (done.isPresent()) {
      return Optional.of(RunResult.skipped(done.get(), dryRun, RunResult.Skip.DONE));
    }
    if (!options.runsInSeries(migration)) {
      MigrationStatus status = status(migration.name())
          .filter(recorded -> migration.table().isRecordedAs(recorded.table()))
          .orElseGet(() -> Progress.fresh(migration.name(), migration.table().qualifiedName(),
              migration.batchSize()).status(MigrationState.PENDING, null, null, null));
      return Optional.of(RunResult.skipped(status, dryRun, RunResult.Skip.DESTROYS_DATA));
    }
    return Optional.empty();
  }

  /**
   * The recorded status of a migration that {@link #runAll} skips as done, or empty to run it. A
   * migration recorded {@code SUCCEEDED} whose verification finds rows left now (written in the old
   * format after it finished, by an instance still running older code) is not done: running it again
   * continues at its cursor and sweeps them before {@code SUCCEEDED} is recorded again.
   */
  private Optional<MigrationStatus> done(Migration<?> migration, RunOptions options) {
    if (options.reset()) {
      return Optional.empty();
    }
    // a name done on another table is not this migration: run() refuses it in one sentence
    Optional<MigrationStatus> done = status(migration.name()).filter(recorded ->
        recorded.state().isDone() && migration.table().isRecordedAs(recorded.table()));
    if (done.isPresent() && done.get().state() == MigrationState.SUCCEEDED
        && migration.verification().isPresent()
        && !verify(migration.verification().get()).complete()) {
      return Optional.empty();
    }
    return done;
  }

  /**
   * Every migration recorded in this database.
   *
   * @return their statuses, by name
   */
  public List<MigrationStatus> status() {
    return call("read the state of migrations",
        () -> store.all().stream().map(StoredState::status).toList());
  }

  /**
   * One migration's recorded status.
   *
   * @param name the migration's name
   * @return its status, or empty if it never ran here
   */
  public Optional<MigrationStatus> status(String name) {
    Objects.requireNonNull(name, "name");
    return call("read the state of migration " + name,
        () -> store.find(name).map(StoredState::status));
  }

  /**
   * The key ranges of a migration whose keyset pass runs on several {@linkplain RunOptions#workers()
   * workers}, with each range's progress and holder. A migration's {@linkplain #status(String)
   * status} counts its ranges' rows too.
   *
   * @param name the migration's name
   * @return its ranges in key order; empty if it never ran on several workers, or once every range
   *     was done and one runner took the migration over for its sweeps and verification (their
   *     counts are then the migration's own)
   * @throws MigrationException if the database cannot be reached
   */
  public List<RangeStatus> ranges(String name) {
    Objects.requireNonNull(name, "name");
    return call("read the ranges of migration " + name, () -> store.ranges().list(name));
  }

  /**
   * Asks a running migration to stop after its current batch, with state {@link MigrationState#CANCELED};
   * works across processes through the state table. A run of this migrator sees the request before
   * its next batch; a runner elsewhere sees it when it records the batch it is running, so a request
   * that arrives just as one batch ends lets one more run. A pending migration, or one whose runner died, is
   * marked canceled at once. Running it again continues at its cursor.
   *
   * @param name the migration's name
   * @return {@code true} if it was running or pending and is now canceled or marked for cancellation
   */
  public boolean cancel(String name) {
    Objects.requireNonNull(name, "name");
    return call("cancel migration " + name, () -> store.requestStop(name, StateStore.CANCEL,
        MigrationState.CANCELED, store.now(), MigrationState.PENDING, MigrationState.RUNNING));
  }

  /**
   * Asks a running migration to stop after its current batch, with state {@link MigrationState#PAUSED};
   * works across processes through the state table. A run of this migrator sees the request before
   * its next batch; a runner elsewhere sees it when it records the batch it is running, so a request
   * that arrives just as one batch ends lets one more run. One whose runner died is marked paused at once.
   * Running it again continues at its cursor.
   *
   * @param name the migration's name
   * @return {@code true} if it was running and is now paused or marked to pause
   */
  public boolean pause(String name) {
    Objects.requireNonNull(name, "name");
    return call("pause migration " + name, () -> store.requestStop(name, StateStore.PAUSE,
        MigrationState.PAUSED, store.now(), MigrationState.RUNNING));
  }

  /**
   * Counts the rows still in the old format.
   *
   * @param verification the verification
   * @return complete or not, how many rows are left, and up to ten of their keys
   * @throws SchemaMismatchException if the table does not match its mapping (see {@link #checkMapping})
   * @throws MigrationException if a sampled row has NULL in a key column
   */
  public VerificationResult verify(Verification<?> verification) {
    Objects.requireNonNull(verification, "verification");
    checkMapping(verification.table(), "verifying " + verification.name());
    return call("verify " + verification.name(), () -> database.call(
        connection -> Verifier.verify(connection, database.dialect(), verification)));
  }

  /**
   * Checks a table's mapping against the database's catalog, as every run and verification does
   * before it reads or writes anything. The table must exist (in its schema, if it names one: plain
   * names as the database folds them, exact names exactly); every mapped column must exist with a
   * declared type that holds its Java type faithfully (a {@code String} a character type, an
   * {@code Instant} {@code TIMESTAMP WITH TIME ZONE}, an enum stored by ordinal an integer type...);
   * and the key must be NOT NULL and unique: the primary key, or containing the columns of the
   * primary key or of a unique index without a predicate, since rows are written back by their key.
   * A table found sound is not checked again by this migrator.
   *
   * @param table the table, as generated ({@code TeamTable.TABLE}) or written by hand
   * @throws SchemaMismatchException listing every mismatch, one sentence each with its fix
   * @throws MigrationException if the database cannot be reached
   */
  public void checkMapping(Table<?> table) {
    Objects.requireNonNull(table, "table");
    checkMapping(table, "migrating it");
  }

  /**
   * Refuses an in-database migration whose constant or copied decimals have more digits after the
   * decimal point than their column's declared scale: PostgreSQL and H2 round such a value to the
   * scale without an error (PostgreSQL documentation, section 8.1.2), so the run would succeed over
   * values it changed.
   */
  private void checkScales(Migration<?> migration) {
    if (!migration.inDatabase()) {
      return;
    }
    Table<?> table = migration.table();
    for (Assignment<?> assignment : migration.assignments()) {
      try {
        if (assignment.source() == null) {
          database.decimalScales().check(table, assignment.target(), assignment.value());
        } else {
          database.decimalScales().checkCopy(table, assignment.target(), assignment.source());
        }
      } catch (IllegalArgumentException e) {
        throw new MigrationException(ErrorCode.DECIMAL_SCALE,
            ErrorCode.DECIMAL_SCALE.message(migration.name(), e.getMessage()));
      }
    }
  }

  /** Checks a table once per migrator, with {@code use} completing "create it before ...". */
  private void checkMapping(Table<?> table, String use) {
    if (soundTables.contains(table)) {
      return;
    }
    List<SchemaMismatchException.Problem> problems = call("check the mapping of " + table,
        () -> database.call(connection -> SchemaCheck.problems(
            connection, database.dialect(), database.decimalScales(), table, use)));
    if (!problems.isEmpty()) {
      throw new SchemaMismatchException(table.qualifiedName(), problems);
    }
    soundTables.add(table);
  }

  /**
   * The schema steps that bring the database's catalog to what the code expects, per phase, in the
   * order they must run, as SQL for this database. Reads the catalog and, for the guards, nothing
   * else; changes nothing.
   *
   * <ul>
   *   <li>Expand: {@code CREATE TABLE} of a missing table (every column, {@code NOT NULL} for the
   *       required and narrowed ones, and the primary key on the key); {@code ADD COLUMN} of a
   *       missing column, always nullable and without a default, which PostgreSQL 11 and later
   *       apply to the catalog alone, without rewriting the table (H2 2.3 copies the table, and
   *       would lose writes other sessions commit during the copy: there the step runs with the
   *       database in exclusive mode, which pauses them); {@code DROP NOT NULL} on a widened or retiring column, or a column declared
   *       removed, that is still {@code NOT NULL}.
   *   <li>Narrow: {@code SET NOT NULL} on a required or narrowed column that is nullable. On
   *       PostgreSQL as {@code ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID}, {@code VALIDATE
   *       CONSTRAINT} (which scans under a lock that lets writes go on), {@code SET NOT NULL} (which
   *       then uses the validated constraint instead of scanning: PostgreSQL 12 and later,
   *       documentation of {@code ALTER TABLE}) and {@code DROP CONSTRAINT}; a constraint left by a
   *       step that stopped halfway is reused. Guarded by: the column holds no NULL; for a
   *       narrowed or widened column, the backfill that fills it is recorded {@code SUCCEEDED} and
   *       its verification finds no row left.
   *   <li>Contract: {@code DROP COLUMN} of each column the code declared removed that still exists,
   *       guarded by no narrow step of its table being pending.
   * </ul>
   *
   * <p>What no step can fix (a column of an incompatible type, a key that is not unique) is left to
   * {@link #check(List)}.
   *
   * @param schemas what the code expects of each table ({@code XTable.SCHEMA})
   * @return the plan; empty when the catalog matches the code
   * @throws MigrationException with {@link ErrorCode#SCHEMA_NOT_PLANNABLE} if a guard cannot be
   *     written faithfully as SQL (a verification whose condition holds a value without an exact SQL
   *     literal), or if the database cannot be reached
   */
  public SchemaPlan plan(List<? extends TableSchema<?>> schemas) {
    Objects.requireNonNull(schemas, "schemas");
    return call("plan the schema", () -> schemaSteps.plan(List.copyOf(schemas)));
  }

  /**
   * Applies one phase's steps with default options: see {@link #apply(List, Phase, ApplyOptions)}.
   *
   * @param schemas what the code expects of each table
   * @param phase {@link Phase#EXPAND}, {@link Phase#NARROW} or {@link Phase#CONTRACT}
   * @return the steps applied, with their tries
   * @throws MigrationException as {@link #apply(List, Phase, ApplyOptions)} does
   */
  public ApplyResult apply(List<? extends TableSchema<?>> schemas, Phase phase) {
    return apply(schemas, phase, ApplyOptions.defaults());
  }

  /**
   * Applies one phase's steps: plans again from the live catalog, checks every step's guards now,
   * then runs the steps in order, each statement in a transaction of its own under the options'
   * lock timeout, retrying a statement whose lock wait timed out with exponential backoff and
   * jitter. Expand is always allowed; narrow is refused while a column's backfill has rows left;
   * contract is refused while a narrow step of the table is pending. Every step applied is recorded
   * in the {@code godwit_schema_history} table beside the state table (created on first use): its
   * phase, table, column, kind and statements, when it was applied by the database's clock, and by
   * which {@linkplain Builder#workerName worker}. Applying a phase again is a no-op: its plan is
   * empty.
   *
   * <p>A {@linkplain ApplyOptions#isDryRun() dry run} plans and checks the guards, and runs no
   * statement.
   *
   * @param schemas what the code expects of each table
   * @param phase {@link Phase#EXPAND}, {@link Phase#NARROW} or {@link Phase#CONTRACT}
   * @param options dry run, lock timeout and retries
   * @return the steps applied (or, in a dry run, that would run), with their tries
   * @throws IllegalArgumentException for {@link Phase#MIGRATE}, which holds no schema step
   * @throws MigrationException with {@link ErrorCode#SCHEMA_STEP_REFUSED} if a step's guard does
   *     not hold (nothing of the phase has run then), {@link ErrorCode#SCHEMA_LOCK_TIMEOUT} if a
   *     statement never got its lock (the steps before it stay applied and recorded), {@link
   *     ErrorCode#SCHEMA_NOT_PLANNABLE} as {@link #plan} does, or if the database refuses a
   *     statement or cannot be reached
   */
  public ApplyResult apply(List<? extends TableSchema<?>> schemas, Phase phase,
      ApplyOptions options) {
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(options, "options");
    if (phase == Phase.MIGRATE) {
      throw new IllegalArgumentException("the migrate phase holds no schema step; run its"
          + " migrations with run or runAll");
    }
    return call("apply the " + phase.label() + " phase",
        () -> schemaSteps.apply(List.copyOf(schemas), phase, options));
  }

  /**
   * Checks the code against the database, as a deploy pipeline or an application's startup does
   * before serving the code: every table and column exists with a type that holds its Java type
   * faithfully and a unique NOT NULL key (as {@link #checkMapping} checks), no column the code
   * requires holds NULL, no expand step is pending, and no table whose code declares removed columns
   * has narrow steps pending. A pending narrow step whose data is ready, or a pending contract step,
   * is not a problem: the code runs before them.
   *
   * @param schemas what the code expects of each table
   * @throws SchemaCheckException listing every problem of every table, each with its fix
   * @throws MigrationException if the database cannot be reached
   */
  public void check(List<? extends TableSchema<?>> schemas) {
    Objects.requireNonNull(schemas, "schemas");
    List<SchemaMismatchException.Problem> problems = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (TableSchema<?> schema : schemas) {
      List<SchemaMismatchException.Problem> found = call("check " + schema.table(),
          () -> schemaSteps.check(schema));
      if (!found.isEmpty()) {
        tables.add(schema.table().qualifiedName());
        problems.addAll(found);
      }
    }
    if (!problems.isEmpty()) {
      throw new SchemaCheckException(tables, problems);
    }
  }

  /**
   * Checks the code against the database for every schema the class path publishes ({@link
   * MigrationRegistry#load()}): see {@link #check(List)}.
   *
   * @throws SchemaCheckException listing every problem of every table, each with its fix
   * @throws MigrationException if the database cannot be reached
   */
  public void check() {
    check(MigrationRegistry.load().schemas());
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The database's dialect, detected on first use: what {@link SchemaExport} writes SQL with. */
  Dialect dialect() {
    return database.dialect();
  }

  /** Work on the database that may fail with an SQL error. */
  @FunctionalInterface
  private interface DatabaseWork<R> {
    R run() throws SQLException;
  }

  /** Runs work, turning an SQL error into a one-sentence {@link MigrationException}. */
  private <R> R call(String doing, DatabaseWork<R> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      if (database.dialect().isConnectionFailure(e)) {
        throw database.unreachable(e);
      }
      throw new MigrationException(ErrorCode.DATABASE_ERROR,
          ErrorCode.DATABASE_ERROR.message(doing, Errors.oneLine(e)), e);
    }
  }

  /** Configures a {@link Migrator}; every setting has the default {@link #create} uses. */
  public static final class Builder {
    /** A plain identifier, as the state table's schema and name must be. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** The owner column holds 200 characters; a run adds {@code " run "} and eight of its own. */
    private static final int MAX_WORKER = 180;

    private final DataSource dataSource;
    private String stateSchema;
    private String stateTable = "godwit_migrations";
    private String worker = "pid " + ProcessHandle.current().pid();
    private DialectProvider dialect;
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The table the migrations' state is kept in, created on first use.
     *
     * @param name a plain identifier (letters, digits, underscores; folded like any plain name);
     *     {@code godwit_migrations} by default
     * @return this builder
     * @throws IllegalArgumentException if it is not a plain identifier
     */
    public Builder stateTable(String name) {
      this.stateTable = plain("state table", name);
      return this;
    }

    /**
     * The schema of the state table.
     *
     * @param schema a plain identifier of an existing schema, or {@code null} (the default) for the
     *     connection's current schema
     * @return this builder
     * @throws IllegalArgumentException if it is not a plain identifier
     */
    public Builder stateSchema(String schema) {
      this.stateSchema = schema == null ? null : plain("state table's schema", schema);
      return this;
    }

    /**
     * How this process is named in the state table while it holds a migration's lease, so an
     * operator can tell which worker runs it.
     *
     * @param name 1 to {@value #MAX_WORKER} characters, not blank; {@code pid <process id>} by default
     * @return this builder
     * @throws IllegalArgumentException if it is blank or longer
     */
    public Builder workerName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.length() > MAX_WORKER) {
        throw new IllegalArgumentException("a worker name must be 1 to " + MAX_WORKER
            + " characters and not blank, not '" + name + "'");
      }
      this.worker = name;
      return this;
    }

    /**
     * The clock that dates what this migrator records and reports: a run's start, heartbeats and
     * finish, and so the rate and {@linkplain MigrationStatus#eta() time left} computed from them.
     * Leases never use it: whether a lease is live, and when a lease taken or renewed ends, is
     * decided by the database's clock ({@code CURRENT_TIMESTAMP}), so a runner whose clock is wrong
     * can neither take a live lease nor be kept from an expired one.
     *
     * @param clock the clock; {@link Clock#systemUTC()} by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The dialect to use whatever the database reports, instead of the registered provider that
     * accepts its JDBC metadata.
     *
     * @param provider creates the dialect from the database's metadata on first use
     * @return this builder
     */
    public Builder dialect(DialectProvider provider) {
      this.dialect = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * The migrator.
     *
     * @return a new migrator; it connects on first use
     */
    public Migrator build() {
      return new Migrator(this);
    }

    private static String plain(String what, String name) {
      Objects.requireNonNull(name, what);
      if (!PLAIN.matcher(name).matches()) {
        throw new IllegalArgumentException("the " + what + " must be a plain identifier of letters,"
            + " digits and underscores, not '" + name + "'");
      }
      return name;
    }
  }
}
