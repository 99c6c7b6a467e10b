package dev.godwit.processor;

import com.google.auto.common.SuperficialValidation;
import dev.godwit.processor.generation.GeneratedFiles;
import dev.godwit.processor.generation.SourceGenerator;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.validation.AnnotationNames;
import dev.godwit.processor.validation.EntityReader;
import dev.godwit.processor.validation.Message;
import dev.godwit.processor.validation.StrayAnnotations;
import dev.godwit.processor.validation.ValidationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The work of each round: read and check every entity whose types are all known (deferring the others
 * to the next round, by name), report problems, generate the entities without any, and in the last
 * round publish every generated {@code XMigrations}, except those of entities in unpublished packages.
 */
final class EntityStep {

  private final Elements elements;
  private final Messager messager;
  private final Function<TypeElement, EntityReader.Result> reader;
  private final SourceGenerator generator;
  private final GeneratedFiles files;
  private final Set<String> unpublished;
  private final Optional<SnapshotStep> snapshots;
  private final MigrationNames migrationNames = new MigrationNames();
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Generated provider class name to the name of its entity, for the service file. */
  private final TreeMap<String, String> providers = new TreeMap<>();

  EntityStep(
      Elements elements,
      Messager messager,
      Function<TypeElement, EntityReader.Result> reader,
      SourceGenerator generator,
      GeneratedFiles files,
      Set<String> unpublished,
      Optional<SnapshotStep> snapshots) {
    this.elements = elements;
    this.messager = messager;
    this.reader = reader;
    this.generator = generator;
    this.files = files;
    this.unpublished = Set.copyOf(unpublished);
    this.snapshots = snapshots;
  }

  /**
   * One round's work. Only the annotations javac found in this round's new classes are scanned for:
   * in the rounds that see only generated classes none is, and nothing but deferred entities is read.
   */
  void process(Set<? extends TypeElement> present, RoundEnvironment round) {
    Map<String, TypeElement> annotations = new HashMap<>();
    for (TypeElement annotation : present) {
      annotations.put(annotation.getQualifiedName().toString(), annotation);
    }
    List<TypeElement> entities = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        entities.add(type);
      }
    }
    deferred.clear();
    TypeElement marker = annotations.get(AnnotationNames.MIGRATED_TABLE);
    if (marker != null) {
      for (Element element : round.getElementsAnnotatedWith(marker)) {
        if (element instanceof TypeElement type && !entities.contains(type)) {
          entities.add(type);
        }
      }
    }
    checkStrayAnnotations(annotations, round);
    for (TypeElement entity : entities) {
      if (SuperficialValidation.validateElement(entity)) {
        processSafely(entity);
      } else {
        deferred.add(entity.getQualifiedName().toString());
      }
    }
  }

  /** The last round: entities still waiting for types will not get them. */
  void finish() {
    for (String name : deferred) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.UNRESOLVED_TYPES.format(name),
          elements.getTypeElement(name));
    }
    deferred.clear();
    if (providers.isEmpty()) {
      return;
    }
    List<TypeElement> origins = providers.values().stream()
        .map(elements::getTypeElement)
        .filter(Objects::nonNull)
        .toList();
    try {
      files.writeProviderServiceFile(providers.keySet(), origins);
    } catch (UncheckedIOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format("the service file of the generated migrations", e));
    }
  }

  private void checkStrayAnnotations(Map<String, TypeElement> present, RoundEnvironment round) {
    Set<Element> fields = new LinkedHashSet<>();
    for (String name : StrayAnnotations.FIELD_ANNOTATIONS) {
      TypeElement annotation = present.get(name);
      if (annotation != null) {
        fields.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    fields.forEach(field -> StrayAnnotations.check(field).printTo(messager));
  }

  /**
   * Never lets an exception reach the compiler: it becomes an error on the entity. An entity of an
   * unpublished package claims neither its table nor its migration names: it is not published, so
   * the registry never sees it beside the published entity of the same table, and sharing that
   * entity's migration names is what makes a migration one state row across deploys.
   */
  private void processSafely(TypeElement type) {
    try {
      EntityReader.Result result = reader.apply(type);
      ValidationReport report = result.report();
      boolean published =
          !unpublished.contains(elements.getPackageOf(type).getQualifiedName().toString());
      if (published && result.entity().isPresent()) {
        report = report.plus(migrationNames.claim(result.entity().get(), type));
      }
      report.printTo(messager);
      if (report.isClean()) {
        Entity entity = result.entity().orElseThrow();
        // An unpublished entity is no deploy's schema: it neither writes nor is checked against a
        // baseline, which it may still read its remembered backfills from.
        if (published && snapshots.isPresent() && !snapshots.get().check(entity, type)) {
          return;
        }
        files.writeSources(generator.generate(entity, type), type);
        if (published) {
          providers.put(
              entity.migrationsClass().canonicalName(), type.getQualifiedName().toString());
        }
      }
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format(type.getQualifiedName(), trace), type);
    }
  }
}
