package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run shows a redrawn progress bar on a terminal, and plain lines anywhere else. */
class ProgressDisplayTest {

  @TempDir Path folder;

  @Test
  void onATerminalARunShowsAProgressBarWithRateAndTimeLeft() {
    CliDatabase database = CliDatabase.create(TestDatabase.H2, folder);
    database.createItems(20);

    Cli.Result result = Cli.run(Map.of(), true, database.args("run", "slow.touch", "--pause", "20ms"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertTrue(result.out().contains("\rslow.touch"), result::toString);
    // Each redraw starts with a carriage return; the bar's last line ends with the run's last frame.
    String finalBar = Arrays.stream(result.out().split("\n"))
        .filter(line -> line.contains("\r"))
        .reduce((a, b) -> b).orElseThrow();
    String lastFrame = finalBar.substring(finalBar.lastIndexOf('\r') + 1);
    assertTrue(lastFrame.matches("slow\\.touch 100% \\[=+\\] 20/20 rows "
        + "\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\) [\\d.?]+ rows/s, 20 changed *"), lastFrame);
    assertTrue(result.out().endsWith("slow.touch: SUCCEEDED, 20/20 rows visited, 20 changed\n"),
        result::toString);
  }

  @Test
  void elsewhereARunPrintsPlainLines() {
    CliDatabase database = CliDatabase.create(TestDatabase.H2, folder);
    database.createItems(20);

    Cli.Result result = Cli.run(database.args("run", "slow.touch"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertFalse(result.out().contains("\r"), result::toString);
    assertTrue(result.out().lines().anyMatch(
        line -> line.matches("slow\\.touch: 1/20 rows \\(5\\.0%\\), .*1 changed")), result::toString);
    assertTrue(result.out().lines().anyMatch(
        line -> line.matches("slow\\.touch: 10/20 rows \\(50\\.0%\\), .*10 changed")), result::toString);
  }
}
