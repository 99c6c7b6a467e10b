package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.Assignment;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Condition;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements the engine runs on a migrated table, in keyset order on its key: a single column,
 * or several compared as a row value ({@code (a, b) > (?, ?)}, ordered by {@code a, b}). Every value
 * is a bound parameter; every name is a checked identifier quoted by the dialect, and the table is
 * named with its schema.
 *
 * @param <T> the entity type of the table
 */
public final class TableSql<T> {

  private final Dialect dialect;
  private final Table<T> table;
  private final String name;
  /** The key columns, quoted and separated by commas: what is selected and ordered by. */
  private final String keyList;
  /** The key as one comparable value: the column, or the row value {@code (a, b)}. */
  private final String keyValue;
  private final String columnList;

  public TableSql(Dialect dialect, Table<T> table) {
    this.dialect = dialect;
    this.table = table;
    this.name = dialect.qualified(table);
    this.keyList = table.key().stream().map(column -> dialect.quote(column.name()))
        .collect(Collectors.joining(", "));
    this.keyValue = table.hasCompositeKey() ? "(" + keyList + ")" : keyList;
    this.columnList = table.columns().stream().map(column -> dialect.quote(column.name()))
        .collect(Collectors.joining(", "));
  }

  public Table<T> table() {
    return table;
  }

  /**
   * Every column of up to {@code limit} rows matching {@code where} with a key above {@code after}
   * ({@code null}: from the first row), in key order, locked for update when {@code lock}.
   */
  public BoundSql select(Condition<T> where, Object after, int limit, boolean lock) {
    return select(where, after, null, limit, lock);
  }

  /**
   * Like {@link #select(Condition, Object, int, boolean)}, reading no key above {@code upTo}
   * ({@code null}: no bound).
   */
  public BoundSql select(Condition<T> where, Object after, Object upTo, int limit, boolean lock) {
    return keyset(columnList, where, after, upTo, limit, lock);
  }

  /** Like {@link #select} but reading only the key columns. */
  public BoundSql selectIds(Condition<T> where, Object after, int limit, boolean lock) {
    return selectIds(where, after, null, limit, lock);
  }

  /**
   * Like {@link #selectIds(Condition, Object, int, boolean)}, reading no key above {@code upTo}
   * ({@code null}: no bound).
   */
  public BoundSql selectIds(Condition<T> where, Object after, Object upTo, int limit,
      boolean lock) {
    return keyset(keyList, where, after, upTo, limit, lock);
  }

  /**
   * The keys of every row matching {@code where} with a key above {@code after}, in key order as the
   * database orders them, from a sample of the table when {@code sample} is not empty: a clause
   * written after the table's name (PostgreSQL's {@code TABLESAMPLE SYSTEM (p)}), or, when it starts
   * with {@code AND}, a condition added to the query's own.
   */
  public BoundSql orderedIds(Condition<T> where, Object after, String sample) {
    List<Binding> bindings = new ArrayList<>();
    boolean condition = sample.startsWith("AND ");
    StringBuilder sql = new StringBuilder("SELECT ").append(keyList).append(" FROM ").append(name)
        .append(condition || sample.isEmpty() ? "" : " " + sample);
    where(sql, bindings, where, after, null);
    if (condition) {
      sql.append(' ').append(sample);
    }
    sql.append(" ORDER BY ").append(keyList);
    return new BoundSql(sql.toString(), bindings);
  }

  /**
   * The key of the row {@code skip} rows past the first one matching {@code where} with a key above
   * {@code after}, in key order as the database orders them (no row when there are not that many):
   * one boundary of a split, read without sending the keys it skips.
   */
  public BoundSql idAfterSkipping(Condition<T> where, Object after, long skip) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(keyList).append(" FROM ").append(name);
    where(sql, bindings, where, after, null);
    sql.append(" ORDER BY ").append(keyList).append(dialect.limitOffsetClause());
    bindings.add(new Binding(ColumnType.INTEGER, 1));
    bindings.add(new Binding(ColumnType.LONG, skip));
    return new BoundSql(sql.toString(), bindings);
  }

  /**
   * How many of the next {@code limit} rows {@link #selectIds} would read there are, how many of
   * them have no NULL in their key, and the last one's key, as one row: a batch's window without
   * sending its keys. A single key's last is its {@code MAX}; a composite key's is the first row in
   * descending key order, counted over the whole window (no row at all when the window is empty).
   */
  public BoundSql window(Condition<T> where, Object after, int limit) {
    return window(where, after, null, limit);
  }

  /**
   * Like {@link #window(Condition, Object, int)}, over no key above {@code upTo} ({@code null}: no
   * bound).
   */
  public BoundSql window(Condition<T> where, Object after, Object upTo, int limit) {
    BoundSql ids = selectIds(where, after, upTo, limit, false);
    if (!table.hasCompositeKey()) {
      return new BoundSql("SELECT COUNT(*), COUNT(" + keyList + "), MAX(" + keyList + ") FROM ("
          + ids.text() + ") AS godwit_window", ids.bindings());
    }
    String noNull = table.key().stream().map(column -> dialect.quote(column.name()) + " IS NOT NULL")
        .collect(Collectors.joining(" AND "));
    String descending = table.key().stream().map(column -> dialect.quote(column.name()) + " DESC")
        .collect(Collectors.joining(", "));
    return new BoundSql("SELECT COUNT(*) OVER (), COUNT(CASE WHEN " + noNull
        + " THEN 1 END) OVER (), " + keyList + " FROM (" + ids.text() + ") AS godwit_window"
        + " ORDER BY " + descending + dialect.limitClause(), one(ids.bindings()));
  }

  /** Every column of the rows with these keys, in key order. */
  public BoundSql selectByIds(List<Object> ids) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(columnList).append(" FROM ")
        .append(name).append(" WHERE ");
    if (!table.hasCompositeKey()) {
      ConditionSql.in(table.id(), ids, sql, bindings, dialect::quote);
    } else if (ids.isEmpty()) {
      sql.append("1 = 0");
    } else {
      sql.append(keyValue).append(" IN (");
      for (int i = 0; i < ids.size(); i++) {
        sql.append(i == 0 ? "" : ", ");
        keyParameters(sql, bindings, ids.get(i));
      }
      sql.append(')');
    }
    sql.append(" ORDER BY ").append(keyList);
    return new BoundSql(sql.toString(), bindings);
  }

  /** How many rows match {@code where} with a key above {@code after}. */
  public BoundSql count(Condition<T> where, Object after) {
    return count(where, after, null);
  }

  /** How many rows match {@code where} with a key in {@code (after, upTo]} ({@code null}: no bound). */
  public BoundSql count(Condition<T> where, Object after, Object upTo) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(name);
    where(sql, bindings, where, after, upTo);
    return new BoundSql(sql.toString(), bindings);
  }

  /**
   * Sets the assignments on the rows matching {@code where} with keys in {@code (after, upTo]}, and
   * increments the table's version column if it has one.
   */
  public BoundSql update(List<Assignment<T>> assignments, Condition<T> where, Object after, Object upTo) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("UPDATE ").append(name).append(" SET ");
    for (int i = 0; i < assignments.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      ConditionSql.render(assignments.get(i), sql, bindings, dialect::quote);
    }
    table.version().ifPresent(version -> sql.append(", ").append(dialect.quote(version.name()))
        .append(" = ").append(dialect.quote(version.name())).append(" + 1"));
    where(sql, bindings, where, after, upTo);
    return new BoundSql(sql.toString(), bindings);
  }

  /** Bindings followed by a limit of one row. */
  private static List<Binding> one(List<Binding> bindings) {
    List<Binding> limited = new ArrayList<>(bindings);
    limited.add(new Binding(ColumnType.INTEGER, 1));
    return limited;
  }

  private BoundSql keyset(String selected, Condition<T> where, Object after, Object upTo, int limit,
      boolean lock) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(selected).append(" FROM ").append(name);
    where(sql, bindings, where, after, upTo);
    sql.append(" ORDER BY ").append(keyList).append(dialect.limitClause());
    bindings.add(new Binding(ColumnType.INTEGER, limit));
    if (lock) {
      sql.append(dialect.lockClause());
    }
    return new BoundSql(sql.toString(), bindings);
  }

  private void where(StringBuilder sql, List<Binding> bindings, Condition<T> where, Object after,
      Object upTo) {
    sql.append(" WHERE ");
    ConditionSql.render(where, sql, bindings, dialect::quote);
    if (after != null) {
      sql.append(" AND ").append(keyValue).append(" > ");
      keyParameters(sql, bindings, after);
    }
    if (upTo != null) {
      sql.append(" AND ").append(keyValue).append(" <= ");
      keyParameters(sql, bindings, upTo);
    }
  }

  /** {@code ?} for a single key, {@code (?, ?)} for a composite one, binding each key value. */
  private void keyParameters(StringBuilder sql, List<Binding> bindings, Object key) {
    List<Object> values = RowKeys.values(table, key);
    if (table.hasCompositeKey()) {
      sql.append('(');
    }
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      bindings.add(new Binding(table.key().get(i).type(), values.get(i)));
    }
    if (table.hasCompositeKey()) {
      sql.append(')');
    }
  }
}
