package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.runtime.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run in another JVM, as an operator's terminal or a deploy job would start it, stopped from this
 * one through the state table alone.
 */
class CancelAcrossProcessesTest {

  private static final long PROCESS_TIMEOUT_SECONDS = 90;

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void cancelFromTheCommandLineStopsARunInAnotherProcess(TestDatabase kind) throws Exception {
    try (CliDatabase database = CliDatabase.shared(kind, folder)) {
      Process runner = startRunOf300Rows(database);
      try {
        Cli.Result cancel = Cli.run(database.args("cancel", "slow.touch"));

        assertEquals(Godwit.EXIT_DONE, cancel.exitCode(), cancel::toString);
        String out = awaitExit(runner);
        assertEquals(Godwit.EXIT_STOPPED, runner.exitValue(), out);
        assertTrue(out.contains("slow.touch: CANCELED after "), out);
        assertEquals("CANCELED", database.recordedState("slow.touch"));
        assertTrue(database.count("SELECT COUNT(*) FROM slow_items WHERE touched IS NULL") > 0);
      } finally {
        runner.destroyForcibly();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anInterruptedRunPausesAfterItsCurrentBatch(TestDatabase kind) throws Exception {
    try (CliDatabase database = CliDatabase.shared(kind, folder)) {
      Process runner = startRunOf300Rows(database);
      try {
        runner.destroy();

        String out = awaitExit(runner);
        assertTrue(out.contains("slow.touch: PAUSED after "), out);
        assertEquals("PAUSED", database.recordedState("slow.touch"));
        Cli.Result resumed = Cli.run(database.args("run", "slow.touch", "--batch-size", "100"));
        assertEquals(Godwit.EXIT_DONE, resumed.exitCode(), resumed::toString);
        assertEquals(0, database.count("SELECT COUNT(*) FROM slow_items WHERE touched IS NULL"));
      } finally {
        runner.destroyForcibly();
      }
    }
  }

  @Test
  void anInterruptedRunOnAnEmbeddedH2FileKeepsItsPausedState() throws Exception {
    // Only the runner opens the file, so its last commits reach the disk only if it closes it.
    CliDatabase database = CliDatabase.create(TestDatabase.H2, folder);
    database.createItems(300);
    Process runner = start(database);
    try {
      awaitLogLine("slow.touch: 1/300 rows", runner);

      runner.destroy();

      String out = awaitExit(runner);
      assertTrue(out.contains("slow.touch: PAUSED after "), out);
      assertEquals("PAUSED", database.recordedState("slow.touch"));
    } finally {
      runner.destroyForcibly();
    }
  }

  /**
   * {@code godwit run slow.touch} over 300 rows in a new JVM, one row per batch with a pause after
   * each, returned once its first batch has committed.
   */
  private Process startRunOf300Rows(CliDatabase database) throws IOException, InterruptedException {
    database.createItems(300);
    Process runner = start(database);
    try {
      StatusCommandTest.awaitRunning(database, runner::isAlive);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the runner said:\n" + Files.readString(log()), e);
    }
    return runner;
  }

  private Process start(CliDatabase database) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Godwit.class.getName()));
    command.addAll(List.of(database.args("run", "slow.touch", "--pause", "100ms")));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log().toFile())
        .start();
  }

  private void awaitLogLine(String start, Process runner) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline && runner.isAlive()) {
      if (Files.readString(log()).lines().anyMatch(line -> line.startsWith(start))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the runner never printed '" + start + "'; it said:\n" + Files.readString(log()));
  }

  private String awaitExit(Process runner) throws IOException, InterruptedException {
    assertTrue(runner.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the runner should stop");
    return Files.readString(log(), StandardCharsets.UTF_8);
  }

  private Path log() {
    return folder.resolve("runner.log");
  }
}
