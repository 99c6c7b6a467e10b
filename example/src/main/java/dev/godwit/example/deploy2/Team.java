package dev.godwit.example.deploy2;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.example.model.Plan;

/**
 * Deploy 2 of a team: {@code plan} is narrowed (it keeps its {@code @Backfill} and no longer is
 * {@code @Widened}), so the narrow phase sets it {@code NOT NULL} once {@code teams.backfillPlan} finds
 * no row left; {@code isPro} is still mapped, retiring: this code no longer writes it, and its clear, {@code
 * teams.clearIsPro}, is generated in the contract phase, guarded by {@code plan} being set.
 *
 * <p>Compiled beside deploy 1's {@link dev.godwit.example.model.Team} and left out of the service file
 * by the processor option {@code godwit.unpublished}: it shares deploy 1's table and its migration
 * {@code teams.backfillPlan}, whose state row is the same across both deploys.
 *
 * @param id the primary key
 * @param name the team's name
 * @param isPro the old format, no longer written
 * @param plan which plan the team is on, required once narrowed
 */
@MigratedTable("teams")
public record Team(
    @Id long id,
    String name,
    @Deprecated(forRemoval = true) Boolean isPro,
    @Backfill(method = "planOf", batchSize = 500) Plan plan) {

  /**
   * The plan an old row means, as in deploy 1.
   *
   * @param team a team in the old format
   * @return {@code PRO} for a pro team, {@code BASIC} otherwise
   */
  @SuppressWarnings("removal")
  public static Plan planOf(Team team) {
    return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.BASIC;
  }
}
