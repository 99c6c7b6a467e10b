package com.example;

import dev.godwit.runtime.Verification;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The verifications of the migrations of {@link Team}: which rows of {@code teams} are still in the
 * old format. Run one with {@code Migrator.verify}; a migration records success only once its
 * verification finds no row left.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class TeamVerification {
  private TeamVerification() {
  }

  /**
   * The rows {@code teams.backfillTitle} has still to change:
   * rows where {@code title} is NULL but {@code name} is not.
   *
   * @return the verification
   */
  public static Verification<Team> backfillTitle() {
    return Verification.of(TeamTable.TABLE, "teams.backfillTitle",
        TeamTable.TITLE.isNull().and(TeamTable.NAME.isNotNull()));
  }

  /**
   * The rows {@code teams.backfillPlan} has still to change:
   * rows where {@code plan} is NULL.
   *
   * @return the verification
   */
  public static Verification<Team> backfillPlan() {
    return Verification.of(TeamTable.TABLE, "teams.backfillPlan", TeamTable.PLAN.isNull());
  }

  /**
   * The rows {@code teams.backfillSeats} has still to change:
   * rows where {@code seats} is NULL.
   *
   * @return the verification
   */
  public static Verification<Team> backfillSeats() {
    return Verification.of(TeamTable.TABLE, "teams.backfillSeats", TeamTable.SEATS.isNull());
  }

  /**
   * Every verification above, in the order their migrations run.
   *
   * @return the verifications
   */
  public static List<Verification<Team>> all() {
    return List.of(backfillTitle(), backfillPlan(), backfillSeats());
  }
}
