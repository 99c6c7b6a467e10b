package dev.godwit.benchmarks;

import dev.godwit.runtime.Assignment;
import dev.godwit.runtime.Condition;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.Verification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Godwit at scale on one database: batches of a fixed size against batches that adapt to a target
 * duration while the concurrent writer's rate steps up and down; one migration run by 1, 2, 4…
 * workers, with where the machine's CPU went; and the peak heap of the most workers on a large
 * table. Each run starts from a freshly loaded table and is checked like the migrations section's;
 * with several rounds the configurations take turns and each keeps its median run.
 */
final class ScaleBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(ScaleBenchmark.class);

  /**
   * One period of the writer's schedule during a run: a step, taken once.
   *
   * @param rate the writer's updates per second in the period
   * @param seconds how long the run spent in the period
   * @param rows rows of the batches that committed in the period
   * @param writer what the writer saw in the period
   * @param batchSizes rows of each batch that committed in the period, in order
   */
  record Phase(int rate, double seconds, long rows, ConcurrentWriter.Stats writer,
      List<Long> batchSizes) {

    /** Rows migrated per second in the period; NaN if the run spent no time in it. */
    double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : Double.NaN;
    }
  }

  /**
   * A run with batches of one kind while the writer steps.
   *
   * @param backfill the backfill
   * @param batching how its batches were sized, for the report
   * @param rows rows changed
   * @param seconds elapsed
   * @param writer what the writer saw over the whole run
   * @param phases each period of the writer's schedule, in order
   */
  record BatchingRun(Backfill backfill, String batching, long rows, double seconds,
      ConcurrentWriter.Stats writer, List<Phase> phases) {

    double rowsPerSecond() {
      return rows / seconds;
    }

    /** Rows of each batch that committed, in order. */
    List<Long> batchSizes() {
      return phases.stream().flatMap(phase -> phase.batchSizes().stream()).toList();
    }
  }

  /** How a run shares one backfill among several runners. */
  enum Sharing {
    /** One migration, several workers of it ({@code RunOptions.withWorkers}). */
    WORKERS("workers of one migration"),
    /**
     * What a team does without workers: the key space cut by hand into equal ranges, one migration
     * per range (each its own name and state row), run at once on as many threads.
     */
    HAND_SPLIT("migrations on ranges split by hand");

    private final String label;

    Sharing(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * A run with several workers or hand-split migrations, or the note that this build cannot make it.
   *
   * @param backfill the backfill
   * @param sharing how the runners share the backfill
   * @param workers how many runners
   * @param rows rows changed
   * @param seconds elapsed
   * @param writer what the steady writer saw
   * @param cpu where the machine's CPU went meanwhile
   * @param walBytes bytes of write-ahead log written meanwhile; -1 unknown
   */
  record WorkerRun(Backfill backfill, Sharing sharing, int workers, long rows,
      double seconds, ConcurrentWriter.Stats writer, CpuMeter.Usage cpu, long walBytes) {

    double rowsPerSecond() {
      return rows / seconds;
    }

    /** Microseconds of this JVM's CPU per row. */
    double jvmMicrosPerRow() {
      return cpu.jvmCpuSeconds() * 1e6 / rows;
    }

    /** Microseconds of the server's CPU per row; NaN unknown. */
    double serverMicrosPerRow() {
      return cpu.serverCpuSeconds() * 1e6 / rows;
    }

    /** Bytes of write-ahead log per row; NaN unknown. */
    double walBytesPerRow() {
      return walBytes < 0 ? Double.NaN : (double) walBytes / rows;
    }
  }

  /**
   * The peak heap of a run with several workers, sampled after forced collections.
   *
   * @param backfill the backfill
   * @param workers how many
   * @param rows rows of the table
   * @param peakMebibytes the peak
   */
  record HeapRun(Backfill backfill, int workers, long rows, double peakMebibytes) {}

  /**
   * Everything the section measured on one database.
   *
   * @param backend the database
   * @param batching the fixed and adaptive runs, each backfill's fixed default first
   * @param workers the worker runs and the hand-split ones, each backfill's first worker count
   *     first
   * @param heap the heap runs
   */
  record Result(Backend backend, List<BatchingRun> batching, List<WorkerRun> workers,
      List<HeapRun> heap) {}

  private final Settings settings;
  private final ScaleSettings scale;

  ScaleBenchmark(Settings settings, ScaleSettings scale) {
    this.settings = settings;
    this.scale = scale;
  }

  /** The batching runs' names and options, the fixed default (the baseline) first. */
  List<String> batchingNames() {
    return List.of(fixedName(Migration.DEFAULT_BATCH_SIZE) + " (default)",
        fixedName(settings.tunedBatchSize()), adaptiveName());
  }

  private static String fixedName(int batchSize) {
    return "fixed, batch " + batchSize;
  }

  private String adaptiveName() {
    return String.format(Locale.ROOT, "adaptive, target %d ms, from %d within %d–%d",
        scale.targetBatchDuration().toMillis(), Migration.DEFAULT_BATCH_SIZE, scale.minBatchSize(),
        scale.maxBatchSize());
  }

  private List<RunOptions> batchingOptions() {
    RunOptions defaults = RunOptions.defaults();
    return List.of(defaults, defaults.withBatchSize(settings.tunedBatchSize()),
        defaults.withBatchSize(Migration.DEFAULT_BATCH_SIZE).withAdaptiveBatches(
            scale.targetBatchDuration(), scale.minBatchSize(), scale.maxBatchSize()));
  }

  /**
   * Measures every configuration on every backfill, after a warm-up pass of each runner count on a
   * small table (none in quick mode).
   *
   * @throws IllegalStateException if a run left a row unmigrated or wrong, or did not succeed
   */
  Result run(BenchDatabase database) throws Exception {
    CpuMeter cpu = new CpuMeter(database.serverPid());
    if (settings.warmUpRows() > 0) {
      for (Backfill backfill : settings.backfills()) {
        for (int count : scale.workerCounts()) {
          database.load(Math.min(scale.rows(), settings.warmUpRows()));
          GodwitStrategy.run(database, backfill, RunOptions.defaults().withWorkers(count));
        }
      }
    }
    Map<List<Object>, List<BatchingRun>> batching = new LinkedHashMap<>();
    Map<List<Object>, List<WorkerRun>> workers = new LinkedHashMap<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (Backfill backfill : settings.backfills()) {
        List<String> names = batchingNames();
        List<RunOptions> options = batchingOptions();
        for (int i = 0; i < names.size(); i++) {
          BatchingRun run = batching(database, backfill, names.get(i), options.get(i));
          LOG.info("{}, {}, {}, round {}: {} rows/s", database.backend().label(), backfill.label(),
              run.batching(), round, Math.round(run.rowsPerSecond()));
          batching.computeIfAbsent(List.of(backfill, i), key -> new ArrayList<>()).add(run);
        }
        for (Sharing sharing : Sharing.values()) {
          for (int count : scale.workerCounts()) {
            if (sharing == Sharing.HAND_SPLIT && count == 1) {
              continue; // one range is the one worker's run
            }
            WorkerRun run = shared(database, cpu, backfill, sharing, count);
            LOG.info("{}, {}, {} {}, round {}: {} rows/s", database.backend().label(),
                backfill.label(), count, sharing.label(), round,
                Math.round(run.rowsPerSecond()));
            workers.computeIfAbsent(List.of(backfill, sharing, count), key -> new ArrayList<>())
                .add(run);
          }
        }
      }
    }
    List<HeapRun> heap = new ArrayList<>();
    for (Backfill backfill : settings.backfills()) {
      int most = scale.mostWorkers();
      heap.add(heap(database, backfill, most, scale.rows()));
      heap.add(heap(database, backfill, most, scale.heapRows()));
    }
    return new Result(database.backend(),
        batching.values().stream().map(runs -> median(runs, BatchingRun::seconds)).toList(),
        workers.values().stream().map(runs -> median(runs, WorkerRun::seconds)).toList(), heap);
  }

  /** The run of median duration: with several rounds, each configuration's typical one. */
  private static <R> R median(List<R> runs, ToDoubleFunction<R> seconds) {
    List<R> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(seconds));
    return sorted.get(sorted.size() / 2);
  }

  private BatchingRun batching(BenchDatabase database, Backfill backfill, String name,
      RunOptions options) throws Exception {
    database.load(scale.rows());
    List<long[]> progress = new CopyOnWriteArrayList<>();
    RunOptions listened = options.withListener(
        status -> progress.add(new long[] {System.nanoTime(), status.rowsVisited()}));
    ConcurrentWriter writer = ConcurrentWriter.start(database.direct(), scale.rows(), scale.schedule());
    long changed;
    long end;
    ConcurrentWriter.Stats writes;
    try {
      changed = GodwitStrategy.run(database, backfill, listened);
      end = System.nanoTime();
    } finally {
      writes = writer.stop();
    }
    MigrationBenchmark.check(database, backfill, name, scale.rows(), changed);
    long start = writer.startNanos();
    WriterSchedule schedule = writer.schedule();
    List<ConcurrentWriter.Stats> periodWrites = writer.periods();
    int periods = Math.max(schedule.periodAt(end - start) + 1, periodWrites.size());
    List<List<Long>> sizes = new ArrayList<>();
    for (int period = 0; period < periods; period++) {
      sizes.add(new ArrayList<>());
    }
    long before = 0;
    for (long[] event : progress) {
      long size = event[1] - before;
      before = Math.max(before, event[1]);
      if (size > 0) {
        sizes.get(schedule.periodAt(event[0] - start)).add(size);
      }
    }
    List<Phase> phases = new ArrayList<>();
    for (int period = 0; period < periods; period++) {
      long from = start + period * schedule.stepNanos();
      long to = Math.min(end, from + schedule.stepNanos());
      List<Long> inPeriod = sizes.get(period);
      phases.add(new Phase(schedule.rate(period), Math.max(0, to - from) / 1e9,
          inPeriod.stream().mapToLong(Long::longValue).sum(),
          period < periodWrites.size() ? periodWrites.get(period)
              : new ConcurrentWriter.Stats(0, 0, 0, 0, 0),
          List.copyOf(inPeriod)));
    }
    return new BatchingRun(backfill, name, changed, (end - start) / 1e9, writes, phases);
  }

  private WorkerRun shared(BenchDatabase database, CpuMeter cpu, Backfill backfill,
      Sharing sharing, int count) throws Exception {
    database.load(scale.rows());
    OptionalLong walBefore = database.walPosition();
    CpuMeter.Sample before = cpu.sample();
    ConcurrentWriter writer =
        ConcurrentWriter.start(database.direct(), scale.rows(), settings.writerRate());
    try {
      long start = System.nanoTime();
      long changed = sharing == Sharing.WORKERS
          ? GodwitStrategy.run(database, backfill, RunOptions.defaults().withWorkers(count))
          : runSplit(database, backfill.migration(), count);
      CpuMeter.Usage usage = cpu.since(before);
      double seconds = (System.nanoTime() - start) / 1e9;
      ConcurrentWriter.Stats writes = writer.stop();
      OptionalLong walAfter = database.walPosition();
      long wal = walBefore.isPresent() && walAfter.isPresent()
          ? walAfter.getAsLong() - walBefore.getAsLong() : -1;
      MigrationBenchmark.check(database, backfill, count + " " + sharing.label(), scale.rows(),
          changed);
      return new WorkerRun(backfill, sharing, count, changed, seconds, writes, usage, wal);
    } finally {
      writer.close();
    }
  }

  /**
   * Runs {@code parts} migrations at once, each over an equal share of the ids {@code 1..rows} (the
   * workload's keys are exactly those, so equal shares of ids are equal shares of rows).
   *
   * @return the rows they changed together
   */
  private long runSplit(BenchDatabase database, Migration<Team> whole, int parts)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(parts);
    try {
      List<Future<Long>> runs = new ArrayList<>();
      for (int part = 0; part < parts; part++) {
        Migration<Team> migration = part(whole, part, parts, scale.rows());
        runs.add(threads.submit(() -> GodwitStrategy.run(database, migration, RunOptions.defaults())));
      }
      long changed = 0;
      for (Future<Long> run : runs) {
        changed += run.get();
      }
      return changed;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The migration of one share of the ids, as its own migration with its own name. */
  @SuppressWarnings("unchecked")
  private static Migration<Team> part(Migration<Team> whole, int part, int parts, long rows) {
    long from = rows * part / parts;
    long to = rows * (part + 1) / parts;
    Condition<Team> range = whole.range().and(TeamTable.ID.gt(from)).and(TeamTable.ID.le(to));
    String name = whole.name() + ".part" + (part + 1);
    Migration.Builder<Team> builder = Migration.on(whole.table(), name)
        .batchSize(whole.batchSize()).range(range)
        .verifiedBy(Verification.of(whole.table(), name, range));
    return whole.inDatabase()
        ? builder.migrateInDatabase(whole.assignments().toArray(Assignment[]::new))
        : builder.migrateOne(whole.rowMigration());
  }

  private HeapRun heap(BenchDatabase database, Backfill backfill, int workers, long rows)
      throws Exception {
    database.load(rows);
    try (HeapProbe probe = HeapProbe.startForcingCollections()) {
      long changed = GodwitStrategy.run(database, backfill,
          RunOptions.defaults().withWorkers(workers));
      MigrationBenchmark.check(database, backfill, workers + " workers", rows, changed);
      return new HeapRun(backfill, workers, rows, probe.peakMebibytes());
    }
  }

}
