package com.example;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.TableSchema;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The online migrations of the {@code teams} table of {@link Team}. Run them in the order of
 * {@link #all()}; each is done only when its verification in {@link TeamVerification} finds no row
 * left.
 *
 * <p>Every migration here is a backfill, in the migrate phase.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
@SuppressWarnings({"deprecation", "removal"})
public final class TeamMigrations implements MigrationProvider {
  /**
   * For {@code ServiceLoader}; the migrations themselves are static methods.
   */
  public TeamMigrations() {
  }

  /**
   * Fills {@code title} with a copy of {@code name},
   * on the rows where {@code title} is NULL but {@code name} is not.
   *
   * @return the migration {@code teams.backfillTitle}
   */
  public static Migration<Team> backfillTitle() {
    return Migration.on(TeamTable.TABLE, "teams.backfillTitle")
        .range(TeamTable.TITLE.isNull().and(TeamTable.NAME.isNotNull()))
        .verifiedBy(TeamVerification.backfillTitle())
        .migrateInDatabase(TeamTable.TITLE.copyOf(TeamTable.NAME));
  }

  /**
   * Fills {@code plan} with {@code Team.planOf},
   * on the rows where {@code plan} is NULL.
   *
   * @return the migration {@code teams.backfillPlan}
   */
  public static Migration<Team> backfillPlan() {
    return Migration.on(TeamTable.TABLE, "teams.backfillPlan")
        .range(TeamTable.PLAN.isNull())
        .verifiedBy(TeamVerification.backfillPlan())
        .migrateOne((context, team) ->
            TeamTable.patch().plan(Objects.requireNonNull(Team.planOf(team),
            "Team.planOf returned null, so this row would keep no plan")));
  }

  /**
   * Fills {@code seats} with the constant {@code 5},
   * on the rows where {@code seats} is NULL.
   *
   * @return the migration {@code teams.backfillSeats}
   */
  public static Migration<Team> backfillSeats() {
    return Migration.on(TeamTable.TABLE, "teams.backfillSeats")
        .batchSize(500)
        .range(TeamTable.SEATS.isNull())
        .verifiedBy(TeamVerification.backfillSeats())
        .migrateInDatabase(TeamTable.SEATS.setTo(5));
  }

  /**
   * Every migration of the table, in the order they must run: a clear runs after every
   * backfill that reads the field it clears.
   *
   * <p>In order, with each one's phase:
   * {@link #backfillTitle()} (migrate),
   * {@link #backfillPlan()} (migrate),
   * {@link #backfillSeats()} (migrate).
   *
   * @return the migrations
   */
  public static List<Migration<Team>> all() {
    return List.of(backfillTitle(), backfillPlan(), backfillSeats());
  }

  @Override
  public List<Migration<?>> migrations() {
    return List.copyOf(all());
  }

  @Override
  public List<TableSchema<?>> schemas() {
    return List.of(TeamTable.SCHEMA);
  }
}
