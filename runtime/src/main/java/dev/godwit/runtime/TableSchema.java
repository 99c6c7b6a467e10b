package dev.godwit.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the code expects of one table: its name and schema and key (from its {@link Table}), every
 * mapped column with its role in the lifecycle, nullability and size, and the columns the code has
 * declared removed. Generated for every entity as {@code XTable.SCHEMA}; {@link Migrator} compares it
 * with the live database's catalog to plan, apply and check the schema steps of each {@link Phase}.
 *
 * <pre>{@code
 * TableSchema<Team> schema = TableSchema.of(TeamTable.TABLE)
 *     .required(TeamTable.ID)
 *     .optional(TeamTable.NAME, ColumnSchema.Size.length(200))
 *     .retiring(TeamTable.IS_PRO)
 *     .widened(TeamTable.PLAN, TeamVerification.backfillPlan())
 *     .removed("legacy_flag")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the entity type of the table
 */
public final class TableSchema<T> {

  private final Table<T> table;
  private final List<ColumnSchema> columns;
  private final List<String> removed;

  private TableSchema(Table<T> table, List<ColumnSchema> columns, List<String> removed) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.removed = List.copyOf(removed);
  }

  /**
   * Starts describing a table's expected schema; every column of the table must then be described
   * once, in any order.
   *
   * @param table the table
   * @param <T> the entity type
   * @return a builder
   */
  public static <T> Builder<T> of(Table<T> table) {
    return new Builder<>(table);
  }

  /**
   * The table: name, schema, key and columns.
   *
   * @return the table
   */
  public Table<T> table() {
    return table;
  }

  /**
   * Every mapped column, in the table's column order.
   *
   * @return the columns
   */
  public List<ColumnSchema> columns() {
    return columns;
  }

  /**
   * One column by its declared name.
   *
   * @param name the name, as declared
   * @return the column, if mapped
   */
  public Optional<ColumnSchema> column(String name) {
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }

  /**
   * The columns no field maps any more whose removal the code declared
   * ({@code @MigratedTable(removed = ...)}): the contract phase drops them.
   *
   * @return the declared names, in declaration order
   */
  public List<String> removed() {
    return removed;
  }

  @Override
  public String toString() {
    return "schema of " + table.qualifiedName();
  }

  /**
   * Describes a {@link TableSchema}.
   *
   * @param <T> the entity type
   */
  public static final class Builder<T> {

    private final Table<T> table;
    private final Map<Column<T, ?>, ColumnSchema> columns = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    private Builder(Table<T> table) {
      this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * A column that holds a value in every row.
     *
     * @param column the column
     * @param size its declared size
     * @return this builder
     */
    public Builder<T> required(Column<T, ?> column, ColumnSchema.Size size) {
      return add(column, ColumnSchema.Role.REQUIRED, size, null);
    }

    /**
     * A column that holds a value in every row, of the dialect's default size.
     *
     * @param column the column
     * @return this builder
     */
    public Builder<T> required(Column<T, ?> column) {
      return required(column, ColumnSchema.Size.DEFAULT);
    }

    /**
     * A column that may be NULL.
     *
     * @param column the column
     * @param size its declared size
     * @return this builder
     */
    public Builder<T> optional(Column<T, ?> column, ColumnSchema.Size size) {
      return add(column, ColumnSchema.Role.OPTIONAL, size, null);
    }

    /**
     * A column that may be NULL, of the dialect's default size.
     *
     * @param column the column
     * @return this builder
     */
    public Builder<T> optional(Column<T, ?> column) {
      return optional(column, ColumnSchema.Size.DEFAULT);
    }

    /**
     * A widened column: NULL in old rows until its backfill fills them.
     *
     * @param column the column
     * @param filledBy the verification of the backfill that fills it
     * @param size its declared size
     * @return this builder
     */
    public Builder<T> widened(
        Column<T, ?> column, Verification<T> filledBy, ColumnSchema.Size size) {
      return add(column, ColumnSchema.Role.WIDENED, size, Objects.requireNonNull(filledBy));
    }

    /**
     * A widened column of the dialect's default size.
     *
     * @param column the column
     * @param filledBy the verification of the backfill that fills it
     * @return this builder
     */
    public Builder<T> widened(Column<T, ?> column, Verification<T> filledBy) {
      return widened(column, filledBy, ColumnSchema.Size.DEFAULT);
    }

    /**
     * A narrowed column: required, once the backfill that filled it is verified complete.
     *
     * @param column the column
     * @param filledBy the verification of the backfill that fills it
     * @param size its declared size
     * @return this builder
     */
    public Builder<T> narrowed(
        Column<T, ?> column, Verification<T> filledBy, ColumnSchema.Size size) {
      return add(column, ColumnSchema.Role.NARROWED, size, Objects.requireNonNull(filledBy));
    }

    /**
     * A narrowed column of the dialect's default size.
     *
     * @param column the column
     * @param filledBy the verification of the backfill that fills it
     * @return this builder
     */
    public Builder<T> narrowed(Column<T, ?> column, Verification<T> filledBy) {
      return narrowed(column, filledBy, ColumnSchema.Size.DEFAULT);
    }

    /**
     * A deprecated column: the old format, still written and read.
     *
     * @param column the column
     * @param size its declared size
     * @return this builder
     */
    public Builder<T> deprecated(Column<T, ?> column, ColumnSchema.Size size) {
      return add(column, ColumnSchema.Role.DEPRECATED, size, null);
    }

    /**
     * A deprecated column of the dialect's default size.
     *
     * @param column the column
     * @return this builder
     */
    public Builder<T> deprecated(Column<T, ?> column) {
      return deprecated(column, ColumnSchema.Size.DEFAULT);
    }

    /**
     * A column deprecated for removal: the new code may stop writing it.
     *
     * @param column the column
     * @param size its declared size
     * @return this builder
     */
    public Builder<T> retiring(Column<T, ?> column, ColumnSchema.Size size) {
      return add(column, ColumnSchema.Role.RETIRING, size, null);
    }

    /**
     * A column deprecated for removal, of the dialect's default size.
     *
     * @param column the column
     * @return this builder
     */
    public Builder<T> retiring(Column<T, ?> column) {
      return retiring(column, ColumnSchema.Size.DEFAULT);
    }

    /**
     * Columns no field maps any more, whose removal the code declares: the contract phase drops them.
     *
     * @param columnNames the names, as declared (an exact name between double quotes)
     * @return this builder
     */
    public Builder<T> removed(String... columnNames) {
      for (String name : columnNames) {
        removed.add(Objects.requireNonNull(name, "column name"));
      }
      return this;
    }

    /**
     * Ends the description.
     *
     * @return the schema
     * @throws IllegalArgumentException if a column of the table is not described, a removed column
     *     is still mapped, or a verification is of another table
     */
    public TableSchema<T> build() {
      List<String> missing = new ArrayList<>();
      for (Column<T, ?> column : table.columns()) {
        if (!columns.containsKey(column)) {
          missing.add(column.name());
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "the schema of " + table.qualifiedName() + " does not describe column(s) " + missing);
      }
      for (String name : removed) {
        if (table.column(name).isPresent()) {
          throw new IllegalArgumentException("column " + name + " of " + table.qualifiedName()
              + " is declared removed but is still mapped");
        }
      }
      List<ColumnSchema> ordered = new ArrayList<>();
      for (Column<T, ?> column : table.columns()) {
        ordered.add(columns.get(column));
      }
      return new TableSchema<>(table, ordered, new ArrayList<>(removed));
    }

    private Builder<T> add(Column<T, ?> column, ColumnSchema.Role role, ColumnSchema.Size size,
        Verification<T> filledBy) {
      Objects.requireNonNull(column, "column");
      if (!table.columns().contains(column)) {
        throw new IllegalArgumentException(
            column + " is not a column of " + table.qualifiedName());
      }
      if (filledBy != null && !filledBy.table().qualifiedName().equals(table.qualifiedName())) {
        throw new IllegalArgumentException("verification " + filledBy.name() + " is on "
            + filledBy.table().qualifiedName() + ", not on " + table.qualifiedName());
      }
      if (columns.putIfAbsent(column, new ColumnSchema(column, role, size,
          Optional.<Verification<?>>ofNullable(filledBy))) != null) {
        throw new IllegalArgumentException(
            column + " of " + table.qualifiedName() + " is described twice");
      }
      return this;
    }
  }
}
