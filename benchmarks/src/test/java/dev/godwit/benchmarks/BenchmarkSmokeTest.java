package dev.godwit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's quick mode, end to end on H2: every strategy migrates every row it is given (the
 * harness fails otherwise) and the report holds every section; and the scale section's bookkeeping:
 * rows, batch sizes and the writer's steps add up. Timings are not checked: benchmarks are not tests.
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
        "## Adaptive against fixed batches while the writer's rate steps (H2)",
        "## Workers on one migration (H2)", "## Heap of workers on one migration (H2",
        "## Compiling 2 entities", "## Dual-read accessor", "## Targets"}) {
      assertTrue(text.contains(section), section + " is missing:\n" + text);
    }
    assertTrue(text.contains("| plan (Java method) | 1 | one runner | 500 |"), text);
    for (int workers : new int[] {2, 4}) {
      assertTrue(text.contains("| plan (Java method) | " + workers + " | workers of one migration | "
              + "500 |"),
          workers + " workers are missing:\n" + text);
      assertTrue(text.contains("| plan (Java method) | " + workers
          + " | migrations on ranges split by hand | 500 |"), text);
    }
  }

  @Test
  void scaleSectionAccountsForEveryRowBatchAndWriterStep(@TempDir Path folder) throws Exception {
    long rows = 3_000;
    Settings settings = new Settings(rows, rows, 0, 1, 200, 700, List.of(Backend.H2),
        Set.of(Strategy.Kind.GODWIT), List.of(Backfill.PLAN), 1, 1, true);
    ScaleSettings scale = new ScaleSettings(rows, 2 * rows, List.of(100, 1000, 300), 0.05,
        Duration.ofMillis(5), 150, 2_000, List.of(1, 2, 4));

    ScaleBenchmark.Result result;
    try (BenchDatabase database = Backend.H2.open(folder)) {
      result = new ScaleBenchmark(settings, scale).run(database);
    }

    List<ScaleBenchmark.BatchingRun> batching = result.batching();
    assertEquals(3, batching.size());
    for (ScaleBenchmark.BatchingRun run : batching) {
      assertEquals(rows, run.rows(), run.batching());
      List<Long> sizes = run.batchSizes();
      assertEquals(rows, sizes.stream().mapToLong(Long::longValue).sum(), run.batching() + sizes);
      assertEquals(rows, run.phases().stream().mapToLong(ScaleBenchmark.Phase::rows).sum());
      assertEquals(run.writer().updates(),
          run.phases().stream().mapToLong(phase -> phase.writer().updates()).sum());
      for (int period = 0; period < run.phases().size(); period++) {
        assertEquals(List.of(100, 1000, 300).get(period % 3), run.phases().get(period).rate());
      }
    }
    assertEquals(List.of(1000L, 1000L, 1000L), batching.get(0).batchSizes());
    assertEquals(List.of(700L, 700L, 700L, 700L, 200L), batching.get(1).batchSizes());
    List<Long> adaptive = batching.get(2).batchSizes();
    assertEquals(Migration.DEFAULT_BATCH_SIZE, adaptive.get(0));
    for (int i = 1; i < adaptive.size() - 1; i++) {
      long size = adaptive.get(i);
      long previous = adaptive.get(i - 1);
      assertTrue(size >= 150 && size <= 2_000 && size <= 2 * previous && 2 * size >= previous,
          "batch " + i + " of " + adaptive);
    }

    assertEquals(List.of("WORKERS 1", "WORKERS 2", "WORKERS 4", "HAND_SPLIT 2", "HAND_SPLIT 4"),
        result.workers().stream().map(run -> run.sharing() + " " + run.workers()).toList());
    for (ScaleBenchmark.WorkerRun run : result.workers()) {
      assertEquals(rows, run.rows());
      assertTrue(run.writer().updates() > 0 && run.writer().errors() == 0, run.writer().toString());
    }
    assertEquals(List.of(rows, 2 * rows),
        result.heap().stream().map(ScaleBenchmark.HeapRun::rows).toList());
    assertTrue(result.heap().stream().allMatch(run -> run.workers() == 4));
  }
}
