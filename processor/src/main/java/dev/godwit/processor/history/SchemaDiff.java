package dev.godwit.processor.history;

import dev.godwit.processor.model.Names;
import dev.godwit.processor.validation.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a build's snapshot of a table with its baseline, the snapshot of the last deploy, and finds
 * the changes that cannot be deployed while instances of the last deploy still run and its rows are
 * in the table: a new required field, a type or column changed in place, a column's size made
 * smaller, a field renamed or removed
 * without the deploy that marks it for removal, a field made required that was never backfilled, a
 * changed key. Everything else (a new table, a new widened or nullable field, a deprecation, a field
 * narrowed after its backfill, a retiring field removed) passes.
 */
public final class SchemaDiff {

  /**
   * One change refused.
   *
   * @param message the error
   * @param field the field it is reported on; empty to report it on the entity
   * @param arguments the message's arguments
   */
  public record Refusal(Message message, Optional<String> field, List<Object> arguments) {

    /** Copies the arguments. */
    public Refusal {
      arguments = List.copyOf(arguments);
    }

    /**
     * The text to report.
     *
     * @return the formatted message
     */
    public String text() {
      return message.format(arguments.toArray());
    }
  }

  private static final Set<String> REQUIRED = Set.of("REQUIRED", "NARROWED");

  private SchemaDiff() {}

  /**
   * The refused changes from a baseline to a build's snapshot of the same table.
   *
   * @param baseline what was last deployed
   * @param current what this build compiles
   * @return the refusals, in column order; empty when the change is safe
   */
  public static List<Refusal> refusals(Snapshot baseline, Snapshot current) {
    List<Refusal> refusals = new ArrayList<>();
    Set<String> gone = new LinkedHashSet<>();
    for (Snapshot.Column old : baseline.columns()) {
      if (current.field(old.field()).isEmpty()) {
        gone.add(old.field());
      }
    }
    for (Snapshot.Column column : current.columns()) {
      Optional<Snapshot.Column> before = baseline.field(column.field());
      if (before.isEmpty()) {
        added(baseline, column, gone, refusals);
      } else {
        changed(before.get(), column, refusals);
      }
    }
    for (String field : gone) {
      Snapshot.Column old = baseline.field(field).orElseThrow();
      if (!old.role().equals("RETIRING")) {
        refusals.add(new Refusal(Message.SNAPSHOT_FIELD_REMOVED, Optional.empty(),
            List.of(old.field(), old.column(), simple(old.javaType()), old.field())));
      }
    }
    List<String> oldKey = key(baseline);
    List<String> newKey = key(current);
    if (!oldKey.equals(newKey)) {
      Optional<String> site = current.columns().stream()
          .filter(Snapshot.Column::key)
          .map(Snapshot.Column::field)
          .findFirst();
      List<String> oldFields = baseline.columns().stream()
          .filter(Snapshot.Column::key)
          .map(Snapshot.Column::field)
          .toList();
      refusals.add(new Refusal(Message.SNAPSHOT_KEY_CHANGED, site,
          List.of(current.qualifiedTable(), String.join(", ", oldKey), String.join(", ", newKey),
              String.join(", ", oldFields))));
    }
    return refusals;
  }

  /** A field the baseline does not have: a rename in place, or a new field. */
  private static void added(
      Snapshot baseline, Snapshot.Column column, Set<String> gone, List<Refusal> refusals) {
    if (column.key()) {
      return;
    }
    Optional<Snapshot.Column> replaced = gone.stream()
        .map(name -> baseline.field(name).orElseThrow())
        .filter(old -> !old.role().equals("RETIRING") && !old.key())
        .filter(old -> old.javaType().equals(column.javaType()))
        .findFirst();
    if (replaced.isPresent() && !column.role().equals("WIDENED")) {
      Snapshot.Column old = replaced.get();
      gone.remove(old.field());
      refusals.add(new Refusal(Message.SNAPSHOT_FIELD_RENAMED, Optional.of(column.field()),
          List.of(column.field(), old.field(), old.column(), old.field(), old.field(),
              simple(column.javaType()), column.field())));
      return;
    }
    if (column.role().equals("REQUIRED")) {
      refusals.add(new Refusal(Message.SNAPSHOT_NEW_REQUIRED, Optional.of(column.field()),
          List.of(column.field(), baseline.qualifiedTable(), simple(column.javaType()),
              column.field())));
    } else if (column.role().equals("NARROWED")) {
      refusals.add(new Refusal(Message.SNAPSHOT_NARROWED_UNFILLED, Optional.of(column.field()),
          List.of(column.field(), column.column())));
    }
  }

  /** A field both have. */
  private static void changed(Snapshot.Column old, Snapshot.Column column, List<Refusal> refusals) {
    if (!Names.key(old.column()).equals(Names.key(column.column()))) {
      refusals.add(new Refusal(Message.SNAPSHOT_COLUMN_RENAMED, Optional.of(column.field()),
          List.of(column.field(), old.column(), column.column(), column.field(), old.column(),
              column.column(), column.field())));
    } else if (!old.javaType().equals(column.javaType()) || !old.sqlType().equals(column.sqlType())) {
      String field = column.field();
      refusals.add(new Refusal(Message.SNAPSHOT_TYPE_CHANGED, Optional.of(field),
          List.of(field, simple(old.javaType()), old.sqlType(), simple(column.javaType()),
              column.sqlType(), field, simple(old.javaType()), field, simple(column.javaType()),
              field, field)));
    } else if (narrowed(old, column)) {
      String field = column.field();
      refusals.add(new Refusal(Message.SNAPSHOT_SIZE_NARROWED, Optional.of(field),
          List.of(field, size(old), size(column), size(old), field, simple(column.javaType()),
              field, field)));
    } else if (!column.key() && REQUIRED.contains(column.role()) && !REQUIRED.contains(old.role())
        && old.backfill().isEmpty()) {
      refusals.add(new Refusal(Message.SNAPSHOT_NARROWED_UNFILLED, Optional.of(column.field()),
          List.of(column.field(), column.column())));
    }
  }

  /**
   * Whether a column's declared size holds less than it did: a shorter character column, or a
   * decimal column with fewer digits before or after the point (a value of the old size would fail
   * the database's check, or be rounded). A size not declared in either (zero) is not compared.
   */
  private static boolean narrowed(Snapshot.Column old, Snapshot.Column column) {
    if (old.length() > 0 && column.length() > 0 && column.length() < old.length()) {
      return true;
    }
    return old.precision() > 0 && column.precision() > 0
        && (column.scale() < old.scale()
            || column.precision() - column.scale() < old.precision() - old.scale());
  }

  /** A declared size as JPA's {@code @Column} states it: {@code length = 100}. */
  private static String size(Snapshot.Column column) {
    return column.length() > 0 ? "length = " + column.length()
        : "precision = " + column.precision() + ", scale = " + column.scale();
  }

  private static List<String> key(Snapshot snapshot) {
    return snapshot.columns().stream()
        .filter(Snapshot.Column::key)
        .map(column -> Names.key(column.column()))
        .toList();
  }

  /** {@code Integer} for {@code java.lang.Integer}, {@code List<String>} for the qualified form. */
  static String simple(String javaType) {
    return javaType.replaceAll("(?:[a-z_][A-Za-z0-9_]*\\.)+([A-Z])", "$1");
  }
}
