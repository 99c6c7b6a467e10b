package dev.godwit.benchmarks;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/**
 * The benchmark's entity, compiled by the processor as a user's would be: {@code is_pro} is the old
 * format, {@code plan} its replacement computed by a Java method, and {@code seats} a new required
 * field with a constant default. The concurrent writer increments {@code visits}.
 *
 * @param id the primary key, the order of every migration
 * @param name a label, so rows have a realistic width
 * @param isPro the old format of {@code plan}
 * @param visits what the concurrent writer updates
 * @param plan the new format, backfilled by {@link #planOf}
 * @param seats a new field, backfilled with 5
 */
@MigratedTable("teams")
public record Team(
    @Id long id,
    String name,
    @Deprecated Boolean isPro,
    Integer visits,
    @Widened @Backfill(method = "planOf") Plan plan,
    @Widened @Backfill(value = "5") Integer seats) {

  /** The seats the constant backfill gives a team. */
  public static final int DEFAULT_SEATS = 5;

  /**
   * The plan of a team that predates {@code plan}.
   *
   * @param team a row in the old format
   * @return {@link Plan#PRO} if it was a pro team, {@link Plan#FREE} otherwise
   */
  public static Plan planOf(Team team) {
    return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.FREE;
  }
}
