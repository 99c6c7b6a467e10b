package dev.godwit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements the engine runs on a migrated table, in keyset order on its primary key. Every value
 * is a bound parameter; every name is a checked identifier quoted by the dialect.
 *
 * @param <T> the entity type of the table
 */
final class TableSql<T> {

  private final Dialect dialect;
  private final Table<T> table;
  private final String name;
  private final String id;
  private final String columnList;

  TableSql(Dialect dialect, Table<T> table) {
    this.dialect = dialect;
    this.table = table;
    this.name = dialect.qualified(table);
    this.id = dialect.quote(table.id().name());
    this.columnList = table.columns().stream().map(column -> dialect.quote(column.name()))
        .collect(Collectors.joining(", "));
  }

  Table<T> table() {
    return table;
  }

  /**
   * Every column of up to {@code limit} rows matching {@code where} with an id above {@code after}
   * ({@code null}: from the first row), in id order, locked for update when {@code lock}.
   */
  BoundSql select(Condition<T> where, Object after, int limit, boolean lock) {
    return keyset(columnList, where, after, limit, lock);
  }

  /** Like {@link #select} but reading only the ids. */
  BoundSql selectIds(Condition<T> where, Object after, int limit, boolean lock) {
    return keyset(id, where, after, limit, lock);
  }

  /**
   * How many of the next {@code limit} rows {@link #selectIds} would read there are, and the last
   * one's id, as one row: a batch's window without sending its ids.
   */
  BoundSql window(Condition<T> where, Object after, int limit) {
    BoundSql ids = selectIds(where, after, limit, false);
    return new BoundSql("SELECT COUNT(*), MAX(" + id + ") FROM (" + ids.text() + ") AS godwit_window",
        ids.bindings());
  }

  /** Every column of the rows with these ids, in id order. */
  BoundSql selectByIds(List<Object> ids) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(columnList).append(" FROM ")
        .append(name).append(" WHERE ");
    Condition.compare(table.id(), "IN", ids).render(sql, bindings, dialect::quote);
    sql.append(" ORDER BY ").append(id);
    return new BoundSql(sql.toString(), bindings);
  }

  /** How many rows match {@code where} with an id above {@code after}. */
  BoundSql count(Condition<T> where, Object after) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(name);
    where(sql, bindings, where, after, null);
    return new BoundSql(sql.toString(), bindings);
  }

  /** Sets the assignments on the rows matching {@code where} with ids in {@code (after, upTo]}. */
  BoundSql update(List<Assignment<T>> assignments, Condition<T> where, Object after, Object upTo) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("UPDATE ").append(name).append(" SET ");
    for (int i = 0; i < assignments.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      assignments.get(i).render(sql, bindings, dialect::quote);
    }
    where(sql, bindings, where, after, upTo);
    return new BoundSql(sql.toString(), bindings);
  }

  private BoundSql keyset(String selected, Condition<T> where, Object after, int limit, boolean lock) {
    List<Binding> bindings = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(selected).append(" FROM ").append(name);
    where(sql, bindings, where, after, null);
    sql.append(" ORDER BY ").append(id).append(" LIMIT ?");
    bindings.add(new Binding(ColumnType.INTEGER, limit));
    if (lock) {
      sql.append(" FOR UPDATE");
    }
    return new BoundSql(sql.toString(), bindings);
  }

  private void where(StringBuilder sql, List<Binding> bindings, Condition<T> where, Object after,
      Object upTo) {
    sql.append(" WHERE ");
    where.render(sql, bindings, dialect::quote);
    if (after != null) {
      sql.append(" AND ").append(id).append(" > ?");
      bindings.add(new Binding(table.id().type(), after));
    }
    if (upTo != null) {
      sql.append(" AND ").append(id).append(" <= ?");
      bindings.add(new Binding(table.id().type(), upTo));
    }
  }
}
