package dev.godwit.cli;

import dev.godwit.runtime.Migration;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code godwit list}: every migration found on the class path, with its table and verification. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "List every migration found on the class path, in the order they run, with its "
        + "table, batch size and whether a verification proves it done. Needs no database.")
final class ListCommand extends GodwitCommand {

  ListCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    List<Migration<?>> all = migrations.all();
    if (all.isEmpty()) {
      context.out().println("no migration was found; " + Migrations.CLASS_PATH_HINT);
      return Godwit.EXIT_DONE;
    }
    TextTable table = new TextTable("MIGRATION", "TABLE", "BATCH", "VERIFIED BY", "RUNS IN");
    for (Migration<?> migration : all) {
      table.row(
          migration.name(),
          migration.table().name(),
          migration.batchSize(),
          migration.verification().map(verification -> "yes").orElse("no"),
          migration.inDatabase() ? "database" : "java");
    }
    table.print(context.out());
    return Godwit.EXIT_DONE;
  }
}
