package com.example;

import javax.annotation.processing.Generated;

/**
 * Reads the widened fields of {@link Team} whether or not a row has been migrated yet: the new
 * value when the row has it, otherwise the value its backfill would give it. Read through
 * these until the backfills are verified.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class TeamDualRead {
  private TeamDualRead() {
  }

  /**
   * The {@code title} of a row: its own value, or a copy of {@code name} when it has none.
   *
   * @param team the row
   * @return the value, as it is or will be after the backfill
   */
  public static String title(Team team) {
    String title = team.getTitle();
    return title != null ? title : team.getName();
  }

  /**
   * The {@code plan} of a row: its own value, or {@code Team.planOf} when it has none.
   *
   * @param team the row
   * @return the value, as it is or will be after the backfill
   */
  public static Plan plan(Team team) {
    Plan plan = team.getPlan();
    return plan != null ? plan : Team.planOf(team);
  }

  /**
   * The {@code seats} of a row: its own value, or the constant {@code 5} when it has none.
   *
   * @param team the row
   * @return the value, as it is or will be after the backfill
   */
  public static Integer seats(Team team) {
    Integer seats = team.getSeats();
    return seats != null ? seats : 5;
  }
}
