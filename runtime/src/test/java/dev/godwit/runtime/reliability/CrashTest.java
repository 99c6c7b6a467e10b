package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runners killed with SIGKILL at random moments, over and over, in the middle of a migration.
 *
 * <p>{@code -Dgodwit.crash.rows} and {@code -Dgodwit.crash.kills} set the size: by default 20 kills
 * over 10,000 rows, which keeps {@code mvn verify} within about a minute; 50,000 rows take about a
 * minute more. {@code -Dgodwit.crash.seed} replays the moments of a failed run, whose seed the
 * failure prints.
 */
class CrashTest {

  private static final int ROWS = Integer.getInteger("godwit.crash.rows", 10_000);
  private static final int KILLS = Integer.getInteger("godwit.crash.kills", 20);
  private static final long SEED = Long.getLong("godwit.crash.seed", System.nanoTime());
  private static final int BATCH_SIZE = 100;

  /** Short, so that a restarted runner soon takes over the claim of the one killed before it. */
  private static final Duration LEASE = Duration.ofSeconds(1);

  /** The longest wait, after the chosen batch, before the kill: about a batch or two. */
  private static final int JITTER_MILLIS = 25;

  @RegisterExtension final Databases databases = new Databases();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void killedRunnersResumeToTheTableOfAnUninterruptedRunApplyingNoBatchTwice(TestDatabase kind) {
    Db db = AuditedRename.fill(databases.createShared(kind), ROWS);
    String[] arguments = arguments(db);
    Random random = new Random(SEED);
    String replay = " (replay with -Dgodwit.crash.seed=" + SEED + ")";
    // each runner may go this many batches past its first, so that the kills end before the table
    int spread = Math.max(0, ROWS / BATCH_SIZE / KILLS / 2 - 1);
    long lastVisited = 0;

    for (int kill = 1; kill <= KILLS; kill++) {
      try (RunnerProcess runner = runner(arguments, kill)) {
        assertTrue(runner.awaitBatches(1 + random.nextInt(spread + 1)),
            "the migration ended before kill " + kill + replay);
        Await.sleep(random.nextInt(JITTER_MILLIS + 1));
        assertTrue(runner.kill(),
            "runner " + kill + " ended before it was killed" + replay + "; its log:\n" + runner.log());
      }
      long visited = AuditedRename.assertAppliedExactlyOnceUpToTheCursor(db);
      assertTrue(visited >= lastVisited, "the cursor went back after kill " + kill + replay);
      lastVisited = visited;
      assertEquals(MigrationState.RUNNING,
          db.migrator().status(AuditedRename.NAME).orElseThrow().state(), replay);
    }
    try (RunnerProcess last = runner(arguments, KILLS + 1)) {
      assertEquals(MigrationState.SUCCEEDED.name(), last.awaitEnd(), last.log());
    }

    AuditedRename.assertFinishedLike(db, ROWS, AuditedRename.uninterruptedResult(kind, ROWS,
        RunOptions.defaults().withBatchSize(BATCH_SIZE)));
  }

  private RunnerProcess runner(String[] arguments, int number) {
    Path log = databases.directory().resolve("runner" + number + ".log");
    return RunnerProcess.start(log, arguments);
  }

  private static String[] arguments(Db db) {
    DatabaseServer.Endpoint endpoint = DatabaseServer.Endpoint.of(db.dataSource);
    return new String[] {endpoint.url(), endpoint.user(), endpoint.password(),
        Integer.toString(BATCH_SIZE), Long.toString(LEASE.toMillis())};
  }
}
