package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.Table;
import java.util.List;

/**
 * A step of a plan with what apply needs beyond the public {@link SchemaStep}: how each guard's
 * violation reads in a refusal, and what the refusal calls the step.
 *
 * @param step the step
 * @param table the table it changes
 * @param subject what the step changes, as a refusal names it: {@code teams.plan}
 * @param checks one per guard of the step, in the same order
 */
record PlannedStep(SchemaStep step, Table<?> table, String subject, List<GuardCheck> checks) {

  PlannedStep {
    checks = List.copyOf(checks);
  }

  /**
   * A guard, and how its violation reads.
   *
   * @param guard the guard
   * @param violation the reason of a refusal, from the number of violations the guard's SQL counts:
   *     "teams.backfillPlan has 1 row left (verification teams.backfillPlan)"
   * @param fix the fix of a refusal, a clause without its period: "run it, then apply narrow again"
   * @param readsState whether the guard's SQL reads the state table, which may not exist yet
   */
  record GuardCheck(SchemaStep.Guard guard, java.util.function.LongFunction<String> violation,
      String fix, boolean readsState) {}
}
