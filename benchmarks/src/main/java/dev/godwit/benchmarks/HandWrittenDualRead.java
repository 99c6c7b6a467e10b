package dev.godwit.benchmarks;

/** The dual read of {@code plan} as an engineer would write it by hand, the baseline of the JMH benchmark. */
final class HandWrittenDualRead {

  private HandWrittenDualRead() {}

  /** The team's plan, or the one its backfill will give it. */
  static Plan plan(Team team) {
    Plan plan = team.plan();
    return plan != null ? plan : Team.planOf(team);
  }
}
