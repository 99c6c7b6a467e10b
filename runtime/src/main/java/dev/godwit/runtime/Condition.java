package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A typed filter on the rows of one table, made from {@link Column}s: the range of a migration, or the
 * rows a verification still finds in the old format. Values are always bound as parameters.
 *
 * @param <T> the entity type of the table
 */
public abstract sealed class Condition<T> {

  private Condition() {}

  /**
   * Every row.
   *
   * @param <T> the entity type
   * @return a condition that holds for every row
   */
  public static <T> Condition<T> all() {
    return new All<>();
  }

  /**
   * Rows where both this and another condition hold.
   *
   * @param other the other condition
   * @return the conjunction
   */
  public Condition<T> and(Condition<T> other) {
    Objects.requireNonNull(other, "other");
    if (this instanceof All) {
      return other;
    }
    if (other instanceof All) {
      return this;
    }
    return new Junction<>("AND", this, other);
  }

  /**
   * Rows where this or another condition holds.
   *
   * @param other the other condition
   * @return the disjunction
   */
  public Condition<T> or(Condition<T> other) {
    Objects.requireNonNull(other, "other");
    if (this instanceof All || other instanceof All) {
      return new All<>();
    }
    return new Junction<>("OR", this, other);
  }

  /**
   * Rows where this condition does not hold (SQL {@code NOT}: rows where it is unknown are excluded too).
   *
   * @return the negation
   */
  public Condition<T> negate() {
    return new Not<>(this);
  }

  /**
   * Whether this condition holds for every row.
   *
   * @return {@code true} for {@link #all()}
   */
  public boolean isAll() {
    return this instanceof All;
  }

  /**
   * Appends this condition as SQL, adding its parameters in order.
   *
   * @param sql where the SQL goes
   * @param bindings where the parameters go
   * @param quote turns a checked column name into the dialect's identifier
   */
  abstract void render(StringBuilder sql, List<Binding> bindings, UnaryOperator<String> quote);

  @Override
  public String toString() {
    StringBuilder sql = new StringBuilder();
    List<Binding> bindings = new java.util.ArrayList<>();
    render(sql, bindings, UnaryOperator.identity());
    String text = sql.toString();
    for (Binding binding : bindings) {
      String value = binding.value() instanceof String || binding.value() instanceof Enum<?>
          ? "'" + binding.type().encodeUnchecked(binding.value()) + "'"
          : binding.type().encodeUnchecked(binding.value());
      text = text.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(value));
    }
    return text;
  }

  static <T> Condition<T> compare(Column<T, ?> column, String operator, List<?> values) {
    return new Comparison<>(column, operator, values);
  }

  private static final class All<T> extends Condition<T> {
    @Override
    void render(StringBuilder sql, List<Binding> bindings, UnaryOperator<String> quote) {
      sql.append("1 = 1");
    }
  }

  private static final class Comparison<T> extends Condition<T> {
    private final Column<T, ?> column;
    private final String operator;
    private final List<?> values;

    Comparison(Column<T, ?> column, String operator, List<?> values) {
      this.column = column;
      this.operator = operator;
      this.values = values;
    }

    @Override
    void render(StringBuilder sql, List<Binding> bindings, UnaryOperator<String> quote) {
      if (operator.equals("IN") && values.isEmpty()) {
        sql.append("1 = 0");
        return;
      }
      sql.append(quote.apply(column.name())).append(' ').append(operator);
      if (operator.equals("IN")) {
        sql.append(" (");
        for (int i = 0; i < values.size(); i++) {
          sql.append(i == 0 ? "?" : ", ?");
          bindings.add(new Binding(column.type(), values.get(i)));
        }
        sql.append(')');
      } else if (!values.isEmpty()) {
        sql.append(" ?");
        bindings.add(new Binding(column.type(), values.get(0)));
      }
    }
  }

  private static final class Junction<T> extends Condition<T> {
    private final String operator;
    private final Condition<T> left;
    private final Condition<T> right;

    Junction(String operator, Condition<T> left, Condition<T> right) {
      this.operator = operator;
      this.left = left;
      this.right = right;
    }

    @Override
    void render(StringBuilder sql, List<Binding> bindings, UnaryOperator<String> quote) {
      sql.append('(');
      left.render(sql, bindings, quote);
      sql.append(' ').append(operator).append(' ');
      right.render(sql, bindings, quote);
      sql.append(')');
    }
  }

  private static final class Not<T> extends Condition<T> {
    private final Condition<T> inner;

    Not(Condition<T> inner) {
      this.inner = inner;
    }

    @Override
    void render(StringBuilder sql, List<Binding> bindings, UnaryOperator<String> quote) {
      sql.append("NOT (");
      inner.render(sql, bindings, quote);
      sql.append(')');
    }
  }
}
