package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A typed filter on the rows of one table, made from {@link Column}s: the range of a migration, or the
 * rows a verification still finds in the old format. Values are always bound as parameters. A sealed
 * hierarchy ({@link All}, {@link Comparison}, {@link And}, {@link Or}, {@link Not}) whose structure the
 * engine reads to write SQL in each database's dialect.
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
    return new And<>(this, other);
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
    return new Or<>(this, other);
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

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    describe(this, text);
    return text.toString();
  }

  /** Appends a condition as SQL with its values written in, for messages. */
  private static void describe(Condition<?> condition, StringBuilder text) {
    if (condition instanceof Comparison<?> comparison) {
      describe(comparison, text);
    } else if (condition instanceof And<?> and) {
      describeJunction("AND", and.left, and.right, text);
    } else if (condition instanceof Or<?> or) {
      describeJunction("OR", or.left, or.right, text);
    } else if (condition instanceof Not<?> not) {
      text.append("NOT (");
      describe(not.inner, text);
      text.append(')');
    } else {
      text.append("1 = 1");
    }
  }

  private static void describe(Comparison<?> comparison, StringBuilder text) {
    if (comparison.operator == Operator.IN && comparison.values.isEmpty()) {
      text.append("1 = 0");
      return;
    }
    text.append(comparison.column.name()).append(' ').append(comparison.operator.sql());
    if (comparison.operator == Operator.IN) {
      text.append(" (");
      for (int i = 0; i < comparison.values.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(literal(comparison.column, comparison.values.get(i)));
      }
      text.append(')');
    } else if (!comparison.values.isEmpty()) {
      text.append(' ').append(literal(comparison.column, comparison.values.get(0)));
    }
  }

  private static void describeJunction(String operator, Condition<?> left, Condition<?> right,
      StringBuilder text) {
    text.append('(');
    describe(left, text);
    text.append(' ').append(operator).append(' ');
    describe(right, text);
    text.append(')');
  }

  private static String literal(Column<?, ?> column, Object value) {
    String encoded = column.type().encodeUnchecked(value);
    return value instanceof String || value instanceof Enum<?> ? "'" + encoded + "'" : encoded;
  }

  static <T> Condition<T> compare(Column<T, ?> column, Operator operator, List<?> values) {
    return new Comparison<>(column, operator, values);
  }

  /** How a {@link Comparison} compares its column, with the operator's SQL text. */
  public enum Operator {
    /** {@code IS NULL}, with no value. */
    IS_NULL("IS NULL"),
    /** {@code IS NOT NULL}, with no value. */
    IS_NOT_NULL("IS NOT NULL"),
    /** {@code =}, with one value. */
    EQUAL("="),
    /** {@code <>}, with one value. */
    NOT_EQUAL("<>"),
    /** {@code <}, with one value. */
    LESS("<"),
    /** {@code <=}, with one value. */
    LESS_OR_EQUAL("<="),
    /** {@code >}, with one value. */
    GREATER(">"),
    /** {@code >=}, with one value. */
    GREATER_OR_EQUAL(">="),
    /** {@code IN}, with any number of values; with none it holds for no row. */
    IN("IN");

    private final String sql;

    Operator(String sql) {
      this.sql = sql;
    }

    /**
     * The operator as standard SQL writes it.
     *
     * @return for example {@code "<>"} or {@code "IS NULL"}
     */
    public String sql() {
      return sql;
    }
  }

  /**
   * Every row: {@link #all()}.
   *
   * @param <T> the entity type
   */
  public static final class All<T> extends Condition<T> {
    private All() {}
  }

  /**
   * A column compared with values, which are bound as parameters.
   *
   * @param <T> the entity type
   */
  public static final class Comparison<T> extends Condition<T> {
    private final Column<T, ?> column;
    private final Operator operator;
    private final List<?> values;

    private Comparison(Column<T, ?> column, Operator operator, List<?> values) {
      this.column = column;
      this.operator = operator;
      this.values = values;
    }

    /**
     * The column compared.
     *
     * @return the column
     */
    public Column<T, ?> column() {
      return column;
    }

    /**
     * How it is compared.
     *
     * @return the operator
     */
    public Operator operator() {
      return operator;
    }

    /**
     * The values compared with: none for {@code IS [NOT] NULL}, one for the others, any number for
     * {@code IN}.
     *
     * @return the values, of the column's Java type, never {@code null}
     */
    public List<?> values() {
      return values;
    }
  }

  /**
   * Rows where both of two conditions hold.
   *
   * @param <T> the entity type
   */
  public static final class And<T> extends Condition<T> {
    private final Condition<T> left;
    private final Condition<T> right;

    private And(Condition<T> left, Condition<T> right) {
      this.left = left;
      this.right = right;
    }

    /**
     * The first condition.
     *
     * @return the left operand
     */
    public Condition<T> left() {
      return left;
    }

    /**
     * The second condition.
     *
     * @return the right operand
     */
    public Condition<T> right() {
      return right;
    }
  }

  /**
   * Rows where either of two conditions holds.
   *
   * @param <T> the entity type
   */
  public static final class Or<T> extends Condition<T> {
    private final Condition<T> left;
    private final Condition<T> right;

    private Or(Condition<T> left, Condition<T> right) {
      this.left = left;
      this.right = right;
    }

    /**
     * The first condition.
     *
     * @return the left operand
     */
    public Condition<T> left() {
      return left;
    }

    /**
     * The second condition.
     *
     * @return the right operand
     */
    public Condition<T> right() {
      return right;
    }
  }

  /**
   * Rows where a condition does not hold (SQL {@code NOT}).
   *
   * @param <T> the entity type
   */
  public static final class Not<T> extends Condition<T> {
    private final Condition<T> inner;

    private Not(Condition<T> inner) {
      this.inner = inner;
    }

    /**
     * The negated condition.
     *
     * @return the condition this one negates
     */
    public Condition<T> inner() {
      return inner;
    }
  }
}
