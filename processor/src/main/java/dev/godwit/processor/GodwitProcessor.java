package dev.godwit.processor;

import com.google.auto.service.AutoService;
import dev.godwit.processor.generation.GeneratedFiles;
import dev.godwit.processor.generation.SourceGenerator;
import dev.godwit.processor.validation.AnnotationNames;
import dev.godwit.processor.validation.EntityReader;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Godwit's annotation processor: for every {@code @MigratedTable} entity, reads and checks it
 * ({@link EntityReader}), reports its problems, and when there are none writes its table, migrations,
 * dual-read accessors and verifications ({@link SourceGenerator}); in the last round, publishes every
 * generated {@code XMigrations} in {@code META-INF/services}.
 *
 * <p>One option: {@value #UNPUBLISHED}, a comma-separated list of package names whose entities get
 * their generated classes but are not published in the service file, so that they may map a table a
 * published entity maps and repeat its migration names: the next deploy's entities kept beside the
 * current ones, or test fixtures.
 *
 * <p>Declared to Gradle as aggregating ({@code META-INF/gradle/incremental.annotation.processors}):
 * each entity's classes depend on that entity alone, but the service file gathers them all.
 */
@AutoService(Processor.class)
public final class GodwitProcessor extends AbstractProcessor {

  /** The option naming the packages whose entities are generated but not published. */
  public static final String UNPUBLISHED = "godwit.unpublished";

  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Function<ProcessingEnvironment, Function<TypeElement, EntityReader.Result>> readers;
  private EntityStep step;

  /** Creates the processor; the compiler calls {@link #init} before use. */
  public GodwitProcessor() {
    this(null);
  }

  /**
   * A processor reading entities with another reader, to test how its failures are reported; the
   * default reader when {@code null}.
   */
  GodwitProcessor(Function<ProcessingEnvironment, Function<TypeElement, EntityReader.Result>> readers) {
    this.readers = readers;
  }

  /** Prepares the step that reads, checks and generates, for this compilation. */
  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    boolean generatedAvailable = environment.getElementUtils().getTypeElement(GENERATED) != null;
    Optional<SnapshotStep> snapshots =
        SnapshotStep.from(environment.getOptions(), environment.getMessager());
    Function<TypeElement, EntityReader.Result> reader = readers != null ? readers.apply(environment)
        : new EntityReader(environment.getElementUtils(), environment.getTypeUtils(),
            table -> snapshots.map(step -> step.backfills(table)).orElse(Map.of()))::read;
    step = new EntityStep(environment.getElementUtils(), environment.getMessager(), reader,
        new SourceGenerator(generatedAvailable), new GeneratedFiles(environment.getFiler()),
        unpublishedPackages(environment.getOptions().get(UNPUBLISHED)), snapshots);
  }

  /** The package names of the {@value #UNPUBLISHED} option, blanks around commas ignored. */
  private static Set<String> unpublishedPackages(String option) {
    if (option == null) {
      return Set.of();
    }
    return Arrays.stream(option.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * {@value #UNPUBLISHED}; {@code godwit.schemaDir}, the directory of the committed schema snapshots;
   * and {@code godwit.acceptSchema}, which makes this build's schema the new baseline (see
   * {@code SnapshotStep}).
   */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(UNPUBLISHED, SnapshotStep.SCHEMA_DIR, SnapshotStep.ACCEPT_SCHEMA);
  }

  /**
   * Godwit's annotations, and {@code @Generated}: the generated classes carry it, and leaving it
   * unclaimed would make {@code -Xlint:processing} warn about code the user did not write.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>(AnnotationNames.GODWIT);
    types.add(GENERATED);
    return types;
  }

  /** Every version this compiler knows: the processor reads only stable parts of the language model. */
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** Claims the supported annotations, so that {@code -Xlint:processing} does not call them unprocessed. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    step.process(annotations, round);
    if (round.processingOver()) {
      step.finish();
    }
    return true;
  }
}
