package dev.godwit.runtime.reliability;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationAlreadyRunningException;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests: for a condition to hold, never for a fixed time that a slow machine outlasts. */
final class Await {

  /** The longest anything in the suite is waited for before the test fails. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private Await() {}

  /** Waits until a condition holds, checking every few milliseconds. */
  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE + " for " + what);
      }
      sleep(10);
    }
  }

  /** Runs a migration, asking again while another runner holds it, as after a runner died. */
  static RunResult runOnceFree(Migrator migrator, Migration<?> migration, RunOptions options) {
    return runOnceFree(migrator, migration, options, () -> {});
  }

  /** Like {@link #runOnceFree(Migrator, Migration, RunOptions)}, telling each refusal. */
  static RunResult runOnceFree(Migrator migrator, Migration<?> migration, RunOptions options,
      Runnable refused) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        return migrator.run(migration, options);
      } catch (MigrationAlreadyRunningException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        refused.run();
        sleep(50);
      }
    }
  }

  /** Sleeps; for spacing attempts and placing random moments, not for waiting on an outcome. */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sleeping", e);
    }
  }
}
