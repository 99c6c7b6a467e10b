package dev.godwit.cli;

import dev.godwit.runtime.Migrator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While a run is in progress, an interrupt (Ctrl-C, or a plain {@code kill}) pauses the migration
 * after its current batch instead of abandoning it mid-batch: the process waits for the run to stop
 * and report, so the state table says {@code PAUSED} and the next run continues at once, without
 * waiting for the abandoned run's lease to expire.
 */
final class ShutdownPause implements AutoCloseable {

  /** Long enough for a batch to commit; a process that must die sooner can still be killed hard. */
  private static final long WAIT_SECONDS = 30;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;

  private ShutdownPause(Migrator migrator, String name) {
    this.hook = new Thread(() -> {
      migrator.pause(name);
      try {
        stopped.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "godwit-pause-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Pauses the named migration if the process is asked to exit before {@link #close()}. */
  static ShutdownPause of(Migrator migrator, String name) {
    return new ShutdownPause(migrator, name);
  }

  /** The run has stopped and reported: an exit now has nothing left to wait for. */
  @Override
  public void close() {
    stopped.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // the process is already exiting; the hook has been released by the count-down above
    }
  }
}
