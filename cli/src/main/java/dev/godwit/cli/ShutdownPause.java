package dev.godwit.cli;

import dev.godwit.runtime.Migrator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * While a run is in progress, an interrupt (Ctrl-C, or a plain {@code kill}) pauses the migration
 * after its current batch instead of abandoning it mid-batch: the process waits for the run to stop
 * and report, so the state table says {@code PAUSED} and the next run continues at once, without
 * waiting for the abandoned run's lease to expire.
 */
final class ShutdownPause {

  /** Long enough for a batch to commit; a process that must die sooner can still be killed hard. */
  private static final long WAIT_SECONDS = 30;

  private ShutdownPause() {}

  /**
   * Runs and reports one migration, pausing it if the process is asked to exit meanwhile.
   *
   * @param run runs the migration and prints how it ended
   */
  static <T> T during(Migrator migrator, String name, Supplier<T> run) {
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      migrator.pause(name);
      try {
        reported.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "godwit-pause-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run.get();
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException exiting) {
        // the process is already exiting; the count-down above has released the hook
      }
    }
  }
}
