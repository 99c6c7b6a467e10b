package dev.godwit.processor;

import dev.godwit.processor.history.SchemaDiff;
import dev.godwit.processor.history.SchemaHistory;
import dev.godwit.processor.history.Snapshot;
import dev.godwit.processor.history.Snapshots;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.validation.BaselineBackfill;
import dev.godwit.processor.validation.Message;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The schema history of a build, when the processor option {@value #SCHEMA_DIR} names a directory:
 * gives the reader the backfills the baseline remembers, and checks each entity's snapshot against
 * its table's baseline before anything is generated for it. Without a baseline, the snapshot is
 * written as the new one (a note); with {@value #ACCEPT_SCHEMA}{@code =true}, a snapshot whose
 * changes are safe replaces its baseline; a build never replaces a baseline otherwise.
 */
final class SnapshotStep {

  /** The processor option naming the snapshot directory. */
  static final String SCHEMA_DIR = "godwit.schemaDir";
  /** The processor option that makes this build's safe schema the new baseline. */
  static final String ACCEPT_SCHEMA = "godwit.acceptSchema";

  private final Messager messager;
  private final SchemaHistory history;
  private final boolean accept;

  private SnapshotStep(Messager messager, SchemaHistory history, boolean accept) {
    this.messager = messager;
    this.history = history;
    this.accept = accept;
  }

  /**
   * The step the options ask for.
   *
   * @return empty without {@value #SCHEMA_DIR}, or after reporting a snapshot that cannot be read
   */
  static Optional<SnapshotStep> from(Map<String, String> options, Messager messager) {
    String directory = options.get(SCHEMA_DIR);
    if (directory == null || directory.isBlank()) {
      return Optional.empty();
    }
    try {
      SchemaHistory history = SchemaHistory.read(Path.of(directory));
      return Optional.of(new SnapshotStep(messager, history,
          Boolean.parseBoolean(options.get(ACCEPT_SCHEMA))));
    } catch (SchemaHistory.SnapshotException e) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.SNAPSHOT_UNREADABLE.format(e.file(), e.getMessage()));
      return Optional.empty();
    }
  }

  /** The baseline's backfills of a table, by field name. */
  Map<String, BaselineBackfill> backfills(String qualifiedTable) {
    Optional<Snapshot> baseline = history.baseline(qualifiedTable);
    if (baseline.isEmpty()) {
      return Map.of();
    }
    Map<String, BaselineBackfill> backfills = new LinkedHashMap<>();
    for (Snapshot.Column column : baseline.get().columns()) {
      column.backfill().ifPresent(backfill -> {
        String migration = backfill.migration();
        int batchSize = baseline.get().migrations().stream()
            .filter(plan -> plan.name().equals(migration))
            .mapToInt(Snapshot.Migration::batchSize)
            .findFirst()
            .orElse(0);
        backfills.put(column.field(), new BaselineBackfill(backfill.source(), backfill.text(),
            migration.substring(migration.lastIndexOf('.') + 1), batchSize,
            column.role().equals("WIDENED")));
      });
    }
    return backfills;
  }

  /**
   * Checks an entity against its baseline, reporting every refused change on its element, and writes
   * or accepts its snapshot when there is nothing to refuse.
   *
   * @return whether code may be generated for it
   */
  boolean check(Entity entity, TypeElement type) {
    Snapshot current = Snapshots.of(entity);
    String table = current.qualifiedTable();
    Optional<Snapshot> baseline = history.baseline(table);
    if (baseline.isEmpty()) {
      Optional<Snapshot> elsewhere = history.baselineElsewhere(current.entity(), table);
      if (elsewhere.isPresent()) {
        Snapshot old = elsewhere.get();
        messager.printMessage(Diagnostic.Kind.ERROR, Message.SNAPSHOT_TABLE_RENAMED.format(
            type.getSimpleName(), old.qualifiedTable(), table, old.table(),
            history.file(old.qualifiedTable())), type);
        return false;
      }
      write(Message.SNAPSHOT_WRITTEN, current, type);
      return true;
    }
    List<SchemaDiff.Refusal> refusals = SchemaDiff.refusals(baseline.get(), current);
    for (SchemaDiff.Refusal refusal : refusals) {
      Element site = refusal.field().flatMap(name -> field(type, name)).<Element>map(f -> f)
          .orElse(type);
      messager.printMessage(Diagnostic.Kind.ERROR, refusal.text(), site);
    }
    if (!refusals.isEmpty()) {
      return false;
    }
    if (!baseline.get().equals(current)) {
      if (accept) {
        write(Message.SNAPSHOT_ACCEPTED, current, type);
      } else {
        messager.printMessage(Diagnostic.Kind.NOTE,
            Message.SNAPSHOT_CHANGED.format(table, history.file(table)), type);
      }
    }
    return true;
  }

  private void write(Message note, Snapshot snapshot, TypeElement type) {
    try {
      Path file = history.write(snapshot);
      messager.printMessage(Diagnostic.Kind.NOTE,
          note.format(snapshot.qualifiedTable(), file), type);
    } catch (SchemaHistory.SnapshotException e) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Message.SNAPSHOT_UNREADABLE.format(e.file(), e.getMessage()), type);
    }
  }

  /** A field of the entity or of a superclass, nearest first. */
  private static Optional<VariableElement> field(TypeElement type, String name) {
    for (TypeElement current = type; current != null; ) {
      for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(name)) {
          return Optional.of(field);
        }
      }
      current = current.getSuperclass().getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) current.getSuperclass()).asElement()
          : null;
    }
    return Optional.empty();
  }
}
