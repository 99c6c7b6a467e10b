package dev.godwit.cli;

import dev.godwit.runtime.Phase;
import dev.godwit.runtime.SchemaPlan;
import dev.godwit.runtime.SchemaStep;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code godwit schema plan}: the schema steps pending, per phase, as SQL for the database, with each
 * step's guards. Changes nothing.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Print the schema steps that bring the database to what the code expects, phase "
        + "by phase, as SQL for this database, each with the guards that gate it. Reads the "
        + "catalog; changes nothing.")
final class SchemaPlanCommand extends DatabaseCommand {

  @Option(
      names = "--phase",
      paramLabel = "PHASE",
      converter = PhaseConverter.class,
      description = "Only the steps of this phase: expand, narrow or contract.")
  private Phase phase;

  SchemaPlanCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    var schemas = migrations.schemas();
    try (Database database = connect()) {
      SchemaPlan plan = database.migrator().plan(schemas);
      PrintStream out = context.out();
      List<Phase> phases = phase != null ? List.of(phase)
          : List.of(Phase.EXPAND, Phase.NARROW, Phase.CONTRACT);
      if (plan.isEmpty()) {
        out.println("-- the database matches the code: no schema step is pending");
        return Godwit.EXIT_DONE;
      }
      out.println("-- schema plan for " + plan.database() + ", " + schemas.size()
          + (schemas.size() == 1 ? " table" : " tables") + " checked");
      for (Phase each : phases) {
        List<SchemaStep> steps = plan.steps(each);
        out.println();
        out.println("-- " + each.label() + ": " + (steps.isEmpty() ? "no step pending"
            : StepText.steps(steps.size()) + " ('godwit schema apply --phase " + each.label()
                + "')"));
        for (SchemaStep step : steps) {
          StepText.print(out, step);
        }
      }
      out.flush();
      return Godwit.EXIT_DONE;
    }
  }
}
