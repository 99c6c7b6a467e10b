package dev.godwit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's quick mode, end to end on H2: every strategy migrates every row it is given (the
 * harness fails otherwise) and the report holds every section. Timings are not checked: benchmarks
 * are not tests.
 */
class BenchmarkSmokeTest {

  @Test
  void quickModeMeasuresEveryStrategyAndReportsEveryTarget(@TempDir Path folder) throws Exception {
    Path report = folder.resolve("report.md");

    int exitCode = BenchmarkMain.execute("--quick", "--rows", "500", "--compile-entities", "2",
        "--databases", "h2", "--tuned-batch-size", "250",
        "--report", report.toString());

    assertEquals(0, exitCode);
    String text = Files.readString(report);
    for (Strategy strategy : MigrationBenchmark.allStrategies(250)) {
      assertTrue(text.contains("| " + strategy.name() + " |"), strategy.name() + " is missing:\n" + text);
    }
    for (String section : new String[] {"## H2", "## Heap of Godwit's runs on H2",
        "## Compiling 2 entities", "## Dual-read accessor", "## Targets"}) {
      assertTrue(text.contains(section), section + " is missing:\n" + text);
    }
  }
}
