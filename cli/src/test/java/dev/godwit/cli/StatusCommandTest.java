package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusCommandTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrationsThatNeverRanArePending(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);

    Cli.Result result = Cli.run(database.args("status"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "MIGRATION           PHASE                    STATE    VISITED/TOTAL  PERCENT  RATE  ETA  CHANGED",
            "teams.backfillPlan  migrate                  PENDING  0/?                                0",
            "teams.clearIsPro    contract, destroys data  PENDING  0/?                                0",
            "slow.touch          migrate                  PENDING  0/?                                0"),
        result.out().lines().toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void showsProgressOfFinishedMigrationsAndTheErrorOfAFailedOne(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(4);
    database.execute("UPDATE teams SET name = 'boom' WHERE id = 3");
    database.createItems(2);
    Cli.run(database.args("run", "slow.touch"));
    Cli.run(database.args("run", "teams.backfillPlan", "--batch-size", "2"));

    Cli.Result result = Cli.run(database.args("status"));

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(1).matches("teams\\.backfillPlan +migrate +FAILED +2/4 +50\\.0% +\\S+ rows/s +2"), result::toString);
    assertTrue(lines.get(2).matches("teams\\.clearIsPro +contract, destroys data +PENDING +0/\\? +0"), result::toString);
    assertTrue(lines.get(3).matches("slow\\.touch +migrate +SUCCEEDED +2/2 +100\\.0% +\\S+ rows/s +2"), result::toString);
    assertTrue(lines.get(4).startsWith("teams.backfillPlan FAILED at row 3: "), result::toString);
    assertTrue(lines.get(4).contains("cannot compute a plan for team 'boom'"), result::toString);
    assertEquals(5, lines.size(), result::toString);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void watchRefreshesWhileAMigrationRunsInAnotherThreadAndStopsWhenItIsDone(TestDatabase kind)
      throws Exception {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createItems(30);
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(
        () -> Cli.run(database.args("run", "slow.touch", "--pause", "100ms")));
    awaitRunning(database);

    Cli.Result watch = Cli.run(database.args("status", "--watch", "--interval", "100ms"));

    assertEquals(Godwit.EXIT_DONE, watch.exitCode(), watch::toString);
    assertEquals(Godwit.EXIT_DONE, run.get().exitCode(), () -> run.join().toString());
    List<String> frames = watch.out().lines().filter(line -> line.startsWith("slow.touch")).toList();
    assertTrue(frames.size() >= 2, watch::toString);
    assertTrue(frames.get(0).matches("slow\\.touch +migrate +RUNNING +\\d+/30 .*"), watch::toString);
    assertTrue(frames.get(frames.size() - 1).matches("slow\\.touch +migrate +SUCCEEDED +30/30 +100\\.0% .*"),
        watch::toString);
    assertEquals(frames.size(), watch.out().lines()
        .filter(line -> line.equals("every 100ms until no migration is running; Ctrl-C to stop")).count());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunnerSilentForLongerThanALeaseShowsAsStalledAndEndsTheWatch(TestDatabase kind)
      throws Exception {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createItems(3);
    Cli.run(database.args("run", "slow.touch"));
    // What a runner killed mid-run leaves behind: RUNNING, and a heartbeat that stopped.
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "UPDATE godwit_migrations SET state = 'RUNNING', finished_at = NULL, heartbeat_at = ?")) {
      statement.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
      statement.executeUpdate();
    }

    Cli.Result watch = Cli.run(database.args("status", "--watch", "--interval", "100ms"));

    assertEquals(Godwit.EXIT_DONE, watch.exitCode(), watch::toString);
    List<String> lines = watch.out().lines().toList();
    assertEquals(6, lines.size(), "one frame only: nothing is alive to wait for\n" + watch);
    assertTrue(lines.get(4).matches("slow\\.touch +migrate +RUNNING, stalled +3/3 .*"), watch::toString);
    assertTrue(lines.get(5).matches("slow\\.touch has had no heartbeat for 5m0\\ds: its runner seems to "
        + "have died; 'godwit run slow\\.touch' takes it over"), watch::toString);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunWaitingOnTheDatabasesHealthShowsWhy(TestDatabase kind) throws Exception {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createItems(3);
    Cli.run(database.args("run", "slow.touch"));
    String reason = "postgresql.replication-lag: standby s1 replays 12.0 s behind, more than the"
        + " 10.0 s allowed";
    // what a live run waiting on its health signals records
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement("UPDATE godwit_migrations SET"
            + " state = 'RUNNING', finished_at = NULL, heartbeat_at = ?, waiting = ?")) {
      statement.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      statement.setString(2, reason);
      statement.executeUpdate();
    }

    Cli.Result status = Cli.run(database.args("status"));

    assertEquals(Godwit.EXIT_DONE, status.exitCode(), status::toString);
    List<String> lines = status.out().lines().toList();
    assertTrue(lines.stream().anyMatch(line -> line.matches("slow\\.touch +migrate +RUNNING, waiting"
        + " +3/3 .*")), status::toString);
    assertTrue(lines.contains("slow.touch waits before its next batch: " + reason),
        status::toString);
  }

  /** Waits until a run of {@code slow.touch} has committed its first batch. */
  static void awaitRunning(CliDatabase database) throws InterruptedException {
    awaitRunning(database, () -> true);
  }

  /** Waits until a run of {@code slow.touch} has committed its first batch, while its runner lives. */
  static void awaitRunning(CliDatabase database, BooleanSupplier runnerAlive) throws InterruptedException {
    Migrator migrator = Migrator.create(database.dataSource());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && runnerAlive.getAsBoolean()) {
      MigrationStatus status = migrator.status("slow.touch").orElse(null);
      if (status != null && status.state() == MigrationState.RUNNING && status.rowsVisited() > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("slow.touch did not start running");
  }
}
