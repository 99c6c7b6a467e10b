package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CancelCommandTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void cancelStopsARunInAnotherThreadAfterItsCurrentBatch(TestDatabase kind) throws Exception {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createItems(200);
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(
        () -> Cli.run(database.args("run", "slow.touch", "--pause", "50ms")));
    StatusCommandTest.awaitRunning(database);

    Cli.Result cancel = Cli.run(database.args("cancel", "slow.touch"));
    Cli.Result stopped = run.get();

    assertEquals(Godwit.EXIT_DONE, cancel.exitCode(), cancel::toString);
    assertEquals("slow.touch: cancel requested; its runner stops after the current batch\n", cancel.out());
    assertEquals(Godwit.EXIT_STOPPED, stopped.exitCode(), stopped::toString);
    String last = stopped.out().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.matches("slow\\.touch: CANCELED after \\d+/200 rows visited, \\d+ changed; run it "
        + "again to continue where it stopped"), stopped::toString);
    assertEquals("CANCELED", database.recordedState("slow.touch"));
    long touched = database.count("SELECT COUNT(*) FROM slow_items WHERE touched");
    assertTrue(touched > 0 && touched < 200, "stopped part way: " + touched);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void cancelOfAMigrationThatIsNotRunningExitsWithOne(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createItems(1);
    Cli.run(database.args("run", "slow.touch"));

    Cli.Result done = Cli.run(database.args("cancel", "slow.touch"));
    Cli.Result neverRan = Cli.run(database.args("cancel", "teams.backfillPlan"));

    assertEquals(Godwit.EXIT_FAILED, done.exitCode(), done::toString);
    assertEquals("godwit cancel: migration 'slow.touch' is not running (it is SUCCEEDED), so there is "
        + "nothing to cancel\n", done.err());
    assertEquals(Godwit.EXIT_FAILED, neverRan.exitCode(), neverRan::toString);
    assertEquals("godwit cancel: migration 'teams.backfillPlan' is not running (it never ran here), so "
        + "there is nothing to cancel\n", neverRan.err());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void cancelOfAnUnknownMigrationIsBadUsage(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);

    Cli.Result result = Cli.run(database.args("cancel", "slow.tuoch"));

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit cancel: unknown migration 'slow.tuoch'; did you mean 'slow.touch'?\n", result.err());
  }
}
