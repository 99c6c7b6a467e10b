package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Identifiers;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.internal.jdbc.DecimalScales;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every write of one batch, merged and grouped so that the batch costs a constant number of
 * statements: one per table and set of columns written. Flushed in the order inserts, updates,
 * deletes; several updates of one row merge into one (later values win), and a row deleted in the
 * batch is not also updated.
 */
public final class BatchWrites {

  /** One write asked for while migrating one row. */
  public sealed interface Write permits Insert, Update, Delete {}

  public record Insert(Table<?> table, Patch<?> values) implements Write {}

  /**
   * An update of the row with this key: a single key's value, or a composite key's immutable
   * {@code List<Object>} of values in key order, as {@link RowKeys#checked} makes it.
   */
  public record Update(Table<?> table, Object id, Patch<?> patch) implements Write {}

  /** A delete of the row with this key, held as in {@link Update}. */
  public record Delete(Table<?> table, Object id) implements Write {}

  /**
   * A row by its key as read or passed: key values are checked to be of their column's Java type,
   * whose {@code equals} agrees with comparing their text, and hashing them costs less than writing
   * it; a composite key's list compares value by value.
   */
  private record RowKey(String table, Object id) {}

  private record GroupKey(String table, List<String> columns) {}

  /** The columns one patch sets, in the order it set them, on one table. */
  private record Shape(String table, List<Column<?, ?>> columns) {

    /** Whether another patch's columns are this shape's, without building its shape. */
    boolean matches(String otherTable, Collection<? extends Column<?, ?>> otherColumns) {
      if (!table.equals(otherTable) || otherColumns.size() != columns.size()) {
        return false;
      }
      int i = 0;
      for (Column<?, ?> column : otherColumns) {
        if (!column.equals(columns.get(i++))) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Group {
    final Table<?> table;
    final List<Column<?, ?>> columns;
    final List<Object> ids = new ArrayList<>();
    final List<Object[]> rows = new ArrayList<>();

    Group(Table<?> table, List<Column<?, ?>> columns) {
      this.table = table;
      this.columns = columns;
    }

    void add(Object id, Map<? extends Column<?, ?>, Object> values) {
      ids.add(id);
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = values.get(columns.get(i));
      }
      rows.add(row);
    }
  }

  private final Map<GroupKey, Group> inserts = new LinkedHashMap<>();
  private final Map<RowKey, Update> updates = new LinkedHashMap<>();
  private final Map<RowKey, Delete> deletes = new LinkedHashMap<>();

  /**
   * Checks a write before it is accepted, so a bad one fails on the row that asked for it: a
   * decimal the database would round to its column's scale is refused here too.
   *
   * @throws IllegalArgumentException naming what is wrong and how to fix it
   */
  public static void check(Write write, DecimalScales scales) {
    if (write instanceof Insert insert) {
      if (insert.values().isEmpty()) {
        throw new IllegalArgumentException(
            "an insert into " + insert.table() + " sets no column; set at least one");
      }
      insert.values().values().forEach((column, value) ->
          scales.check(insert.table(), column, value));
    } else if (write instanceof Update update) {
      update.patch().values().forEach((column, value) ->
          scales.check(update.table(), column, value));
      Table<?> table = update.table();
      RowKeys.checked(table, update.id());
      for (Column<?, ?> key : table.key()) {
        if (update.patch().values().containsKey(key)) {
          throw new IllegalArgumentException("a patch of " + table + " sets "
              + (table.hasCompositeKey() ? key + ", a column of its key (" + RowKeys.names(table)
                  + ")" : "its primary key " + key)
              + "; insert a new row and delete the old one instead");
        }
      }
      table.version().filter(update.patch().values()::containsKey).ifPresent(version -> {
        throw new IllegalArgumentException("a patch of " + table + " sets its version column "
            + version + ", which Godwit increments by one on every row it updates; leave it out");
      });
    } else if (write instanceof Delete delete) {
      RowKeys.checked(delete.table(), delete.id());
    }
  }

  /**
   * Adds a checked write. Its patch or values must be the caller's own copy, as {@link RowContext}
   * and {@link RowBatchStep} make them: they are kept as they are, never changed.
   */
  public void add(Write write) {
    if (write instanceof Insert insert) {
      List<Column<?, ?>> columns = ordered(insert.table(), insert.values());
      inserts.computeIfAbsent(new GroupKey(key(insert.table()), names(columns)),
          key -> new Group(insert.table(), columns)).add(null, insert.values().values());
    } else if (write instanceof Update update) {
      if (!update.patch().isEmpty()) {
        updates.merge(rowKey(update.table(), update.id()), update, BatchWrites::merge);
      }
    } else if (write instanceof Delete delete) {
      deletes.putIfAbsent(rowKey(delete.table(), delete.id()), delete);
    }
  }

  /** The keys of the rows of a table this batch updates or deletes, as {@link Update#id} has them. */
  public Set<Object> changedIds(Table<?> table) {
    Set<Object> ids = new HashSet<>();
    String tableKey = key(table);
    for (RowKey row : updates.keySet()) {
      if (row.table().equals(tableKey)) {
        ids.add(row.id());
      }
    }
    for (RowKey row : deletes.keySet()) {
      if (row.table().equals(tableKey)) {
        ids.add(row.id());
      }
    }
    return ids;
  }

  /** Sends every write: inserts, then updates, then deletes, one statement per group. */
  public void flush(Connection connection, Dialect dialect) throws SQLException {
    for (Group group : inserts.values()) {
      dialect.insert(connection, group.table, group.columns, group.rows);
    }
    Map<GroupKey, Group> updateGroups = new LinkedHashMap<>();
    // a batch's patches nearly all set the same columns as the one before: order the columns and
    // find the group only when they change, not per row
    Shape lastShape = null;
    Group lastGroup = null;
    for (Map.Entry<RowKey, Update> entry : updates.entrySet()) {
      if (deletes.containsKey(entry.getKey())) {
        continue;
      }
      Update update = entry.getValue();
      Map<? extends Column<?, ?>, Object> values = update.patch().values();
      if (lastShape == null || !lastShape.matches(entry.getKey().table(), values.keySet())) {
        lastShape = new Shape(entry.getKey().table(), new ArrayList<>(values.keySet()));
        List<Column<?, ?>> columns = ordered(update.table(), update.patch());
        lastGroup = updateGroups.computeIfAbsent(new GroupKey(lastShape.table(), names(columns)),
            key -> new Group(update.table(), columns));
      }
      lastGroup.add(update.id(), values);
    }
    for (Group group : updateGroups.values()) {
      dialect.update(connection, group.table, group.columns, group.ids, group.rows);
    }
    Map<String, Group> deleteGroups = new LinkedHashMap<>();
    for (Map.Entry<RowKey, Delete> entry : deletes.entrySet()) {
      Delete delete = entry.getValue();
      deleteGroups.computeIfAbsent(entry.getKey().table(), key -> new Group(delete.table(), List.of()))
          .add(delete.id(), Map.of());
    }
    for (Group group : deleteGroups.values()) {
      dialect.delete(connection, group.table, group.ids);
    }
  }

  private static Update merge(Update earlier, Update later) {
    Patch<?> merged = earlier.patch().copy();
    merged.setAll(later.patch());
    return new Update(earlier.table(), earlier.id(), merged);
  }

  private static RowKey rowKey(Table<?> table, Object id) {
    return new RowKey(key(table), id);
  }

  private static String key(Table<?> table) {
    return table.schema().map(Identifiers::key).orElse("") + "." + Identifiers.key(table.name());
  }

  /** The columns a patch sets, in the table's column order (others after, by name). */
  private static List<Column<?, ?>> ordered(Table<?> table, Patch<?> patch) {
    List<Column<?, ?>> order = new ArrayList<>(table.columns());
    List<Column<?, ?>> columns = new ArrayList<>(patch.values().keySet());
    columns.sort(Comparator.<Column<?, ?>>comparingInt(column -> {
      int index = order.indexOf(column);
      return index < 0 ? Integer.MAX_VALUE : index;
    }).thenComparing(column -> column.name().toLowerCase(Locale.ROOT)));
    return columns;
  }

  private static List<String> names(List<Column<?, ?>> columns) {
    return columns.stream().map(column -> column.name().toLowerCase(Locale.ROOT)).toList();
  }
}
