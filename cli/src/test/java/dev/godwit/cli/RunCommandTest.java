package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunCommandTest {

  private static final String CLEAR_SKIPPED = "teams.clearIsPro: skipped, it destroys data (contract "
      + "phase); once no code needs what it destroys, run it by name ('godwit run teams.clearIsPro') "
      + "or add --include-destructive";

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runsANamedMigrationToTheEnd(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(25);

    Cli.Result result = Cli.run(database.args("run", "teams.backfillPlan", "--batch-size", "10"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(0, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
    assertEquals(13, database.count("SELECT COUNT(*) FROM teams WHERE plan = 'PRO'"));
    assertEquals("SUCCEEDED", database.recordedState("teams.backfillPlan"));
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).matches("teams\\.backfillPlan: \\d+/(25|\\?) rows.*, \\d+ changed"), result::toString);
    assertEquals("teams.backfillPlan: SUCCEEDED, 25/25 rows visited, 25 changed", lines.get(lines.size() - 1));
    assertEquals("", result.err());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runAllRunsEveryMigrationButTheDestructiveInOrderAndThenSkipsThemAsDone(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(5);
    database.createItems(3);

    Cli.Result first = Cli.run(database.args("run", "--all"));
    Cli.Result second = Cli.run(database.args("run", "--all"));

    assertEquals(Godwit.EXIT_DONE, first.exitCode(), first::toString);
    assertEquals(List.of(
            "teams.backfillPlan: SUCCEEDED, 5/5 rows visited, 5 changed",
            CLEAR_SKIPPED,
            "slow.touch: SUCCEEDED, 3/3 rows visited, 3 changed"),
        summaries(first));
    assertEquals(0, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
    assertEquals(5, database.count("SELECT COUNT(*) FROM teams WHERE is_pro IS NOT NULL"),
        "run --all leaves the deprecated column to the contract phase");
    assertNull(database.recordedState("teams.clearIsPro"));
    assertEquals(Godwit.EXIT_DONE, second.exitCode(), second::toString);
    assertEquals(List.of(
            "teams.backfillPlan: already SUCCEEDED, skipped (--reset runs it again from the first row)",
            CLEAR_SKIPPED,
            "slow.touch: already SUCCEEDED, skipped (--reset runs it again from the first row)"),
        second.out().lines().toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void includeDestructiveRunsTheClearsToo(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(5);
    database.createItems(3);

    Cli.Result result = Cli.run(database.args("run", "--all", "--include-destructive"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals("teams.clearIsPro: SUCCEEDED, 5/5 rows visited, 5 changed", summaries(result).get(1));
    assertEquals(0, database.count("SELECT COUNT(*) FROM teams WHERE is_pro IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSeriesDryRunPreviewsEachMigrationAfterTheEarlierOnesAndSaysWhatItCannotShow(
      TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(25);
    database.createItems(3);

    Cli.Result result = Cli.run(database.args(
        "run", "--all", "--dry-run", "--include-destructive", "--batch-size", "13"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "teams.backfillPlan: dry run of the first batch, rolled back: 13 rows would change "
                + "(first 10 shown)",
            "teams.clearIsPro: dry run of the first batch, rolled back: 13 rows would change "
                + "(first 10 shown)",
            "  note: previewed after only the first batch of teams.backfillPlan, which has 12 rows "
                + "left: it may change more rows once that has run",
            "  note: is_pro holds a value in 25 rows, which this migration destroys: 13 of them are "
                + "in its range now, and 12 wait on the earlier migrations (teams.backfillPlan) to "
                + "enter it",
            "slow.touch: dry run of the first batch, rolled back: 3 rows would change (all shown)"),
        result.out().lines().filter(line -> !line.startsWith("  row ")).toList());
    assertTrue(result.out().contains("  row 10: is_pro 'false' -> NULL"), result::toString);
    assertEquals(25, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL AND is_pro IS NOT NULL"));
    assertNull(database.recordedState("teams.backfillPlan"), "a dry run leaves no state behind");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aClearDryRunOnItsOwnNeverSaysNoRowWouldChangeWhileRowsHoldWhatItClears(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(4);

    Cli.Result result = Cli.run(database.args("run", "teams.clearIsPro", "--dry-run"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "teams.clearIsPro: dry run of the first batch, rolled back: no row changes in this "
                + "preview, which cannot show everything (see the notes)",
            "  note: is_pro holds a value in 4 rows, which this migration destroys: 0 of them are in "
                + "its range now, and 4 are outside it until other migrations fill what it requires"),
        result.out().lines().toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSeriesDryRunSkipsTheClearsWithoutIncludeDestructive(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(2);
    database.createItems(1);

    Cli.Result result = Cli.run(database.args("run", "--all", "--dry-run"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertTrue(result.out().lines().toList().contains(CLEAR_SKIPPED), result::toString);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void namesRunInTheOrderTheApplicationPublishesThem(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(4);

    Cli.Result result = Cli.run(database.args("run", "teams.clearIsPro", "teams.backfillPlan"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "teams.backfillPlan: SUCCEEDED, 4/4 rows visited, 4 changed",
            "teams.clearIsPro: SUCCEEDED, 4/4 rows visited, 4 changed"),
        summaries(result));
    // The backfill read is_pro before the clear emptied it.
    assertEquals(2, database.count("SELECT COUNT(*) FROM teams WHERE plan = 'PRO'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRowLockedLongerThanEveryRetryOfTheLockTimeoutFailsTheRunNamingIt(TestDatabase kind)
      throws Exception {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(6);
    try (java.sql.Connection holder = database.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (java.sql.Statement statement = holder.createStatement()) {
        statement.executeUpdate("UPDATE teams SET name = 'held' WHERE id = 3");
      }

      Cli.Result result = Cli.run(database.args("run", "teams.backfillPlan", "--batch-size", "10",
          "--lock-timeout", "100ms"));

      holder.rollback();
      assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
      String last = result.out().lines().reduce((a, b) -> b).orElseThrow();
      assertTrue(last.startsWith("teams.backfillPlan: FAILED at row 3: "), result::toString);
      // the rows before it committed
      assertEquals(2, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NOT NULL"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailedRowExitsWithOneNamingTheRowAndTheErrorAndStopsTheSeries(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(6);
    database.execute("UPDATE teams SET name = 'boom' WHERE id = 4");

    Cli.Result result = Cli.run(database.args("run", "--all", "--batch-size", "2"));

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    String last = result.out().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.startsWith("teams.backfillPlan: FAILED at row 4: "), result::toString);
    assertTrue(last.contains("cannot compute a plan for team 'boom'"), result::toString);
    assertTrue(last.endsWith("; fix the cause and run it again to continue after the last committed "
        + "batch"), result::toString);
    assertEquals("FAILED", database.recordedState("teams.backfillPlan"));
    assertNull(database.recordedState("teams.clearIsPro"), "the series stops at the failure");
    // The batch before the failing one committed; the failing batch rolled back.
    assertEquals(2, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void dryRunPrintsBeforeAndAfterAndKeepsNothing(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(3);

    Cli.Result result = Cli.run(database.args("run", "teams.backfillPlan", "--dry-run"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "teams.backfillPlan: dry run of the first batch, rolled back: 3 rows would change (all "
                + "shown)",
            "  row 1: plan NULL -> 'PRO'",
            "  row 2: plan NULL -> 'FREE'",
            "  row 3: plan NULL -> 'PRO'"),
        result.out().lines().toList());
    assertEquals(3, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
    assertNull(database.recordedState("teams.backfillPlan"), "a dry run leaves no state behind");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void resetRunsADoneMigrationAgainFromTheFirstRow(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(3);
    assertEquals(Godwit.EXIT_DONE, Cli.run(database.args("run", "teams.backfillPlan")).exitCode());
    database.execute("UPDATE teams SET plan = NULL WHERE id = 2");

    Cli.Result skipped = Cli.run(database.args("run", "teams.backfillPlan"));
    long leftAfterSkip = database.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL");
    Cli.Result reset = Cli.run(database.args("run", "teams.backfillPlan", "--reset"));

    assertEquals(Godwit.EXIT_DONE, skipped.exitCode(), skipped::toString);
    assertEquals(1, leftAfterSkip);
    assertEquals(Godwit.EXIT_DONE, reset.exitCode(), reset::toString);
    assertEquals("teams.backfillPlan: SUCCEEDED, 1/1 rows visited, 1 changed", summaries(reset).get(0));
    assertEquals(0, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
  }

  /** The lines that report how each run ended, without the progress lines. */
  private static List<String> summaries(Cli.Result result) {
    return result.out().lines().filter(line -> !line.matches(".*: \\d+/\\S+ rows.*")).toList();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "MARIADB")
  void aReplicaThatReplicatesNothingHoldsTheRunBackUntilItPausesItselfSayingWhy(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(6);

    // the database itself given as a replica: it shows no replication
    Cli.Result result = Cli.run(database.args("run", "teams.backfillPlan", "--replica-url",
        database.url(), "--health-check-interval", "10ms", "--max-health-wait", "50ms"));

    assertEquals(Godwit.EXIT_STOPPED, result.exitCode(), result::toString);
    String last = result.out().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.matches("teams\\.backfillPlan: PAUSED after 0/6 rows visited, 0 changed, paused"
        + " itself after waiting 50ms on its health signals \\(mysql\\.replica-lag: replica"
        + " jdbc:mariadb://[^ ]+ is not replicating \\(SHOW REPLICA STATUS shows no source\\)\\);"
        + " run it again to continue once they are healthy"), result::toString);
    assertEquals(0, database.count("SELECT COUNT(*) FROM teams WHERE plan IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "H2")
  void aReplicaUrlThatIsNotAJdbcUrlIsBadUsage(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(1);

    Cli.Result result = Cli.run(database.args("run", "teams.backfillPlan", "--replica-url",
        "replica1:3306"));

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("--replica-url must be a JDBC URL such as"
        + " jdbc:mariadb://replica1:3306/app, not 'replica1:3306'"), result::toString);
  }
}
