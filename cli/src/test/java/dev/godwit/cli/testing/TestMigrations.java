package dev.godwit.cli.testing;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.Table;
import java.util.List;

/**
 * The migrations the command line finds in its tests, published through
 * {@code META-INF/services/dev.godwit.runtime.MigrationProvider} as generated code publishes its own.
 */
public final class TestMigrations implements MigrationProvider {

  /** A team; {@code plan} is the widened field, {@code is_pro} the old format. */
  public record Team(long id, String name, Boolean isPro, String plan) {}

  /** A row that {@code slow.touch} marks, one per batch. */
  public record Item(long id, Boolean touched) {}

  /** The columns of {@code teams}. */
  public static final Column<Team, Long> TEAM_ID = Column.of("id", ColumnType.LONG);
  public static final Column<Team, String> TEAM_NAME = Column.of("name", ColumnType.STRING);
  public static final Column<Team, Boolean> IS_PRO = Column.of("is_pro", ColumnType.BOOLEAN);
  public static final Column<Team, String> PLAN = Column.of("plan", ColumnType.STRING);

  /** {@code teams}, written by hand as the processor would generate it. */
  public static final Table<Team> TEAMS = Table.of("teams", TEAM_ID,
      List.of(TEAM_ID, TEAM_NAME, IS_PRO, PLAN),
      row -> new Team(row.get(TEAM_ID), row.get(TEAM_NAME), row.get(IS_PRO), row.get(PLAN)),
      team -> new Patch<Team>().set(TEAM_ID, team.id()).set(TEAM_NAME, team.name())
          .set(IS_PRO, team.isPro()).set(PLAN, team.plan()));

  /** The columns of {@code slow_items}. */
  public static final Column<Item, Long> ITEM_ID = Column.of("id", ColumnType.LONG);
  public static final Column<Item, Boolean> TOUCHED = Column.of("touched", ColumnType.BOOLEAN);

  /** {@code slow_items}. */
  public static final Table<Item> ITEMS = Table.of("slow_items", ITEM_ID, List.of(ITEM_ID, TOUCHED),
      row -> new Item(row.get(ITEM_ID), row.get(TOUCHED)),
      item -> new Patch<Item>().set(ITEM_ID, item.id()).set(TOUCHED, item.touched()));

  /** Fails on a team named {@code boom}, to show how a failed row is reported. */
  public static final Migration<Team> BACKFILL_PLAN = Migration.on(TEAMS, "teams.backfillPlan")
      .range(PLAN.isNull())
      .verifiedBy(PLAN.isNull())
      .migrateOne((context, team) -> {
        if ("boom".equals(team.name())) {
          throw new IllegalStateException("cannot compute a plan for team 'boom'");
        }
        return Patch.of(TEAMS).set(PLAN, Boolean.TRUE.equals(team.isPro()) ? "PRO" : "FREE");
      });

  /**
   * Runs inside the database and has no verification; like a generated clear, it is in the contract
   * phase, so destroys data, and visits only rows whose plan is filled.
   */
  public static final Migration<Team> CLEAR_IS_PRO = Migration.on(TEAMS, "teams.clearIsPro")
      .phase(Phase.CONTRACT)
      .range(IS_PRO.isNotNull().and(PLAN.isNotNull()))
      .migrateInDatabase(IS_PRO.setTo(null));

  /** One row per batch, so that a run lasts while a test watches or cancels it. */
  public static final Migration<Item> SLOW_TOUCH = Migration.on(ITEMS, "slow.touch")
      .batchSize(1)
      .range(TOUCHED.isNull())
      .verifiedBy(TOUCHED.isNull())
      .migrateOne((context, item) -> Patch.of(ITEMS).set(TOUCHED, true));

  /** The three migrations, in the order they must run. */
  @Override
  public List<Migration<?>> migrations() {
    return List.of(BACKFILL_PLAN, CLEAR_IS_PRO, SLOW_TOUCH);
  }
}
