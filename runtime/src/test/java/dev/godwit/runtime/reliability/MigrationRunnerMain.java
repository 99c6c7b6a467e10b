package dev.godwit.runtime.reliability;

import dev.godwit.runtime.MigrationAlreadyRunningException;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import java.time.Duration;

/**
 * The runner process of the crash tests: runs {@link AuditedRename} to its end, printing a line for
 * each committed batch, and waiting out the lease of a runner that died before it when it finds one.
 *
 * <p>Arguments: JDBC URL, user, password, batch size, lease in milliseconds, and optionally the
 * number of ranges to split the migration into (each process then runs one worker on them) and a
 * file whose existence slows each batch down by {@link #SLOW}, so that a test can keep the
 * migration going while it kills runners.
 */
final class MigrationRunnerMain {

  /** Printed after each committed batch, followed by the rows visited so far. */
  static final String BATCH = "batch ";

  /** Printed when the run returns, followed by the state it ended in. */
  static final String ENDED = "ended ";

  /** How long the runner waits before asking again for a migration another runner holds. */
  private static final Duration RETRY = Duration.ofMillis(50);

  /** How long a batch waits after it commits while the slow-down file exists. */
  static final Duration SLOW = Duration.ofMillis(400);

  private MigrationRunnerMain() {}

  /**
   * Runs the migration to its end.
   *
   * @param arguments JDBC URL, user, password, batch size, lease in milliseconds, [ranges,
   *     slow-down file]
   */
  public static void main(String[] arguments) throws InterruptedException {
    DatabaseServer.Endpoint endpoint =
        new DatabaseServer.Endpoint(arguments[0], arguments[1], arguments[2]);
    java.nio.file.Path slow = arguments.length > 6 ? java.nio.file.Path.of(arguments[6]) : null;
    RunOptions options = RunOptions.defaults()
        .withBatchSize(Integer.parseInt(arguments[3]))
        .withLeaseDuration(Duration.ofMillis(Long.parseLong(arguments[4])))
        .withRanges(arguments.length > 5 ? Integer.parseInt(arguments[5]) : 0)
        .withListener(status -> {
          System.out.println(BATCH + status.rowsVisited());
          System.out.flush();
          if (slow != null && java.nio.file.Files.exists(slow)) {
            try {
              Thread.sleep(SLOW.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    Migrator migrator = Migrator.create(endpoint.dataSource());
    while (true) {
      try {
        RunResult result = migrator.run(AuditedRename.migration(), options);
        System.out.println(ENDED + result.status().state());
        System.out.flush();
        return;
      } catch (MigrationAlreadyRunningException e) {
        Thread.sleep(RETRY.toMillis());
      }
    }
  }
}
