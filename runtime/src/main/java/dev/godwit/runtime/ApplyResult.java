package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Migrator#apply(java.util.List, Phase, ApplyOptions)} did: the phase's steps, in the order
 * they ran (or, in a dry run, would run), each with how many tries its statements took.
 *
 * @param phase the phase applied
 * @param dryRun whether no statement ran
 * @param steps every step of the phase, in order, with its tries; empty when the phase had nothing
 *     left to do (applying it again is a no-op)
 */
public record ApplyResult(Phase phase, boolean dryRun, List<StepResult> steps) {

  /** Checks and copies. */
  public ApplyResult {
    Objects.requireNonNull(phase, "phase");
    steps = List.copyOf(steps);
  }

  /**
   * The steps applied.
   *
   * @return the steps whose statements all ran and committed; empty in a dry run
   */
  public List<SchemaStep> applied() {
    return dryRun ? List.of() : steps.stream().map(StepResult::step).toList();
  }

  /**
   * The steps a dry run found to apply, their guards holding.
   *
   * @return the steps that would run; empty when this was not a dry run
   */
  public List<SchemaStep> wouldRun() {
    return dryRun ? steps.stream().map(StepResult::step).toList() : List.of();
  }

  /**
   * Whether the phase had nothing to do.
   *
   * @return {@code true} if the catalog already matched the code for this phase
   */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * One step and how it went.
   *
   * @param step the step
   * @param tries how many tries its statements took in all: one per statement when no lock wait
   *     timed out, more for each retry; zero in a dry run
   */
  public record StepResult(SchemaStep step, int tries) {

    /** Checks the values. */
    public StepResult {
      Objects.requireNonNull(step, "step");
      if (tries < 0) {
        throw new IllegalArgumentException("tries cannot be negative, not " + tries);
      }
    }
  }
}
