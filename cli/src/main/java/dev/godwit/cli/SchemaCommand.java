package dev.godwit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code godwit schema}, which only dispatches to {@code plan}, {@code apply} and {@code export}: the
 * schema steps that bring the database to what the application's code expects, per phase.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
        "Plan, apply or export the schema steps that bring the database to what the application's "
            + "code expects (each XTable.SCHEMA found on the class path), phase by phase:",
        "  expand    CREATE TABLE, ADD COLUMN (nullable), DROP NOT NULL on what the new code "
            + "stops writing",
        "  narrow    SET NOT NULL on what the code requires, once its backfill is verified",
        "  contract  DROP COLUMN of what the code declared removed, once narrow is applied"})
final class SchemaCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Godwit.EXIT_USAGE;
  }
}
