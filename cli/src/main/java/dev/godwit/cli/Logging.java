package dev.godwit.cli;

/**
 * Sets the log levels of the bundled SLF4J logger before anything logs. Quiet by default, so that an
 * error is one sentence; {@code --verbose} lets the runtime and the connection pool speak.
 */
final class Logging {

  private Logging() {}

  static void configure(boolean verbose) {
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "info");
      System.setProperty("org.slf4j.simpleLogger.log.dev.godwit.runtime.MigrationRun", "info");
      System.setProperty("org.slf4j.simpleLogger.showLogName", "true");
    }
  }
}
