package dev.godwit.cli;

import dev.godwit.runtime.MigrationStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar redrawn in place on a terminal, with the rows visited, the rate and the time left.
 * The rate counts only this run, so a resumed migration does not look faster than it is.
 */
final class ProgressBarDisplay implements RunProgress {

  private final ProgressBar bar;

  ProgressBarDisplay(PrintStream out, String name, long alreadyVisited) {
    this.bar = new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(-1)
        .startsFrom(alreadyVisited, Duration.ZERO)
        .setUnit(" rows", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .build();
  }

  @Override
  public void onProgress(MigrationStatus status) {
    if (status.estimatedTotal() >= 0) {
      bar.maxHint(Math.max(status.estimatedTotal(), status.rowsVisited()));
    }
    bar.stepTo(status.rowsVisited());
    bar.setExtraMessage(", " + status.rowsChanged() + " changed"
        + (status.waiting() != null ? ", waiting: " + status.waiting() : ""));
  }

  @Override
  public void close() {
    bar.close();
  }
}
