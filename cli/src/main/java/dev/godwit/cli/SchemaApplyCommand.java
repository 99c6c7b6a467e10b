package dev.godwit.cli;

import dev.godwit.runtime.ApplyOptions;
import dev.godwit.runtime.ApplyResult;
import dev.godwit.runtime.Phase;
import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code godwit schema apply --phase P}: applies one phase's schema steps through {@link
 * dev.godwit.runtime.Migrator#apply}, each guard checked now, each statement under a short lock
 * timeout and retried; a refused guard or a lock never obtained is one sentence and exit 1.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Apply one phase's schema steps: plan again from the catalog, check every guard now "
            + "(narrow only once each backfill is SUCCEEDED and verified with no row left; contract "
            + "only once narrow is applied), then run each statement in its own transaction under "
            + "a short lock timeout, retrying with backoff while another transaction holds the lock.",
        "Applied steps are recorded in godwit_schema_history; applying a phase again does nothing."})
final class SchemaApplyCommand extends DatabaseCommand {

  @Option(
      names = "--phase",
      paramLabel = "PHASE",
      required = true,
      converter = PhaseConverter.class,
      description = "The phase to apply: expand, narrow or contract.")
  private Phase phase;

  @Option(
      names = "--dry-run",
      description = "Plan and check the guards, print the steps that would run, and run nothing.")
  private boolean dryRun;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long one try of a statement waits for a lock (500ms, 2s, ...); default 2s.")
  private Duration lockTimeout;

  @Option(
      names = "--max-tries",
      paramLabel = "N",
      description = "How many times a statement is tried in all while its lock wait times out; "
          + "default " + ApplyOptions.DEFAULT_MAX_TRIES + ".")
  private Integer maxTries;

  SchemaApplyCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    ApplyOptions options = options();
    var schemas = migrations.schemas();
    try (Database database = connect()) {
      ApplyResult result = database.migrator().apply(schemas, phase, options);
      PrintStream out = context.out();
      if (result.isEmpty()) {
        out.println(phase.label() + ": nothing to apply, the database already matches the code");
      } else if (result.dryRun()) {
        out.println(phase.label() + ", dry run: " + StepText.steps(result.steps().size())
            + " would run, every guard holding now; nothing was changed");
        for (ApplyResult.StepResult step : result.steps()) {
          StepText.print(out, step.step());
        }
      } else {
        out.println(phase.label() + ": applied " + StepText.steps(result.steps().size()));
        for (ApplyResult.StepResult step : result.steps()) {
          out.println("  " + step.step().description().strip() + " (" + step.tries()
              + (step.tries() == 1 ? " try)" : " tries)"));
        }
      }
      out.flush();
      return Godwit.EXIT_DONE;
    }
  }

  private ApplyOptions options() {
    ApplyOptions.Builder builder = ApplyOptions.builder().dryRun(dryRun);
    if (lockTimeout != null) {
      if (lockTimeout.toMillis() < 1) {
        throw CommandException.usage("--lock-timeout must be at least 1ms, such as 500ms or 2s");
      }
      builder.lockTimeout(lockTimeout);
    }
    if (maxTries != null) {
      if (maxTries < 1) {
        throw CommandException.usage("--max-tries must be at least 1, not " + maxTries);
      }
      builder.maxTries(maxTries);
    }
    return builder.build();
  }
}
