package dev.godwit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: measures Godwit's migrations against the alternatives on the same data in the
 * same run, its heap as the table grows, adaptive batches and several workers, the processor's compile time and the dual-read accessor, and
 * prints a Markdown report with every target's ratio. See {@code BENCHMARKS.md} at the repository root.
 */
@Command(name = "benchmarks/run.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measures Godwit's migrations, heap, processor and accessors; prints a Markdown report.")
public final class BenchmarkMain implements Callable<Integer> {

  /** The parts of the harness, each selectable on its own. */
  enum Section {
    MIGRATIONS,
    HEAP,
    SCALE,
    COMPILE,
    ACCESSOR
  }

  @Option(names = "--quick", description = "A smoke run of seconds: small table, short JMH in-process.")
  private boolean quick;

  @Option(names = "--rows", description = "Rows of the table (default 1,000,000; quick: 2,000).")
  private Long rows;

  @Option(names = "--naive-rows",
      description = "Rows the naive loop is timed on (default 20,000; quick: every row).")
  private Long naiveRows;

  @Option(names = "--rounds", defaultValue = "1",
      description = "Runs of each strategy, taking turns; the median is reported (default ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--writer-rate", defaultValue = "200",
      description = "Updates per second of the concurrent writer (default ${DEFAULT-VALUE}).")
  private int writerRate;

  @Option(names = "--tuned-batch-size", defaultValue = "10000",
      description = "Godwit's tuned batch (default ${DEFAULT-VALUE}); Godwit also runs with its"
          + " default batch (1000) and with batches of 100, Spring Batch with chunks of 100 and 1000.")
  private int tunedBatchSize;

  @Option(names = "--compile-entities",
      description = "Entities the compile benchmark generates (default 200; quick: 10).")
  private Integer compileEntities;

  @Option(names = "--databases", split = ",", defaultValue = "POSTGRES,MARIADB,H2",
      description = "Databases to measure on: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  private List<Backend> backends;

  @Option(names = "--strategies", split = ",",
      defaultValue = "SET_BASED,GODWIT,KEYSET_LOOP,NAIVE_LOOP,SPRING_BATCH",
      description = "Strategies to run: ${COMPLETION-CANDIDATES} (default: all). Ratios need SET_BASED.")
  private Set<Strategy.Kind> strategies;

  @Option(names = "--backfills", split = ",", defaultValue = "PLAN,SEATS",
      description = "Backfills to run: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  private List<Backfill> backfills;

  @Option(names = "--scale-rows",
      description = "Rows of the table of the scale section's runs (default: --rows).")
  private Long scaleRows;

  @Option(names = "--scale-heap-rows",
      description = "Rows of the table the most workers' heap is measured on (default 10,000,000;"
          + " quick: 10 times --scale-rows).")
  private Long scaleHeapRows;

  @Option(names = "--writer-steps", split = ",", defaultValue = "100,1000",
      description = "The scale section's stepping writer: updates/s of each step (default"
          + " ${DEFAULT-VALUE}), taken in turn over and over.")
  private List<Integer> writerSteps;

  @Option(names = "--writer-step-seconds",
      description = "How long each step of the stepping writer lasts (default 2; quick: 0.1).")
  private Double writerStepSeconds;

  @Option(names = "--target-batch-ms", defaultValue = "50",
      description = "The adaptive run's target duration of a batch (default ${DEFAULT-VALUE}).")
  private int targetBatchMillis;

  @Option(names = "--adaptive-batch-range", split = ",", defaultValue = "100,10000",
      description = "The adaptive run's smallest and largest batch (default ${DEFAULT-VALUE}); it"
          + " starts at Godwit's default batch.")
  private List<Integer> adaptiveRange;

  @Option(names = "--workers", split = ",", defaultValue = "1,2,4",
      description = "Runners in the scale section (default ${DEFAULT-VALUE}): workers of one"
          + " migration, and above 1 as many migrations on hand-split ranges too; ratios are to 1"
          + " runner, and the most workers also run the heap's run.")
  private List<Integer> workerCounts;

  @Option(names = "--sections", split = ",",
      defaultValue = "MIGRATIONS,HEAP,SCALE,COMPILE,ACCESSOR",
      description = "What to measure: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  private Set<Section> sections = EnumSet.allOf(Section.class);

  @Option(names = "--report", description = "Also write the report to this file.")
  private Path reportFile;

  /**
   * Runs the harness.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the harness without exiting the JVM.
   *
   * @param args the options
   * @return the exit code: 0 when every section ran, 1 when one failed, 2 on bad usage
   */
  static int execute(String... args) {
    return new CommandLine(new BenchmarkMain()).setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = settings();
    ScaleSettings scaleSettings = scaleSettings(settings);
    Report report = new Report(settings);
    report.machine(String.format(Locale.ROOT, "Machine: %d cores seen by the JVM, %s %s, Java %s,"
            + " max heap %d MiB, started with %s", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments()));
    Path workDir = Files.createTempDirectory("godwit-benchmarks");
    try {
      if (sections.contains(Section.MIGRATIONS) || sections.contains(Section.HEAP)
          || sections.contains(Section.SCALE)) {
        for (Backend backend : settings.backends()) {
          try (BenchDatabase database = backend.open(workDir)) {
            report.machine(backend.label() + ": " + database.version());
            if (sections.contains(Section.MIGRATIONS)) {
              report.add(new MigrationBenchmark(settings).run(database));
            }
            if (sections.contains(Section.HEAP) && backend == settings.backends().get(0)) {
              report.heap(backend, new HeapBenchmark(settings).run(database));
            }
            if (sections.contains(Section.SCALE) && backend == settings.backends().get(0)) {
              report.scale(scaleSettings,
                  new ScaleBenchmark(settings, scaleSettings).run(database));
            }
          }
        }
      }
      if (sections.contains(Section.COMPILE)) {
        report.compile(new CompileBenchmark(settings).run(workDir));
      }
      if (sections.contains(Section.ACCESSOR)) {
        report.accessor(new AccessorBenchmark(settings).run());
      }
    } finally {
      deleteRecursively(workDir);
    }
    String text = report.render();
    System.out.println(text);
    if (reportFile != null) {
      Files.createDirectories(reportFile.toAbsolutePath().getParent());
      Files.writeString(reportFile, text);
    }
    return 0;
  }

  private Settings settings() {
    long tableRows = rows != null ? rows : quick ? 2_000 : 1_000_000;
    boolean entitiesValid = compileEntities == null || compileEntities > 0;
    if (tableRows <= 0 || rounds <= 0 || !entitiesValid || writerRate <= 0 || tunedBatchSize <= 0) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--rows, --rounds, --compile-entities,"
          + " --writer-rate and --tuned-batch-size must be positive; pass a number above 0.");
    }
    long naive = naiveRows != null ? naiveRows : quick ? tableRows : 20_000;
    return new Settings(tableRows, naive, quick ? 0 : Math.min(tableRows, 100_000), rounds,
        writerRate,
        tunedBatchSize, List.copyOf(backends), Set.copyOf(strategies), List.copyOf(backfills),
        compileEntities != null ? compileEntities : quick ? 10 : 200, quick ? 1 : 5, quick);
  }

  private ScaleSettings scaleSettings(Settings settings) {
    long tableRows = scaleRows != null ? scaleRows : settings.rows();
    long heapRows = scaleHeapRows != null ? scaleHeapRows : quick ? 10 * tableRows : 10_000_000;
    double stepSeconds = writerStepSeconds != null ? writerStepSeconds : quick ? 0.1 : 2;
    boolean valid = tableRows > 0 && heapRows > 0 && stepSeconds > 0 && targetBatchMillis > 0
        && !writerSteps.isEmpty() && writerSteps.stream().allMatch(rate -> rate > 0)
        && !workerCounts.isEmpty() && workerCounts.stream().allMatch(count -> count > 0)
        && adaptiveRange.size() == 2 && adaptiveRange.get(0) > 0
        && adaptiveRange.get(1) >= adaptiveRange.get(0);
    if (!valid) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--scale-rows,"
          + " --scale-heap-rows, --writer-steps, --writer-step-seconds, --target-batch-ms and"
          + " --workers must be positive and --adaptive-batch-range two sizes, the smaller first;"
          + " pass numbers above 0.");
    }
    return new ScaleSettings(tableRows, heapRows, writerSteps, stepSeconds,
        Duration.ofMillis(targetBatchMillis), adaptiveRange.get(0), adaptiveRange.get(1),
        workerCounts);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
