package dev.godwit.cli;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RowChange;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code godwit run}: runs migrations to the end, one after the other in the order the application
 * publishes them, skipping those already done and stopping at the first that does not succeed. With
 * {@code --all}, migrations that destroy data (the clears of the contract phase) are skipped unless
 * {@code --include-destructive} is given, as {@link Migrator#runAll} skips them; a migration named
 * is asked for and always runs.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Run migrations online, batch after batch, resuming each where it stopped.",
        "They run in the order the application publishes them, whatever the order of the names; "
            + "a migration already SUCCEEDED is skipped, and the first that does not succeed stops "
            + "the series. Ctrl-C pauses the running migration after its current batch.",
        "With --all, migrations that destroy data (the clears of the contract phase) are skipped "
            + "unless --include-destructive is given; a migration named always runs."})
final class RunCommand extends DatabaseCommand {

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "The migrations to run.")
  private List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Run every migration found on the class path, but those "
      + "that destroy data.")
  private boolean all;

  @Option(
      names = "--include-destructive",
      description = "With --all, also run the migrations that destroy data (the clears of the "
          + "contract phase): only once the code no longer reads what they clear.")
  private boolean includeDestructive;

  @Option(
      names = "--dry-run",
      description = "Run only the first batch of each, in one transaction, each seeing the batches "
          + "before it; print how many rows each would change and the first ten (before and "
          + "after), say what the preview cannot show, and roll everything back, the migrations' "
          + "state included.")
  private boolean dryRun;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Rows per batch (one transaction each), instead of each migration's own.")
  private Integer batchSize;

  @Option(names = "--reset", description = "Forget where each stopped and start over from the first row.")
  private boolean reset;

  @Option(
      names = "--pause",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Sleep this long after each batch (250ms, 2s, ...), to leave the database to the "
          + "application.")
  private Duration pause;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long a batch waits for a row lock before it rolls back, releasing the rows "
          + "it locked, and is retried, then split down to the row (default 2s; 0s leaves the "
          + "database's own setting). A row locked through every retry fails the run naming it.")
  private Duration lockTimeout;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Run each migration's keyset pass on N workers (threads, each with its own "
          + "connection), over key ranges that other processes running it join (default 1). One "
          + "process then verifies (sweeping only if rows are left); the others stop with exit "
          + "code 3 once every range is done.")
  private Integer workers;

  @Option(
      names = "--max-replication-lag",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Wait before a batch while a PostgreSQL standby replays, or a --replica-url "
          + "replica applies, more than this behind (default 10s; 0s turns the lag signals off).")
  private Duration maxReplicationLag;

  @Option(
      names = "--max-retained-wal",
      paramLabel = "BYTES",
      description = "PostgreSQL: wait while a replication slot keeps more WAL than this many bytes "
          + "(default 1073741824, 1 GiB; 0 turns the signal off).")
  private Long maxRetainedWal;

  @Option(
      names = "--no-autovacuum-wait",
      description = "PostgreSQL: do not wait while autovacuum works on the migrated table.")
  private boolean noAutovacuumWait;

  @Option(
      names = "--replica-url",
      paramLabel = "URL",
      description = "MySQL/MariaDB: a replica whose lag (SHOW REPLICA STATUS) holds the run back, "
          + "reached as --user with the same password; repeat for each replica.")
  private List<String> replicaUrls = new ArrayList<>();

  @Option(
      names = "--health-check-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often the health signals are asked between batches, and asked again while "
          + "one says to wait (default 1s).")
  private Duration healthCheckInterval;

  @Option(
      names = "--max-health-wait",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long a run waits on its health signals before it pauses itself, saying "
          + "why (default 30m; 0s waits without bound).")
  private Duration maxHealthWait;

  @Option(
      names = "--no-health-signals",
      description = "Do not wait on the database's health (replication lag, retained WAL, "
          + "autovacuum).")
  private boolean noHealthSignals;

  RunCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    List<Migration<?>> selected = select(migrations);
    RunOptions options = options();
    if (dryRun) {
      try (Database database = connect()) {
        return dryRun(database.migrator(), selected, options);
      }
    }
    List<com.zaxxer.hikari.HikariDataSource> replicas = new ArrayList<>();
    try {
      for (String url : replicaUrls) {
        replicas.add(connectReplica(url));
      }
      RunOptions watching = options.withReplicas(List.copyOf(replicas));
      // Closed after the database, so that an interrupt waits for the database to close too.
      try (ShutdownPause interrupt = new ShutdownPause(); Database database = connect()) {
        return runInOrder(database.migrator(), selected, watching, interrupt);
      }
    } finally {
      replicas.forEach(com.zaxxer.hikari.HikariDataSource::close);
    }
  }

  private List<Migration<?>> select(Migrations migrations) {
    if (all && !names.isEmpty()) {
      throw CommandException.usage("give either migration names or --all, not both");
    }
    if (includeDestructive && !all) {
      throw CommandException.usage("--include-destructive goes with --all: a migration named always "
          + "runs");
    }
    if (!all && names.isEmpty()) {
      throw CommandException.usage("say which migrations to run: name them, or give --all; "
          + "'godwit list' shows them");
    }
    List<Migration<?>> selected = all ? migrations.all() : migrations.named(names);
    if (selected.isEmpty()) {
      throw CommandException.usage("no migration was found; " + Migrations.CLASS_PATH_HINT);
    }
    return selected;
  }

  private RunOptions options() {
    // a migration named is asked for; --all runs what destroys data only when told to
    RunOptions options = RunOptions.defaults().withDryRun(dryRun)
        .withIncludeDestructive(!all || includeDestructive);
    if (batchSize != null) {
      if (batchSize <= 0) {
        throw CommandException.usage("--batch-size must be a positive number of rows, not " + batchSize);
      }
      options = options.withBatchSize(batchSize);
    }
    if (reset) {
      options = options.withReset();
    }
    if (pause != null) {
      options = options.withPauseBetweenBatches(pause);
    }
    if (lockTimeout != null) {
      options = options.withLockTimeout(lockTimeout);
    }
    if (workers != null) {
      if (workers < 1) {
        throw CommandException.usage("--workers must be at least 1, not " + workers);
      }
      options = options.withWorkers(workers);
    }
    return healthOptions(options);
  }

  private RunOptions healthOptions(RunOptions options) {
    if (noHealthSignals) {
      options = options.withoutDefaultHealthSignals();
    }
    if (maxReplicationLag != null) {
      options = options.withMaxReplicationLag(maxReplicationLag);
    }
    if (maxRetainedWal != null) {
      if (maxRetainedWal < 0) {
        throw CommandException.usage("--max-retained-wal must be a number of bytes, 0 or more, not "
            + maxRetainedWal);
      }
      options = options.withMaxRetainedWalBytes(maxRetainedWal);
    }
    if (noAutovacuumWait) {
      options = options.withWaitForAutovacuum(false);
    }
    if (healthCheckInterval != null) {
      if (healthCheckInterval.toMillis() < 1) {
        throw CommandException.usage("--health-check-interval must be at least 1ms, such as 500ms"
            + " or 2s");
      }
      options = options.withHealthCheckInterval(healthCheckInterval);
    }
    if (maxHealthWait != null) {
      options = options.withMaxHealthWait(maxHealthWait);
    }
    return options;
  }

  private int runInOrder(
      Migrator migrator, List<Migration<?>> selected, RunOptions options, ShutdownPause interrupt) {
    PrintStream out = context.out();
    for (Migration<?> migration : selected) {
      Optional<MigrationStatus> before = migrator.status(migration.name());
      if (!reset && before.map(status -> status.state().isDone()).orElse(false)) {
        out.println(skipped(migration, RunResult.Skip.DONE));
        continue;
      }
      if (!options.runsInSeries(migration)) {
        out.println(skipped(migration, RunResult.Skip.DESTROYS_DATA));
        continue;
      }
      long alreadyVisited = reset ? 0 : before.map(MigrationStatus::rowsVisited).orElse(0L);
      interrupt.running(migrator, migration.name());
      RunResult result;
      try (RunProgress progress =
          RunProgress.start(out, context.interactive(), migration.name(), alreadyVisited)) {
        result = migrator.run(migration, options.withListener(progress));
      }
      out.println(summary(result.status()));
      out.flush();
      if (!result.succeeded()) {
        return exitCode(result.status().state());
      }
    }
    return Godwit.EXIT_DONE;
  }

  private int dryRun(Migrator migrator, List<Migration<?>> selected, RunOptions options) {
    PrintStream out = context.out();
    List<RunResult> results = migrator.runAll(selected, options);
    for (int i = 0; i < results.size(); i++) {
      RunResult result = results.get(i);
      MigrationStatus status = result.status();
      if (result.isSkipped()) {
        // runAll answers one result per migration, in order, up to the one that stopped the series
        out.println(skipped(selected.get(i), result.skipped()));
        continue;
      }
      if (status.state() == MigrationState.FAILED) {
        out.println(status.name() + ": dry run " + failure(status));
        return Godwit.EXIT_FAILED;
      }
      out.println(status.name() + ": dry run of the first batch, rolled back: " + preview(result));
      for (RowChange change : result.changes()) {
        out.println("  row " + change.id() + ": " + difference(change));
      }
      for (String caveat : result.caveats()) {
        out.println("  note: " + caveat);
      }
    }
    out.flush();
    return Godwit.EXIT_DONE;
  }

  /** How many rows a preview would change and how many it shows: {@code 13 rows would change (first 10 shown)}. */
  static String preview(RunResult result) {
    long count = result.rowsWouldChange();
    int shown = result.changes().size();
    if (count == 0) {
      return result.caveats().isEmpty() ? "no row would change"
          : "no row changes in this preview, which cannot show everything (see the notes)";
    }
    return count + (count == 1 ? " row" : " rows") + " would change"
        + (shown == count ? " (all shown)" : " (first " + shown + " shown)");
  }

  /** Why a migration was not run, and how to run it. */
  private static String skipped(Migration<?> migration, RunResult.Skip why) {
    String name = migration.name();
    return switch (why) {
      case DONE -> name + ": already SUCCEEDED, skipped (--reset runs it again from the first row)";
      case DESTROYS_DATA -> name + ": skipped, it destroys data (" + migration.phase().label()
          + " phase); once no code needs what it destroys, run it by name ('godwit run " + name
          + "') or add --include-destructive";
    };
  }

  /** The columns a change writes, as {@code plan NULL -> 'PRO'}. */
  static String difference(RowChange change) {
    if (change.after() == null) {
      return "deleted";
    }
    Set<String> columns = new LinkedHashSet<>(change.before().keySet());
    columns.addAll(change.after().keySet());
    List<String> changed = new ArrayList<>();
    for (String column : columns) {
      String before = change.before().get(column);
      String after = change.after().get(column);
      if (!Objects.equals(before, after)) {
        changed.add(column + " " + Formats.value(before) + " -> " + Formats.value(after));
      }
    }
    return changed.isEmpty() ? "written, no column differs" : String.join(", ", changed);
  }

  static String summary(MigrationStatus status) {
    String counts = Formats.progress(status) + " rows visited, " + status.rowsChanged() + " changed";
    return switch (status.state()) {
      case SUCCEEDED -> status.name() + ": SUCCEEDED, " + counts;
      case FAILED -> status.name() + ": " + failure(status) + "; fix the cause and run it again to "
          + "continue after the last committed batch";
      case CANCELED, PAUSED -> status.name() + ": " + status.state() + " after " + counts
          + (status.error() != null ? ", " + status.error()
              : "; run it again to continue where it stopped");
      case RUNNING -> status.name() + ": every range is done after " + counts
          + "; another process verifies it ('godwit status' follows it)";
      default -> status.name() + ": stopped in state " + status.state() + ", " + counts;
    };
  }

  static String failure(MigrationStatus status) {
    return "FAILED" + (status.errorRowId() != null ? " at row " + status.errorRowId() : "") + ": "
        + (status.error() != null ? status.error() : "no error was recorded");
  }

  private static int exitCode(MigrationState state) {
    // RUNNING: this process's workers are done, another process finishes the migration
    return state == MigrationState.CANCELED || state == MigrationState.PAUSED
        || state == MigrationState.RUNNING
        ? Godwit.EXIT_STOPPED
        : Godwit.EXIT_FAILED;
  }
}
