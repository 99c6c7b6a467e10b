package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deploy-1 scenario of the lifecycle: a table whose widened {@code plan} is backfilled from the
 * deprecated {@code is_pro}, and the clear of {@code is_pro} written the way generated clears are, in
 * the contract phase. A run of the series in the migrate phase must leave {@code is_pro} alone (the
 * running code and a rollback to the old code still read it), and its dry run must not hide what the
 * clear will destroy.
 */
class PhaseAwareRunTest {

  private static final int TEAMS = 25;

  private static Migration<Team> backfillPlan(int batchSize) {
    return Migration.on(Team.TABLE, "teams.backfillPlan").batchSize(batchSize)
        .range(Team.PLAN.isNull())
        .verifiedBy(Team.PLAN.isNull())
        .migrateOne((context, team) ->
            Patch.of(Team.TABLE).set(Team.PLAN, Team.planOf(team.isPro())));
  }

  private static Migration<Team> clearIsPro() {
    return Migration.on(Team.TABLE, "teams.clearIsPro")
        .phase(Phase.CONTRACT)
        .range(Team.IS_PRO.isNotNull().and(Team.PLAN.isNotNull()))
        .verifiedBy(Team.IS_PRO.isNotNull())
        .migrateInDatabase(Team.IS_PRO.setTo(null));
  }

  /** Teams 1..25 in the old format: odd ones pro, every plan missing. */
  private static Db oldTeams(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(Team.TABLE);
    List<Team> teams = new ArrayList<>();
    for (long id = 1; id <= TEAMS; id++) {
      teams.add(new Team(id, "team " + id, id % 2 == 1, null));
    }
    db.insert(Team.TABLE, teams);
    return db;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runAllRunsTheBackfillAndSkipsTheClearSayingWhyAndHow(TestDatabase kind) {
    Db db = oldTeams(kind);

    List<RunResult> results = db.migrator().runAll(List.of(backfillPlan(10), clearIsPro()));

    assertEquals(2, results.size());
    assertTrue(results.get(0).succeeded());
    assertFalse(results.get(0).isSkipped());
    RunResult clear = results.get(1);
    assertEquals(RunResult.Skip.DESTROYS_DATA, clear.skipped());
    assertEquals(MigrationState.PENDING, clear.status().state());
    assertEquals("teams.clearIsPro", clear.status().name());
    assertTrue(clear.skipped().reason().contains("RunOptions.withIncludeDestructive(true)"),
        clear.skipped().reason());
    assertEquals(TEAMS, db.count("SELECT COUNT(*) FROM teams WHERE is_pro IS NOT NULL"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
    assertEquals(1, db.count("SELECT COUNT(*) FROM godwit_migrations"),
        "a skipped migration leaves no state behind");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runAllRunsTheClearWhenDestructiveMigrationsAreIncluded(TestDatabase kind) {
    Db db = oldTeams(kind);

    List<RunResult> results = db.migrator().runAll(List.of(backfillPlan(10), clearIsPro()),
        RunOptions.builder().includeDestructive(true).build());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results::toString);
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE is_pro IS NOT NULL"));
    assertEquals(13, db.count("SELECT COUNT(*) FROM teams WHERE plan = 'PRO'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDestructiveMigrationRunOnItsOwnIsAskedForByName(TestDatabase kind) {
    Db db = oldTeams(kind);
    Migrator migrator = db.migrator();
    migrator.run(backfillPlan(10));

    RunResult result = migrator.run(clearIsPro());

    assertTrue(result.succeeded());
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE is_pro IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSeriesDryRunPreviewsTheClearAfterTheBackfillsFirstBatchAndSaysWhatItCannotShow(
      TestDatabase kind) {
    Db db = oldTeams(kind);
    List<Map<String, Object>> teams = db.snapshot("teams");

    List<RunResult> results = db.migrator().runAll(List.of(backfillPlan(10), clearIsPro()),
        RunOptions.dryRun().withIncludeDestructive(true));

    assertEquals(2, results.size());
    RunResult backfill = results.get(0);
    assertTrue(backfill.dryRun());
    assertEquals(10, backfill.rowsWouldChange());
    assertEquals(List.of(), backfill.caveats());
    RunResult clear = results.get(1);
    assertEquals(10, clear.rowsWouldChange(), "the clear sees the rows the backfill's batch filled");
    assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(),
        clear.changes().stream().map(RowChange::id).toList());
    assertEquals("true", clear.changes().get(0).before().get("is_pro"));
    assertNull(clear.changes().get(0).after().get("is_pro"));
    assertEquals(List.of(
            "previewed after only the first batch of teams.backfillPlan, which has 15 rows left: it"
                + " may change more rows once that has run",
            "is_pro holds a value in 25 rows, which this migration destroys: 10 of them are in its"
                + " range now, and 15 wait on the earlier migrations (teams.backfillPlan) to enter it"),
        clear.caveats());
    assertEquals(teams, db.snapshot("teams"));
    assertNull(db.stateSnapshot(), "a dry run leaves no state behind");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSeriesDryRunSkipsTheClearUnlessDestructiveMigrationsAreIncluded(TestDatabase kind) {
    Db db = oldTeams(kind);

    List<RunResult> results = db.migrator().runAll(List.of(backfillPlan(10), clearIsPro()),
        RunOptions.dryRun());

    assertEquals(10, results.get(0).rowsWouldChange());
    assertEquals(RunResult.Skip.DESTROYS_DATA, results.get(1).skipped());
    assertTrue(results.get(1).dryRun());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aClearPreviewedBeforeItsBackfillCountsTheRowsItWillClear(TestDatabase kind) {
    Db db = oldTeams(kind);

    RunResult clear = db.migrator().run(clearIsPro(), RunOptions.dryRun());

    assertEquals(0, clear.rowsWouldChange());
    assertEquals(List.of(), clear.changes());
    assertEquals(List.of("is_pro holds a value in 25 rows, which this migration destroys: 0 of them"
        + " are in its range now, and 25 are outside it until other migrations fill what it requires"),
        clear.caveats());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDryRunCountsEveryRowItsFirstBatchWouldChangeAndShowsTheFirstTen(TestDatabase kind) {
    Db db = oldTeams(kind);

    RunResult result = db.migrator().run(backfillPlan(13), RunOptions.dryRun());

    assertEquals(13, result.rowsWouldChange());
    assertEquals(RunResult.SHOWN, result.changes().size());
    assertEquals(13, result.status().rowsChanged());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDoneMigrationIsSkippedAsDoneInASeries(TestDatabase kind) {
    Db db = oldTeams(kind);
    Migrator migrator = db.migrator();
    migrator.runAll(List.of(backfillPlan(10)));

    List<RunResult> again = migrator.runAll(List.of(backfillPlan(10), clearIsPro()));

    assertEquals(RunResult.Skip.DONE, again.get(0).skipped());
    assertTrue(again.get(0).succeeded());
    assertEquals(RunResult.Skip.DESTROYS_DATA, again.get(1).skipped());
  }
}
