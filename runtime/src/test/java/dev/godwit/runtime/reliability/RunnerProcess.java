package dev.godwit.runtime.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MigrationRunnerMain} in a JVM of its own, started with this JVM's class path, whose lines
 * of output the test reads as they come, and which the test can kill as a crash would.
 */
final class RunnerProcess implements AutoCloseable {

  /** The longest a test waits for a runner to say anything. */
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  /** Queued when the output closes; no runner prints it. */
  private static final String CLOSED = "\u0000closed";

  private final Process process;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private boolean ended;

  private RunnerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::pump, "runner-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a runner; its error output goes to {@code log}.
   *
   * @param arguments the arguments of {@link MigrationRunnerMain#main}
   */
  static RunnerProcess start(Path log, String... arguments) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        MigrationRunnerMain.class.getName()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new RunnerProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a runner JVM", e);
    }
  }

  /**
   * Reads output until the runner has reported {@code count} more committed batches.
   *
   * @return {@code false} if the run ended first
   */
  boolean awaitBatches(int count) {
    int seen = 0;
    while (seen < count) {
      String line = nextLine();
      if (line.startsWith(MigrationRunnerMain.ENDED)) {
        ended = true;
        return false;
      }
      if (line.startsWith(MigrationRunnerMain.BATCH)) {
        seen++;
      }
    }
    return true;
  }

  /**
   * Reads output until the runner's run ends.
   *
   * @return the state it ended in
   */
  String awaitEnd() {
    while (true) {
      String line = nextLine();
      if (line.startsWith(MigrationRunnerMain.ENDED)) {
        ended = true;
        return line.substring(MigrationRunnerMain.ENDED.length());
      }
    }
  }

  /**
   * Kills the runner with SIGKILL and waits for it to die.
   *
   * @return whether it was still running its migration when killed
   */
  boolean kill() {
    boolean interrupted = process.isAlive() && !ended && lines.stream().noneMatch(
        line -> line.startsWith(MigrationRunnerMain.ENDED));
    process.destroyForcibly();
    waitFor();
    return interrupted;
  }

  /** Waits for the runner to exit; its exit code. */
  int waitFor() {
    try {
      if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the runner did not exit; its log:\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the runner wrote on its error output, for failure messages. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  private String nextLine() {
    try {
      String line = lines.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("the runner said nothing for " + PATIENCE + "; its log:\n" + log());
      }
      if (line.equals(CLOSED)) {
        lines.add(CLOSED);
        throw new AssertionError("the runner exited with " + waitFor()
            + " before its run ended; its log:\n" + log());
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void pump() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the runner was killed mid-line; what it said before is in the queue
    } finally {
      lines.add(CLOSED);
    }
  }
}
