package dev.godwit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether Godwit's heap stays flat as the table grows: each backfill's generated migration, with
 * default options, on the table and on ten times the table, with the heap sampled after periodic
 * collections. Runs without the concurrent writer, since those collections would distort its
 * latencies.
 */
final class HeapBenchmark {

  /**
   * One backfill's peak heap at both sizes.
   *
   * @param backfill the backfill
   * @param rows the smaller table
   * @param peakMebibytes the peak on {@code rows} rows
   * @param peakAtTenTimesMebibytes the peak on ten times as many
   */
  record Result(Backfill backfill, long rows, double peakMebibytes, double peakAtTenTimesMebibytes) {

    /** How many times larger the peak is on the larger table: 1 is flat. */
    double growth() {
      return peakAtTenTimesMebibytes / peakMebibytes;
    }
  }

  private final Settings settings;

  HeapBenchmark(Settings settings) {
    this.settings = settings;
  }

  List<Result> run(BenchDatabase database) throws Exception {
    List<Result> results = new ArrayList<>();
    for (Backfill backfill : settings.backfills()) {
      results.add(new Result(backfill, settings.rows(), peak(database, backfill, settings.rows()),
          peak(database, backfill, settings.rows() * 10)));
    }
    return results;
  }

  private static double peak(BenchDatabase database, Backfill backfill, long rows) throws Exception {
    database.load(rows);
    try (HeapProbe probe = HeapProbe.startForcingCollections()) {
      long changed = GodwitStrategy.defaults().run(database, backfill, rows);
      if (changed != rows) {
        throw new IllegalStateException("Godwit changed " + changed + " of " + rows + " rows");
      }
      return probe.peakMebibytes();
    }
  }
}
