package dev.godwit.cli;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code godwit verify}: runs the verification of each migration that has one, proving no row is
 * left in the old format.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Count the rows each migration's verification still finds in the old format, with "
        + "a sample of their ids. Without names, verifies every migration that has a verification, "
        + "except one that destroys data and has never run (it runs only when named). "
        + "Exits with 1 if any row is left.")
final class VerifyCommand extends DatabaseCommand {

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "The migrations to verify.")
  private List<String> names = new ArrayList<>();

  VerifyCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    if (names.isEmpty() && migrations.publishesOnlySchemas()) {
      context.out().println(migrations.onlySchemasMessage());
      return Godwit.EXIT_DONE;
    }
    List<Migration<?>> selected = select(migrations);
    try (Database database = connect()) {
      Migrator migrator = database.migrator();
      TextTable table = new TextTable("MIGRATION", "RESULT", "REMAINING", "SAMPLE IDS");
      boolean rowsLeft = false;
      for (Migration<?> migration : selected) {
        if (names.isEmpty() && !RunOptions.defaults().runsInSeries(migration)
            && migrator.status(migration.name()).isEmpty()) {
          // a migration that destroys data runs only on request: not run is not rows left
          table.row(migration.name(), "not run (destroys data; runs only when named)", "", "");
          continue;
        }
        VerificationResult result = migrator.verify(migration.verification().orElseThrow());
        rowsLeft |= !result.complete();
        table.row(
            migration.name(),
            result.complete() ? "complete" : "ROWS LEFT",
            result.remaining(),
            result.sampleIds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
      }
      table.print(context.out());
      return rowsLeft ? Godwit.EXIT_FAILED : Godwit.EXIT_DONE;
    }
  }

  private List<Migration<?>> select(Migrations migrations) {
    if (names.isEmpty()) {
      List<Migration<?>> verified = migrations.all().stream()
          .filter(migration -> migration.verification().isPresent())
          .collect(Collectors.toList());
      if (verified.isEmpty()) {
        throw CommandException.usage(migrations.all().isEmpty()
            ? "no migration was found; " + Migrations.CLASS_PATH_HINT
            : "no migration found has a verification, so there is nothing to verify");
      }
      return verified;
    }
    List<Migration<?>> named = migrations.named(names);
    for (Migration<?> migration : named) {
      if (migration.verification().isEmpty()) {
        throw CommandException.usage("migration '" + migration.name() + "' has no verification; "
            + "'godwit list' shows which migrations have one");
      }
    }
    return named;
  }
}
