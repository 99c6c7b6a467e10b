package dev.godwit.processor.validation;

import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the checked backfills and the fields marked for removal of one entity into migrations: groups
 * backfills by migration name, checks that names are unique, and orders the migrations so that each
 * runs after every migration that fills a field it reads, and every clear after the backfills that
 * read the cleared field.
 *
 * <p>A field marked for removal gets a clear only once no {@code @Widened} field's backfill reads it:
 * while one does, the code of the previous deploy may still be running or be rolled back to, and the
 * old field holds the only copy of what it reads. The backfills of narrowed fields (a {@code @Backfill}
 * without {@code @Widened}, the next deploy's form) may read it; the clear then leaves every row
 * where one of them is still NULL untouched.
 */
final class MigrationPlanner {

  /** One migration while it is being planned. */
  private static final class Draft {
    final String method;
    final MigrationPlan.Kind kind;
    final boolean explicit;
    final List<FieldDraft> fields = new ArrayList<>();
    int batchSize;
    FieldDraft batchSizeField;

    Draft(String method, MigrationPlan.Kind kind, boolean explicit, FieldDraft first) {
      this.method = method;
      this.kind = kind;
      this.explicit = explicit;
      this.fields.add(first);
    }
  }

  private final String table;
  private final List<FieldDraft> fields;
  private final ValidationReport.Builder report;

  MigrationPlanner(String table, List<FieldDraft> fields, ValidationReport.Builder report) {
    this.table = table;
    this.fields = fields;
    this.report = report;
  }

  /** The migrations in the order they must run; empty after reporting a problem. */
  List<MigrationPlan> plan() {
    int before = report.problemCount();
    Map<String, Draft> drafts = new LinkedHashMap<>();
    for (FieldDraft field : fields) {
      if (field.backfill != null) {
        addBackfill(drafts, field);
      }
    }
    for (FieldDraft field : fields) {
      if (field.isClearable() && !readByWidened(field)) {
        addClear(drafts, field);
      }
    }
    List<Draft> ordered = order(new ArrayList<>(drafts.values()));
    if (report.problemCount() > before) {
      return List.of();
    }
    return ordered.stream()
        .map(draft -> new MigrationPlan(draft.method, table + "." + draft.method, draft.kind,
            draft.fields.stream().map(field -> field.name).toList(), draft.batchSize,
            requiredBefore(draft)))
        .toList();
  }

  /** Whether the backfill of a {@code @Widened} field reads a field. */
  private boolean readByWidened(FieldDraft read) {
    return fields.stream()
        .filter(field -> field.backfill != null && field.widenedAnnotation != null && field != read)
        .anyMatch(field -> readsOf(field).contains(read.name));
  }

  /**
   * For a clear, the fields whose backfills read the field it clears, in declaration order: narrowed
   * ones only, since a field read by a widened one gets no clear.
   */
  private List<String> requiredBefore(Draft draft) {
    if (draft.kind != MigrationPlan.Kind.CLEAR) {
      return List.of();
    }
    FieldDraft cleared = draft.fields.get(0);
    return fields.stream()
        .filter(field -> field.backfill != null && field != cleared)
        .filter(field -> readsOf(field).contains(cleared.name))
        .map(field -> field.name)
        .toList();
  }

  private void addBackfill(Map<String, Draft> drafts, FieldDraft field) {
    BackfillDraft backfill = field.backfill;
    Draft draft = drafts.get(backfill.migration());
    if (draft == null) {
      draft = new Draft(backfill.migration(), MigrationPlan.Kind.BACKFILL, backfill.explicitMigration(),
          field);
      drafts.put(draft.method, draft);
    } else if (draft.explicit && backfill.explicitMigration()) {
      draft.fields.add(field);
    } else {
      // Report on the explicit name, which is the one to change.
      FieldDraft site = backfill.explicitMigration() || !draft.explicit ? field : draft.fields.get(0);
      report.error(Message.DUPLICATE_MIGRATION, site.element, site.backfill.annotation(),
          site.backfill.migrationValue(), table + "." + backfill.migration());
      return;
    }
    if (backfill.batchSize() > 0) {
      if (draft.batchSize > 0 && draft.batchSize != backfill.batchSize()) {
        report.error(Message.BATCH_SIZE_CONFLICT, field.element, backfill.annotation(),
            backfill.batchSizeValue(), table + "." + draft.method, draft.batchSize,
            draft.batchSizeField.name, backfill.batchSize(), field.name);
      } else {
        draft.batchSize = backfill.batchSize();
        draft.batchSizeField = field;
      }
    }
  }

  private void addClear(Map<String, Draft> drafts, FieldDraft field) {
    String method = "clear" + Names.capitalize(field.name);
    Draft existing = drafts.get(method);
    if (existing == null) {
      drafts.put(method, new Draft(method, MigrationPlan.Kind.CLEAR, false, field));
    } else if (existing.kind == MigrationPlan.Kind.BACKFILL) {
      FieldDraft site = existing.fields.get(0);
      report.error(Message.DUPLICATE_MIGRATION, site.element, site.backfill.annotation(),
          site.backfill.migrationValue(), table + "." + method);
    } else {
      report.error(Message.DUPLICATE_CLEAR, field.element, field.deprecatedAnnotation, null,
          table + "." + method, field.name);
    }
  }

  /** A stable topological order: among the migrations free to run, the one declared first. */
  private List<Draft> order(List<Draft> drafts) {
    List<Draft> ordered = new ArrayList<>();
    List<Draft> remaining = new ArrayList<>(drafts);
    while (!remaining.isEmpty()) {
      Draft next = remaining.stream()
          .filter(candidate -> remaining.stream()
              .noneMatch(other -> other != candidate && mustRunBefore(other, candidate)))
          .findFirst()
          .orElse(null);
      if (next == null) {
        FieldDraft site = remaining.stream()
            .filter(draft -> draft.kind == MigrationPlan.Kind.BACKFILL)
            .findFirst()
            .orElseThrow()
            .fields.get(0);
        String names = remaining.stream()
            .map(draft -> table + "." + draft.method)
            .collect(Collectors.joining(", "));
        report.error(Message.MIGRATION_CYCLE, site.element, site.backfillAnnotation, null, names);
        return ordered;
      }
      ordered.add(next);
      remaining.remove(next);
    }
    return ordered;
  }

  private boolean mustRunBefore(Draft first, Draft then) {
    Set<String> read = reads(then);
    read.retainAll(writes(first));
    if (!read.isEmpty()) {
      return true;
    }
    return then.kind == MigrationPlan.Kind.CLEAR && reads(first).contains(then.fields.get(0).name);
  }

  private static Set<String> writes(Draft draft) {
    Set<String> written = new HashSet<>();
    if (draft.kind == MigrationPlan.Kind.BACKFILL) {
      draft.fields.forEach(field -> written.add(field.name));
    }
    return written;
  }

  /** The fields a backfill reads; a method may read any deprecated field, so it reads them all. */
  private Set<String> reads(Draft draft) {
    Set<String> read = new HashSet<>();
    if (draft.kind == MigrationPlan.Kind.CLEAR) {
      return read;
    }
    for (FieldDraft field : draft.fields) {
      read.addAll(readsOf(field));
    }
    // Filling a field from itself within one migration is no ordering constraint.
    writes(draft).forEach(read::remove);
    return read;
  }

  /** The fields one field's backfill reads: a copy its source, a method every deprecated field. */
  private Set<String> readsOf(FieldDraft field) {
    Set<String> read = new HashSet<>();
    Backfill backfill = field.backfill.backfill();
    if (backfill instanceof Backfill.Copy copy) {
      read.add(copy.source());
    } else if (backfill instanceof Backfill.Computed) {
      fields.stream().filter(FieldDraft::isDeprecated).forEach(other -> read.add(other.name));
    }
    return read;
  }
}
