package dev.godwit.cli;

import dev.godwit.runtime.Migrator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While {@code run} works, an interrupt (Ctrl-C, or a plain {@code kill}) pauses the running
 * migration after its current batch instead of abandoning it mid-batch: the process waits until the
 * run has stopped, reported and closed its database, so the state table says {@code PAUSED} (an
 * embedded H2 file included, whose last commits reach the disk only when it closes) and the next run
 * continues at once, without waiting for the abandoned run's lease to expire.
 */
final class ShutdownPause implements AutoCloseable {

  /** Long enough for a batch to commit; a process that must die sooner can still be killed hard. */
  private static final long WAIT_SECONDS = 30;

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::pauseAndWait, "godwit-pause");
  private volatile Migrator migrator;
  private volatile String running;

  ShutdownPause() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The migration an interrupt pauses from now on. */
  void running(Migrator migrator, String name) {
    this.migrator = migrator;
    this.running = name;
  }

  private void pauseAndWait() {
    String name = running;
    if (name != null) {
      try {
        migrator.pause(name);
      } catch (RuntimeException databaseClosing) {
        // The database went away with the process (an H2 file this process serves for others);
        // the run's lease then lapses, and the next run takes the migration over.
        return;
      }
    }
    try {
      finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The command is done, its database closed: an exit now has nothing left to wait for. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // the process is already exiting; the count-down above has released the hook
    }
  }
}
