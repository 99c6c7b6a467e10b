package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three runner processes of one worker each on one migration split into ranges, one of them killed
 * with SIGKILL at random moments and restarted, over and over, while the other two go on: every row
 * is migrated exactly once (its audit row and its non-idempotent rename prove it), no range is lost,
 * and the table ends as an uninterrupted single runner leaves it.
 *
 * <p>While the kills last, every batch waits {@link MigrationRunnerMain#SLOW} after it commits, so
 * that the two survivors cannot finish the migration before the tenth kill; the rest runs at full
 * speed. {@code -Dgodwit.crash.rows} sets the size (3,000 rows by default, which keeps {@code mvn
 * verify} within about half a minute per database), {@code -Dgodwit.crash.seed} replays the moments
 * of a failed run.
 */
class WorkerCrashTest {

  private static final int ROWS = Integer.getInteger("godwit.crash.rows", 3_000);
  private static final int KILLS = 10;
  private static final long SEED = Long.getLong("godwit.crash.seed", System.nanoTime());
  private static final int BATCH_SIZE = 10;
  private static final int RANGES = 12;

  /** Short, so that a survivor soon takes over the range of the runner killed. */
  private static final Duration LEASE = Duration.ofSeconds(1);

  @RegisterExtension final Databases databases = new Databases();

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES"})
  void threeWorkersOneKilledTenTimesMigrateEveryRowOnceLikeASingleRunner(TestDatabase kind)
      throws IOException {
    Db db = AuditedRename.fill(databases.createShared(kind), ROWS);
    Path slow = Files.createFile(databases.directory().resolve("slow"));
    String[] arguments = arguments(db, slow);
    Random random = new Random(SEED);
    String replay = " (replay with -Dgodwit.crash.seed=" + SEED + ")";
    List<RunnerProcess> survivors = new ArrayList<>();
    try {
      for (int i = 1; i <= 2; i++) {
        survivors.add(RunnerProcess.start(databases.directory().resolve("survivor" + i + ".log"),
            arguments));
      }
      for (int kill = 1; kill <= KILLS; kill++) {
        try (RunnerProcess victim = RunnerProcess.start(
            databases.directory().resolve("victim" + kill + ".log"), arguments)) {
          assertTrue(victim.awaitBatches(1 + random.nextInt(3)),
              "the migration ended before kill " + kill + replay);
          Await.sleep(random.nextInt((int) MigrationRunnerMain.SLOW.toMillis() + 100));
          assertTrue(victim.kill(), "the runner ended before kill " + kill + replay + "; its log:\n"
              + victim.log());
        }
        assertAppliedExactlyOnce(db, replay);
        assertEquals(RANGES, db.migrator().ranges(AuditedRename.NAME).size(),
            "a range was lost after kill " + kill + replay);
      }
      Files.delete(slow);
      try (RunnerProcess last = RunnerProcess.start(
          databases.directory().resolve("last.log"), arguments)) {
        List<String> ends = new ArrayList<>(List.of(last.awaitEnd()));
        for (RunnerProcess survivor : survivors) {
          ends.add(survivor.awaitEnd());
        }
        // one process sweeps and verifies; the others stop once every range is done
        assertTrue(ends.contains(MigrationState.SUCCEEDED.name()), ends + replay);
      }
    } finally {
      survivors.forEach(RunnerProcess::close);
    }

    MigrationStatus status = db.migrator().status(AuditedRename.NAME).orElseThrow();
    assertEquals(MigrationState.SUCCEEDED, status.state(), status.error());
    assertEquals(ROWS, status.rowsVisited(), replay);
    assertEquals(ROWS, assertAppliedExactlyOnce(db, replay));
    List<Map<String, Object>> reference = AuditedRename.uninterruptedResult(kind, ROWS,
        RunOptions.defaults().withBatchSize(BATCH_SIZE));
    assertEquals(reference, db.snapshot("users"), replay);
  }

  /**
   * Checks, in one statement so that a commit landing meanwhile cannot split it, that what the
   * migration and its ranges count is exactly what was applied: each row renamed and audited once.
   *
   * @return the rows visited
   */
  private static long assertAppliedExactlyOnce(Db db, String replay) {
    String name = "'" + AuditedRename.NAME + "'";
    Map<String, Object> seen = db.rows("SELECT"
        + " (SELECT COUNT(*) FROM audit) AS audited,"
        + " (SELECT COUNT(DISTINCT row_id) FROM audit) AS audited_rows,"
        + " (SELECT COUNT(*) FROM users WHERE name LIKE '%" + AuditedRename.SUFFIX + "') AS renamed,"
        + " (SELECT COUNT(*) FROM users WHERE name LIKE '%" + AuditedRename.SUFFIX
        + AuditedRename.SUFFIX + "') AS twice,"
        + " (SELECT rows_visited FROM godwit_migrations WHERE name = " + name + ")"
        + " + (SELECT COALESCE(SUM(rows_visited), 0) FROM godwit_migrations_ranges"
        + " WHERE name = " + name + ") AS visited").get(0);
    String counts = seen.toString() + replay;
    long visited = number(seen, "visited");
    assertEquals(0L, number(seen, "twice"), counts);
    assertEquals(visited, number(seen, "audited"), counts);
    assertEquals(visited, number(seen, "audited_rows"), counts);
    assertEquals(visited, number(seen, "renamed"), counts);
    return visited;
  }

  private static long number(Map<String, Object> row, String column) {
    return Long.parseLong(String.valueOf(row.get(column)));
  }

  private static String[] arguments(Db db, Path slow) {
    DatabaseServer.Endpoint endpoint = DatabaseServer.Endpoint.of(db.dataSource);
    return new String[] {endpoint.url(), endpoint.user(), endpoint.password(),
        Integer.toString(BATCH_SIZE), Long.toString(LEASE.toMillis()), Integer.toString(RANGES),
        slow.toString()};
  }
}
