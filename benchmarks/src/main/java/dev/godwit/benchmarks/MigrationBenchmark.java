package dev.godwit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every strategy on every backfill of one database, on a freshly loaded table each time, with
 * the concurrent writer running throughout, and checks that each left every row it was given right.
 */
final class MigrationBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationBenchmark.class);

  private final Settings settings;

  MigrationBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * Every strategy, in the order they run: the ceiling first, so every ratio has its base.
   *
   * @param tunedBatchSize Godwit's tuned batch
   */
  static List<Strategy> allStrategies(int tunedBatchSize) {
    int small = Settings.SMALL_BATCH_SIZE;
    return List.of(
        new SetBasedUpdate(),
        GodwitStrategy.defaults(),
        GodwitStrategy.tuned(small),
        GodwitStrategy.tuned(tunedBatchSize),
        new KeysetJdbcLoop(small),
        new NaiveLoop(),
        new SpringBatchStrategy(small),
        new SpringBatchStrategy(Settings.LARGE_BATCH_SIZE));
  }

  /** The strategies of the kinds this run measures. */
  List<Strategy> strategies() {
    return allStrategies(settings.tunedBatchSize()).stream()
        .filter(strategy -> settings.strategies().contains(strategy.kind())).toList();
  }

  /**
   * Measures every strategy on every backfill, after a warm-up pass of each on a small table (none in
   * quick mode). With several rounds the strategies take turns round after round, so that a spell of
   * load on the machine falls on all of them, and each keeps its median run.
   */
  List<Measurement> run(BenchDatabase database) throws Exception {
    if (settings.warmUpRows() > 0) {
      for (Backfill backfill : settings.backfills()) {
        for (Strategy strategy : strategies()) {
          measure(database, backfill, strategy, settings.warmUpRows());
        }
      }
    }
    Map<List<Object>, List<Measurement>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (Backfill backfill : settings.backfills()) {
        for (Strategy strategy : strategies()) {
          Measurement measurement = measure(database, backfill, strategy, settings.rows());
          LOG.info("{}, {}, {}, round {}: {} rows/s, {} µs of CPU per row",
              database.backend().label(), backfill.label(), strategy.name(), round,
              Math.round(measurement.rowsPerSecond()),
              String.format(Locale.ROOT, "%.2f", measurement.cpuMicrosPerRow()));
          runs.computeIfAbsent(List.of(backfill, strategy), key -> new ArrayList<>())
              .add(measurement);
        }
      }
    }
    return runs.values().stream().map(MigrationBenchmark::median).toList();
  }

  private static Measurement median(List<Measurement> runs) {
    List<Measurement> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(Measurement::seconds));
    return sorted.get(sorted.size() / 2);
  }

  private Measurement measure(BenchDatabase database, Backfill backfill, Strategy strategy,
      long tableRows) throws Exception {
    database.load(tableRows);
    long upTo = strategy.kind() == Strategy.Kind.NAIVE_LOOP
        ? Math.min(tableRows, settings.naiveRows()) : tableRows;
    long changed;
    double seconds;
    ConcurrentWriter.Stats writes;
    double heap;
    double cpuSeconds;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (HeapProbe probe = HeapProbe.start()) {
      ConcurrentWriter writer =
          ConcurrentWriter.start(database.direct(), tableRows, settings.writerRate());
      try {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        changed = strategy.run(database, backfill, upTo);
        seconds = (System.nanoTime() - start) / 1e9;
        cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      } finally {
        writes = writer.stop();
      }
      heap = probe.peakMebibytes();
    }
    check(database, backfill, strategy.name(), upTo, changed);
    return new Measurement(database.backend(), backfill, strategy, changed, seconds, cpuSeconds,
        writes, heap);
  }

  /**
   * Fails unless the strategy left each of the first {@code upTo} rows filled with the right value
   * and said it changed that many.
   *
   * @param strategy the strategy's name
   * @throws IllegalStateException naming what is wrong: its figures would mean nothing
   */
  static void check(BenchDatabase database, Backfill backfill, String strategy, long upTo,
      long changed) throws Exception {
    long remaining = database.remaining(backfill, upTo);
    long wrong = database.wrong(backfill);
    if (remaining != 0 || wrong != 0 || changed != upTo) {
      throw new IllegalStateException(strategy + " left " + remaining + " of " + upTo
          + " rows without " + backfill.column() + " and " + wrong + " with a wrong value, changing "
          + changed + "; the strategy is broken, so its figures would mean nothing");
    }
  }
}
