package dev.godwit.cli;

import dev.godwit.runtime.SchemaCheckException;
import dev.godwit.runtime.SchemaMismatchException;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/**
 * {@code godwit check}: whether the code and the database agree, as a deploy pipeline asks before
 * serving the code. Exit 0 when they do; 1 listing every problem, each with its fix.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Check that the database is what the code expects (each XTable.SCHEMA found on "
        + "the class path): every table and column exists with a faithful type and a unique key, "
        + "no required column holds NULL, no expand step is pending, and no narrow step is pending "
        + "where the code already declares removed columns. Exits with 1 listing every problem "
        + "with its fix.")
final class CheckCommand extends DatabaseCommand {

  CheckCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    var schemas = migrations.schemas();
    try (Database database = connect()) {
      PrintStream out = context.out();
      try {
        database.migrator().check(schemas);
      } catch (SchemaCheckException e) {
        out.println("the code and the database disagree: " + e.problems().size()
            + (e.problems().size() == 1 ? " problem" : " problems"));
        for (SchemaMismatchException.Problem problem : e.problems()) {
          out.println("  " + problem.message());
        }
        out.flush();
        return Godwit.EXIT_FAILED;
      }
      out.println("the database matches the code: " + schemas.size()
          + (schemas.size() == 1 ? " table" : " tables") + " checked");
      out.flush();
      return Godwit.EXIT_DONE;
    }
  }
}
