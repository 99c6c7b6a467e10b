package dev.godwit.cli;

import dev.godwit.runtime.MigrationStatus;
import java.time.Duration;
import java.util.Locale;

/** How numbers, rates and durations read in every command's output, whatever the locale. */
final class Formats {

  private Formats() {}

  /** {@code 1200/5000}, or {@code 1200/?} when the total is not known yet. */
  static String progress(MigrationStatus status) {
    return status.rowsVisited() + "/" + (status.estimatedTotal() >= 0 ? status.estimatedTotal() : "?");
  }

  /** {@code 24.0%}, or empty when the total is not known. */
  static String percent(MigrationStatus status) {
    return status.percent().map(percent -> String.format(Locale.ROOT, "%.1f%%", percent)).orElse("");
  }

  /** {@code 350 rows/s}, or empty before the first batch. */
  static String rate(MigrationStatus status) {
    return status.rowsPerSecond().map(Formats::rate).orElse("");
  }

  static String rate(double rowsPerSecond) {
    return rowsPerSecond >= 10
        ? String.format(Locale.ROOT, "%.0f rows/s", rowsPerSecond)
        : String.format(Locale.ROOT, "%.1f rows/s", rowsPerSecond);
  }

  /** The time left, or empty when it cannot be estimated. */
  static String eta(MigrationStatus status) {
    return status.eta().map(Formats::duration).orElse("");
  }

  /** {@code 1h02m}, {@code 4m05s}, {@code 12s}, or {@code 250ms}. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 1) {
      return duration.toMillis() + "ms";
    }
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }

  /** A database value as text, telling SQL {@code NULL} apart from the word. */
  static String value(String text) {
    return text == null ? "NULL" : "'" + text + "'";
  }
}
