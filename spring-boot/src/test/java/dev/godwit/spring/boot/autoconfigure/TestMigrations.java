package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.Verification;
import java.util.List;

/**
 * The migrations and schema the auto-configuration finds in its tests, published through
 * {@code META-INF/services/dev.godwit.runtime.MigrationProvider} as generated code publishes its own.
 */
public final class TestMigrations implements MigrationProvider {

  /** A team; {@code plan} is the widened field, {@code is_pro} the old format. */
  public record Team(long id, String name, Boolean isPro, String plan) {}

  static final Column<Team, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Team, String> NAME = Column.of("name", ColumnType.STRING);
  static final Column<Team, Boolean> IS_PRO = Column.of("is_pro", ColumnType.BOOLEAN);
  static final Column<Team, String> PLAN = Column.of("plan", ColumnType.STRING);

  static final Table<Team> TEAMS = Table.of("teams", ID, List.of(ID, NAME, IS_PRO, PLAN),
      row -> new Team(row.get(ID), row.get(NAME), row.get(IS_PRO), row.get(PLAN)),
      team -> new Patch<Team>().set(ID, team.id()).set(NAME, team.name())
          .set(IS_PRO, team.isPro()).set(PLAN, team.plan()));

  static final Verification<Team> PLAN_FILLED =
      Verification.of(TEAMS, "teams.backfillPlan", PLAN.isNull());

  static final Migration<Team> BACKFILL_PLAN = Migration.on(TEAMS, "teams.backfillPlan")
      .batchSize(2)
      .range(PLAN.isNull())
      .verifiedBy(PLAN_FILLED)
      .migrateOne((context, team) ->
          Patch.of(TEAMS).set(PLAN, Boolean.TRUE.equals(team.isPro()) ? "PRO" : "BASIC"));

  /** Destroys data: never run by the application. */
  static final Migration<Team> CLEAR_IS_PRO = Migration.on(TEAMS, "teams.clearIsPro")
      .range(IS_PRO.isNotNull().and(PLAN.isNotNull()))
      .destroysData()
      .migrateInDatabase(IS_PRO.setTo(null));

  static final TableSchema<Team> SCHEMA = TableSchema.of(TEAMS)
      .required(ID).optional(NAME).deprecated(IS_PRO).widened(PLAN, PLAN_FILLED).build();

  @Override
  public List<Migration<?>> migrations() {
    return List.of(BACKFILL_PLAN, CLEAR_IS_PRO);
  }

  @Override
  public List<TableSchema<?>> schemas() {
    return List.of(SCHEMA);
  }
}
