package dev.godwit.cli;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code godwit status}: every migration's state and progress, once or, with {@code --watch},
 * refreshed until none is running.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Show every migration's phase, state and progress: rows visited of the total, percent, "
            + "rate, time left, rows changed, and for a failed one its error and the failing row; "
            + "for a running one waiting on the database's health, why.",
        "Migrations found on the class path that never ran show as PENDING; migrations recorded in "
            + "the database but not found on the class path are shown too, with no phase. Exits "
            + "with 1 if one has FAILED."})
final class StatusCommand extends DatabaseCommand {

  /** Moves the cursor home and clears the screen, so each refresh replaces the last. */
  private static final String CLEAR_SCREEN = "\033[H\033[2J";

  @Option(
      names = "--watch",
      description = "Refresh until no migration is running (or Ctrl-C); a runner silent for "
          + "longer than a lease counts as stopped.")
  private boolean watch;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "How often --watch refreshes (250ms, 2s, ...); default: ${DEFAULT-VALUE}.")
  private Duration interval;

  StatusCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    if (interval.isZero()) {
      throw CommandException.usage("--interval must be longer than zero, such as 500ms or 2s");
    }
    try (Database database = connect()) {
      Migrator migrator = database.migrator();
      List<MigrationStatus> statuses = statuses(migrations, migrator);
      print(migrations, statuses, true);
      while (watch && statuses.stream().anyMatch(StatusCommand::runningAlive)) {
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        statuses = statuses(migrations, migrator);
        print(migrations, statuses, false);
      }
      return statuses.stream().anyMatch(status -> status.state() == MigrationState.FAILED)
          ? Godwit.EXIT_FAILED
          : Godwit.EXIT_DONE;
    }
  }

  /** The published migrations in their order, as recorded or as they would start, then the others. */
  private static List<MigrationStatus> statuses(Migrations migrations, Migrator migrator) {
    Map<String, MigrationStatus> recorded = new LinkedHashMap<>();
    for (MigrationStatus status : migrator.status()) {
      recorded.put(status.name(), status);
    }
    List<MigrationStatus> statuses = new ArrayList<>();
    for (Migration<?> migration : migrations.all()) {
      MigrationStatus status = recorded.remove(migration.name());
      statuses.add(status != null ? status : neverRun(migration));
    }
    statuses.addAll(recorded.values());
    return statuses;
  }

  /** Running, with a runner that proved alive within a lease. */
  private static boolean runningAlive(MigrationStatus status) {
    return status.state() == MigrationState.RUNNING && silence(status).isEmpty();
  }

  /**
   * How long a running migration's runner has been silent, if longer than a lease: it has most
   * likely died, and its migration waits for a new run to take it over.
   */
  private static Optional<Duration> silence(MigrationStatus status) {
    if (status.state() != MigrationState.RUNNING || status.heartbeatAt() == null) {
      return Optional.empty();
    }
    Duration silent = Duration.between(status.heartbeatAt(), Instant.now());
    return silent.compareTo(RunOptions.DEFAULT_LEASE) > 0 ? Optional.of(silent) : Optional.empty();
  }

  /** A migration's phase, marked when it destroys data, which {@code run --all} then skips. */
  private static String phase(Migration<?> migration) {
    return migration.phase().label() + (migration.destroysData() ? ", destroys data" : "");
  }

  private static MigrationStatus neverRun(Migration<?> migration) {
    return new MigrationStatus(migration.name(), migration.table().name(), MigrationState.PENDING,
        null, 0, 0, -1, migration.batchSize(), null, null, null, null, null);
  }

  private void print(Migrations migrations, List<MigrationStatus> statuses, boolean firstFrame) {
    PrintStream out = context.out();
    if (watch) {
      if (context.interactive()) {
        out.print(CLEAR_SCREEN);
      } else if (!firstFrame) {
        out.println();
      }
      out.println("every " + Formats.duration(interval) + " until no migration is running; Ctrl-C to stop");
    }
    if (statuses.isEmpty()) {
      out.println("no migration was found or recorded; " + Migrations.CLASS_PATH_HINT);
      out.flush();
      return;
    }
    TextTable table = new TextTable(
        "MIGRATION", "PHASE", "STATE", "VISITED/TOTAL", "PERCENT", "RATE", "ETA", "CHANGED");
    for (MigrationStatus status : statuses) {
      table.row(
          status.name(),
          migrations.find(status.name()).map(StatusCommand::phase).orElse(""),
          silence(status).isPresent() ? status.state() + ", stalled"
              : status.waiting() != null ? status.state() + ", waiting" : status.state(),
          Formats.progress(status),
          Formats.percent(status),
          Formats.rate(status),
          silence(status).isPresent() ? "" : Formats.eta(status),
          status.rowsChanged());
    }
    table.print(out);
    for (MigrationStatus status : statuses) {
      if (status.state() == MigrationState.FAILED) {
        out.println(status.name() + " " + RunCommand.failure(status));
      }
      if (status.state() == MigrationState.PAUSED && status.error() != null) {
        out.println(status.name() + " " + status.error());
      }
      if (status.waiting() != null && runningAlive(status)) {
        out.println(status.name() + " waits before its next batch: " + status.waiting());
      }
      silence(status).ifPresent(silent -> out.println(status.name() + " has had no heartbeat for "
          + Formats.duration(silent) + ": its runner seems to have died; 'godwit run " + status.name()
          + "' takes it over"));
    }
    out.flush();
  }
}
