package dev.godwit.cli;

import dev.godwit.runtime.MigrationStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress as plain lines, for logs and pipes: one at the first batch, one each time another tenth
 * of the rows is done, and at least one every ten seconds, so a long run neither floods the log nor
 * goes silent.
 */
final class ProgressLines implements RunProgress {

  private static final long SILENCE_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private boolean printedAny;
  private int lastTenth = -1;
  private long lastPrinted;
  private String lastWaiting;

  ProgressLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void onProgress(MigrationStatus status) {
    int tenth = status.percent().map(percent -> (int) (percent / 10)).orElse(-1);
    long now = System.nanoTime();
    boolean waitingChanged = !java.util.Objects.equals(status.waiting(), lastWaiting);
    lastWaiting = status.waiting();
    if (!printedAny || tenth > lastTenth || now - lastPrinted >= SILENCE_NANOS || waitingChanged) {
      out.println(line(status));
      out.flush();
      printedAny = true;
      lastTenth = tenth;
      lastPrinted = now;
    }
  }

  static String line(MigrationStatus status) {
    List<String> parts = new ArrayList<>();
    String percent = Formats.percent(status);
    parts.add(Formats.progress(status) + " rows" + (percent.isEmpty() ? "" : " (" + percent + ")"));
    String rate = Formats.rate(status);
    if (!rate.isEmpty()) {
      parts.add(rate);
    }
    String eta = Formats.eta(status);
    if (!eta.isEmpty()) {
      parts.add("ETA " + eta);
    }
    parts.add(status.rowsChanged() + " changed");
    if (status.waiting() != null) {
      parts.add("waiting: " + status.waiting());
    }
    return status.name() + ": " + String.join(", ", parts);
  }

  @Override
  public void close() {}
}
