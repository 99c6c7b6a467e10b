package dev.godwit.example.model;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/**
 * A team, halfway through replacing the boolean {@code isPro} with the enum {@code plan}: the widen
 * deploy. Old rows have only {@code is_pro}; this version writes both and reads {@code plan} through
 * {@code TeamDualRead.plan(team)}. Once {@code teams.backfillPlan} is verified, the next deploy makes
 * {@code plan} required (it keeps its {@code @Backfill} and drops {@code @Widened}); only then is
 * {@code teams.clearIsPro} generated, in the contract phase, and a later deploy removes {@code isPro}.
 *
 * @param id the primary key
 * @param name the team's name
 * @param isPro the old format: whether the team pays
 * @param plan the new format: which plan the team is on
 */
@MigratedTable("teams")
public record Team(
    @Id long id,
    String name,
    @Deprecated(forRemoval = true) Boolean isPro,
    @Widened @Backfill(method = "planOf", batchSize = 500) Plan plan) {

  /**
   * The plan an old row means: the backfill and the dual-read accessor both call this.
   *
   * @param team a team in the old format
   * @return {@code PRO} for a pro team, {@code BASIC} otherwise
   */
  public static Plan planOf(Team team) {
    return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.BASIC;
  }
}
