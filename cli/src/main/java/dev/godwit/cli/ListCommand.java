package dev.godwit.cli;

import dev.godwit.runtime.Migration;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code godwit list}: every migration found on the class path, with its table, its lifecycle phase,
 * whether it destroys data, and its verification. Finding none is bad usage, as for {@code run --all}
 * and {@code verify}: the application's jar is missing from the class path.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "List every migration found on the class path, in the order they run, with its "
        + "table, its phase (migrate or contract), whether it destroys data (run --all skips those "
        + "unless --include-destructive), its batch size and whether a verification proves it done. "
        + "Needs no database; exits with 2 when no migration is found.")
final class ListCommand extends GodwitCommand {

  ListCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    List<Migration<?>> all = migrations.all();
    if (all.isEmpty()) {
      if (migrations.publishesOnlySchemas()) {
        context.out().println(migrations.onlySchemasMessage());
        return Godwit.EXIT_DONE;
      }
      throw CommandException.usage("no migration was found; " + Migrations.CLASS_PATH_HINT);
    }
    TextTable table = new TextTable(
        "MIGRATION", "TABLE", "PHASE", "DESTROYS DATA", "BATCH", "VERIFIED BY", "RUNS IN");
    for (Migration<?> migration : all) {
      table.row(
          migration.name(),
          migration.table().name(),
          migration.phase().label(),
          migration.destroysData() ? "yes" : "no",
          migration.batchSize(),
          migration.verification().map(verification -> "yes").orElse("no"),
          migration.inDatabase() ? "database" : "java");
    }
    table.print(context.out());
    return Godwit.EXIT_DONE;
  }
}
