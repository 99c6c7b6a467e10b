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
 * publishes them, skipping those already done and stopping at the first that does not succeed.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Run migrations online, batch after batch, resuming each where it stopped.",
        "They run in the order the application publishes them, whatever the order of the names; "
            + "a migration already SUCCEEDED is skipped, and the first that does not succeed stops "
            + "the series. Ctrl-C pauses the running migration after its current batch."})
final class RunCommand extends DatabaseCommand {

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "The migrations to run.")
  private List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Run every migration found on the class path.")
  private boolean all;

  @Option(
      names = "--dry-run",
      description = "Run only the first batch of each, print the rows it would change (before and "
          + "after), and roll everything back, the migration's state included.")
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
    // Closed after the database, so that an interrupt waits for the database to close too.
    try (ShutdownPause interrupt = new ShutdownPause(); Database database = connect()) {
      return runInOrder(database.migrator(), selected, options, interrupt);
    }
  }

  private List<Migration<?>> select(Migrations migrations) {
    if (all && !names.isEmpty()) {
      throw CommandException.usage("give either migration names or --all, not both");
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
    RunOptions options = RunOptions.defaults().withDryRun(dryRun);
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
    return options;
  }

  private int runInOrder(
      Migrator migrator, List<Migration<?>> selected, RunOptions options, ShutdownPause interrupt) {
    PrintStream out = context.out();
    for (Migration<?> migration : selected) {
      Optional<MigrationStatus> before = migrator.status(migration.name());
      if (!reset && before.map(status -> status.state().isDone()).orElse(false)) {
        out.println(migration.name() + ": already SUCCEEDED, skipped (--reset runs it again from the "
            + "first row)");
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
    for (Migration<?> migration : selected) {
      RunResult result = migrator.run(migration, options);
      MigrationStatus status = result.status();
      if (status.state() == MigrationState.FAILED) {
        out.println(migration.name() + ": dry run " + failure(status));
        return Godwit.EXIT_FAILED;
      }
      List<RowChange> changes = result.changes();
      out.println(migration.name() + ": dry run of the first batch, rolled back: "
          + (changes.isEmpty() ? "no row would change" : changes.size() + " rows would change"));
      for (RowChange change : changes) {
        out.println("  row " + change.id() + ": " + difference(change));
      }
    }
    out.flush();
    return Godwit.EXIT_DONE;
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
          + "; run it again to continue where it stopped";
      default -> status.name() + ": stopped in state " + status.state() + ", " + counts;
    };
  }

  static String failure(MigrationStatus status) {
    return "FAILED" + (status.errorRowId() != null ? " at row " + status.errorRowId() : "") + ": "
        + (status.error() != null ? status.error() : "no error was recorded");
  }

  private static int exitCode(MigrationState state) {
    return state == MigrationState.CANCELED || state == MigrationState.PAUSED
        ? Godwit.EXIT_STOPPED
        : Godwit.EXIT_FAILED;
  }
}
