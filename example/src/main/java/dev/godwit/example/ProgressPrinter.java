package dev.godwit.example;

import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints a migration's progress at most once per interval while it runs, and once when it ends. */
final class ProgressPrinter implements ProgressListener {

  private final PrintStream out;
  private final long intervalNanos;
  private long lastPrinted;

  ProgressPrinter(PrintStream out, Duration interval) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.lastPrinted = System.nanoTime();
  }

  @Override
  public void onProgress(MigrationStatus status) {
    long now = System.nanoTime();
    if (status.state() != MigrationState.RUNNING || now - lastPrinted >= intervalNanos) {
      lastPrinted = now;
      print(status);
    }
  }

  private void print(MigrationStatus status) {
    out.printf(Locale.ROOT, "  %-28s %-9s %,9d/%s %s %s%s%n",
        status.name(),
        status.state(),
        status.rowsVisited(),
        status.estimatedTotal() < 0 ? "?" : String.format(Locale.ROOT, "%,d", status.estimatedTotal()),
        status.percent().map(p -> String.format(Locale.ROOT, "%5.1f%%", p)).orElse(""),
        status.rowsPerSecond().map(r -> String.format(Locale.ROOT, "%,.0f rows/s", r)).orElse(""),
        status.eta().map(eta -> " ETA " + eta.toSeconds() + " s").orElse(""));
  }
}
