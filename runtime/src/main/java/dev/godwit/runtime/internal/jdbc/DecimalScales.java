package dev.godwit.runtime.internal.jdbc;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Identifiers;
import dev.godwit.runtime.Table;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The declared scale (digits after the decimal point) of each NUMERIC column of the tables the catalog
 * check has seen on one database, and the checks that keep a decimal from being rounded to it:
 * PostgreSQL and H2 round a value with more digits to the column's scale without an error
 * (PostgreSQL documentation, section 8.1.2), so a run would succeed over values it changed.
 *
 * <p>One per {@link Database}; thread-safe.
 */
public final class DecimalScales {

  private final Map<String, Map<String, Integer>> scales = new ConcurrentHashMap<>();

  /**
   * Remembers the declared scales of a table's NUMERIC columns, as the catalog check found them.
   *
   * @param table the checked table
   * @param byColumn declared scale by {@link Column#key()}
   */
  public void remember(Table<?> table, Map<String, Integer> byColumn) {
    scales.put(key(table), Map.copyOf(byColumn));
  }

  /**
   * Checks that a value fits the declared scale of its NUMERIC column.
   *
   * @param table the table written
   * @param column the column written
   * @param value the value, of the column's Java type
   * @throws IllegalArgumentException naming the value, the column and the fix when the database
   *     would round it; nothing for other columns, values and tables the check has not seen
   */
  public void check(Table<?> table, Column<?, ?> column, Object value) {
    Object stored = column.type().toStored(value);
    if (!(stored instanceof BigDecimal decimal)) {
      return;
    }
    Integer scale = scales.getOrDefault(key(table), Map.of()).get(column.key());
    int needed = Math.max(decimal.stripTrailingZeros().scale(), 0);
    if (scale != null && needed > scale) {
      throw new IllegalArgumentException("the value " + decimal.stripTrailingZeros().toPlainString()
          + " for " + table.qualifiedName() + "." + column.name() + " has " + needed
          + " digits after the decimal point, more than the column's scale of " + scale
          + ", so the database would round it without an error; declare the column with a scale"
          + " of at least " + needed + ", or round the value in the migration");
    }
  }

  /**
   * Checks that copying one NUMERIC column into another keeps every digit: the target's declared
   * scale is at least the source's (a source without a declared scale, or a column the catalog check
   * has not seen, is not refused).
   *
   * @param table the table
   * @param target the column written
   * @param source the column copied
   * @throws IllegalArgumentException naming both columns and the fix when digits would be rounded
   */
  public void checkCopy(Table<?> table, Column<?, ?> target, Column<?, ?> source) {
    Map<String, Integer> byColumn = scales.getOrDefault(key(table), Map.of());
    Integer targetScale = byColumn.get(target.key());
    Integer sourceScale = byColumn.get(source.key());
    if (targetScale != null && sourceScale != null && sourceScale > targetScale) {
      throw new IllegalArgumentException("copying " + table.qualifiedName() + "." + source.name()
          + " (scale " + sourceScale + ") into " + target.name() + " (scale " + targetScale
          + ") would round its values without an error; declare " + target.name()
          + " with a scale of at least " + sourceScale);
    }
  }

  /** A table as the database tells tables apart: its schema and name, compared as names are. */
  private static String key(Table<?> table) {
    return table.schema().map(Identifiers::key).orElse("") + "." + Identifiers.key(table.name());
  }
}
