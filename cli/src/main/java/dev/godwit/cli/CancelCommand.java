package dev.godwit.cli;

import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code godwit cancel NAME}: asks a migration running anywhere, in this process or another, to stop
 * after its current batch with state {@code CANCELED}.
 */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Ask a running migration to stop after its current batch, whichever process runs it; it "
            + "ends CANCELED and its runner exits with 3.",
        "Running it again continues where it stopped."})
final class CancelCommand extends DatabaseCommand {

  @Parameters(paramLabel = "NAME", arity = "1", description = "The migration to cancel.")
  private String name;

  CancelCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    try (Database database = connect()) {
      Migrator migrator = database.migrator();
      // A migration recorded by another application may be canceled without that application's jar.
      Optional<MigrationStatus> recorded = migrator.status(name);
      if (migrations.find(name).isEmpty() && recorded.isEmpty()) {
        throw migrations.unknown(name);
      }
      if (migrator.cancel(name)) {
        context.out().println(name + ": cancel requested; its runner stops after the current batch");
        return Godwit.EXIT_DONE;
      }
      String state = migrator.status(name).map(status -> "it is " + status.state())
          .orElse("it never ran here");
      throw CommandException.failure(
          "migration '" + name + "' is not running (" + state + "), so there is nothing to cancel", null);
    }
  }
}
