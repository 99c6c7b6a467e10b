package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.Assignment;
import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Condition;
import dev.godwit.runtime.Condition.Operator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes the API's {@link Condition}s and {@link Assignment}s as SQL: names through the dialect's
 * quoting, every value a bound parameter, or, for SQL that must stand alone (a schema step's guard),
 * a literal. The API types carry only their structure; how it reads in SQL is decided here.
 */
public final class ConditionSql {

  private ConditionSql() {}

  /** Writes one value of a condition into the SQL. */
  @FunctionalInterface
  public interface Values {
    /**
     * Appends a value of a column's type.
     *
     * @throws IllegalArgumentException if the value cannot be written faithfully
     */
    void append(StringBuilder sql, ColumnType<?> type, Object value);
  }

  /**
   * Appends a condition as SQL, adding its parameters in order.
   *
   * @param condition the condition
   * @param sql where the SQL goes
   * @param bindings where the parameters go
   * @param quote turns a checked column name into the dialect's identifier
   */
  public static void render(Condition<?> condition, StringBuilder sql, List<Binding> bindings,
      UnaryOperator<String> quote) {
    render(condition, sql, bound(bindings), quote);
  }

  /**
   * Appends a condition as SQL, each value written by {@code values}: as a literal, for SQL that
   * must run without parameters.
   *
   * @throws IllegalArgumentException if {@code values} cannot write one of the condition's values
   */
  public static void render(Condition<?> condition, StringBuilder sql, Values values,
      UnaryOperator<String> quote) {
    if (condition instanceof Condition.Comparison<?> comparison) {
      compare(comparison.column(), comparison.operator(), comparison.values(), sql, values, quote);
    } else if (condition instanceof Condition.And<?> and) {
      junction("AND", and.left(), and.right(), sql, values, quote);
    } else if (condition instanceof Condition.Or<?> or) {
      junction("OR", or.left(), or.right(), sql, values, quote);
    } else if (condition instanceof Condition.Not<?> not) {
      sql.append("NOT (");
      render(not.inner(), sql, values, quote);
      sql.append(')');
    } else if (condition instanceof Condition.All<?>) {
      sql.append("1 = 1");
    } else {
      throw new IllegalArgumentException("Unknown condition " + condition.getClass().getName());
    }
  }

  /**
   * Appends {@code column IN (?, ...)}, or {@code 1 = 0} for no values.
   *
   * @param column the column compared
   * @param values values of the column's Java type
   */
  public static void in(Column<?, ?> column, List<?> values, StringBuilder sql,
      List<Binding> bindings, UnaryOperator<String> quote) {
    compare(column, Operator.IN, values, sql, bound(bindings), quote);
  }

  /** Appends {@code target = ?} or {@code target = source}. */
  public static void render(Assignment<?> assignment, StringBuilder sql, List<Binding> bindings,
      UnaryOperator<String> quote) {
    sql.append(quote.apply(assignment.target().name())).append(" = ");
    if (assignment.source() != null) {
      sql.append(quote.apply(assignment.source().name()));
    } else {
      sql.append('?');
      bindings.add(new Binding(assignment.target().type(), assignment.value()));
    }
  }

  /** Values as parameters: a {@code ?} each, bound in order. */
  private static Values bound(List<Binding> bindings) {
    return (sql, type, value) -> {
      sql.append('?');
      bindings.add(new Binding(type, value));
    };
  }

  private static void compare(Column<?, ?> column, Operator operator, List<?> values,
      StringBuilder sql, Values out, UnaryOperator<String> quote) {
    if (operator == Operator.IN && values.isEmpty()) {
      sql.append("1 = 0");
      return;
    }
    sql.append(quote.apply(column.name())).append(' ').append(operator.sql());
    if (operator == Operator.IN) {
      sql.append(" (");
      for (int i = 0; i < values.size(); i++) {
        sql.append(i == 0 ? "" : ", ");
        out.append(sql, column.type(), values.get(i));
      }
      sql.append(')');
    } else if (!values.isEmpty()) {
      sql.append(' ');
      out.append(sql, column.type(), values.get(0));
    }
  }

  private static void junction(String operator, Condition<?> left, Condition<?> right,
      StringBuilder sql, Values values, UnaryOperator<String> quote) {
    sql.append('(');
    render(left, sql, values, quote);
    sql.append(' ').append(operator).append(' ');
    render(right, sql, values, quote);
    sql.append(')');
  }
}
