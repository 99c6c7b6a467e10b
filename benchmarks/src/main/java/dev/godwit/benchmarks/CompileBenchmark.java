package dev.godwit.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's cost at compile time: entities shaped like users' (a rename, a type change computed
 * by a method, a constant default, a field deprecated for removal) are generated as sources and
 * compiled in-process by {@link JavaCompiler}, with the processor and without it, the kinds
 * interleaved after warm-up rounds. Without it, javac compiles the same entities together with the
 * classes the processor generates, written out beforehand: the difference is the processor's own
 * work. Javac on the entities alone is measured too, for what a build costs in all.
 */
final class CompileBenchmark {

  /** The median time of each kind of compilation, in milliseconds. */
  record Result(int entities, int repetitions, double processorMillis, double plainSameClassesMillis,
      double plainEntitiesOnlyMillis) {

    /** Time with the processor over plain javac compiling the same classes: the processor's overhead. */
    double overhead() {
      return processorMillis / plainSameClassesMillis;
    }

    /** Time with the processor over plain javac compiling the entities alone. */
    double overEntitiesOnly() {
      return processorMillis / plainEntitiesOnlyMillis;
    }
  }

  private static final String PACKAGE = "bench.entities";

  /** What the entities compile against, as in a user's module: the annotations and the runtime. */
  private static final List<String> CLASS_PATH = List.of("dev.godwit.MigratedTable",
      "dev.godwit.runtime.Migration", "com.fasterxml.jackson.core.JsonFactory", "org.slf4j.Logger");

  /** The processor and what it runs on. */
  private static final List<String> PROCESSOR_PATH = List.of("dev.godwit.processor.GodwitProcessor",
      "com.palantir.javapoet.JavaFile", "com.google.auto.common.MoreElements",
      "com.google.common.collect.ImmutableList",
      "com.google.common.util.concurrent.internal.InternalFutureFailureAccess");

  private final Settings settings;
  private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
  private final String classPath = locations(CLASS_PATH);
  private final String processorPath = locations(PROCESSOR_PATH);

  CompileBenchmark(Settings settings) {
    this.settings = settings;
  }

  Result run(Path workDir) throws IOException {
    if (compiler == null) {
      throw new IllegalStateException(
          "this Java runtime has no compiler; run the benchmarks on a JDK, not a JRE");
    }
    Path sources = Files.createDirectories(workDir.resolve("compile/src"));
    List<Path> entities = writeEntities(sources, settings.compiledEntities());
    Path generated = Files.createDirectories(workDir.resolve("compile/generated"));
    compile(workDir, entities, List.of("-processor", "dev.godwit.processor.GodwitProcessor", "-s",
        generated.toString()));
    List<Path> entitiesAndGenerated = new ArrayList<>(entities);
    try (Stream<Path> files = Files.walk(generated)) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(entitiesAndGenerated::add);
    }
    if (entitiesAndGenerated.size() == entities.size()) {
      throw new IllegalStateException("the processor generated nothing for the benchmark's entities");
    }

    int repetitions = settings.compileRepetitions();
    int warmUps = settings.quick() ? 0 : Math.max(1, repetitions / 2);
    double[] processor = new double[repetitions];
    double[] plainSame = new double[repetitions];
    double[] plainEntities = new double[repetitions];
    for (int round = -warmUps; round < repetitions; round++) {
      Path scratch = Files.createTempDirectory(workDir, "generated");
      double withProcessor = compile(workDir, entities, List.of("-processor",
          "dev.godwit.processor.GodwitProcessor", "-s", scratch.toString()));
      double same = compile(workDir, entitiesAndGenerated, List.of("-proc:none"));
      double alone = compile(workDir, entities, List.of("-proc:none"));
      if (round >= 0) {
        processor[round] = withProcessor;
        plainSame[round] = same;
        plainEntities[round] = alone;
      }
    }
    return new Result(entities.size() - 1, repetitions, median(processor), median(plainSame),
        median(plainEntities));
  }

  /** Compiles into a fresh folder and returns how long it took, in milliseconds. */
  private double compile(Path workDir, List<Path> files, List<String> extraOptions)
      throws IOException {
    Path classes = Files.createTempDirectory(workDir, "classes");
    List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        classPath, "-processorpath", processorPath, "-implicit:none", "-nowarn", "-Xlint:none"));
    options.addAll(extraOptions);
    StringWriter diagnostics = new StringWriter();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
      ok = compiler.getTask(diagnostics, fileManager, null, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
    }
    double millis = (System.nanoTime() - start) / 1e6;
    if (!ok) {
      throw new IllegalStateException("the benchmark's entities did not compile: " + diagnostics);
    }
    return millis;
  }

  /** Writes {@code count} entities and the enum they share; returns every source file. */
  private static List<Path> writeEntities(Path sources, int count) {
    Path folder = sources.resolve(PACKAGE.replace('.', '/'));
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      files.add(Files.writeString(folder.resolve("Tier.java"),
          "package " + PACKAGE + ";\n\npublic enum Tier { FREE, PRO }\n"));
      for (int i = 1; i <= count; i++) {
        String name = "Entity" + i;
        files.add(Files.writeString(folder.resolve(name + ".java"), entity(name, "entity_" + i)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String entity(String name, String table) {
    return """
        package %1$s;

        import dev.godwit.Backfill;
        import dev.godwit.Id;
        import dev.godwit.MigratedTable;
        import dev.godwit.Widened;
        import java.time.Instant;
        import java.util.List;

        @MigratedTable("%3$s")
        public record %2$s(
            @Id long id,
            String name,
            @Deprecated(forRemoval = true) String title,
            @Widened @Backfill(from = "title") String label,
            @Deprecated Boolean isPro,
            @Widened @Backfill(method = "planOf") Tier plan,
            @Widened @Backfill(value = "5", batchSize = 500) Integer seats,
            Instant createdAt,
            List<String> tags) {

          static Tier planOf(%2$s row) {
            return Boolean.TRUE.equals(row.isPro()) ? Tier.PRO : Tier.FREE;
          }
        }
        """.formatted(PACKAGE, name, table);
  }

  /**
   * The jars or folders holding some classes, as a path: the entities compile against their own
   * dependencies, not the harness's whole class path, whose size would change the compiler's lookups.
   */
  private static String locations(List<String> classNames) {
    List<String> paths = new ArrayList<>();
    for (String className : classNames) {
      try {
        paths.add(Path.of(Class.forName(className, false, CompileBenchmark.class.getClassLoader())
            .getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException("the compile benchmark needs " + className
            + " on the class path; run it through benchmarks/run.sh", e);
      }
    }
    return String.join(File.pathSeparator, paths);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
