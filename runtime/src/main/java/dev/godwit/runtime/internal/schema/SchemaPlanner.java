package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.Identifiers;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.SchemaStep.Guard;
import dev.godwit.runtime.SchemaStep.Kind;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.Verification;
import dev.godwit.runtime.internal.schema.Catalog.CatalogColumn;
import dev.godwit.runtime.internal.schema.Catalog.Found;
import dev.godwit.runtime.internal.schema.PlannedStep.GuardCheck;
import dev.godwit.runtime.internal.sql.ConditionSql;
import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.Dialect.ConstraintState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares each table's {@link TableSchema} with the live catalog and lists the steps that bring the
 * catalog to it, expand steps first, then narrow, then contract; within a phase, table by table in
 * the order given. Reads the catalog only.
 */
final class SchemaPlanner {

  private final Connection connection;
  private final Dialect dialect;
  private final Catalog catalog;
  /** The state table as SQL names it, for the guards that read a backfill's recorded state. */
  private final String stateTable;

  SchemaPlanner(Connection connection, Dialect dialect, String stateTable) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.catalog = new Catalog(connection, dialect);
    this.stateTable = stateTable;
  }

  /** Every step, ordered by phase, then by table, then as each table needs them. */
  List<PlannedStep> plan(List<TableSchema<?>> schemas) throws SQLException {
    List<PlannedStep> steps = new ArrayList<>();
    for (TableSchema<?> schema : schemas) {
      steps.addAll(plan(schema));
    }
    // a stable sort: within a phase the tables' order, and each table's own, are kept
    steps.sort(Comparator.comparing(step -> step.step().phase()));
    return steps;
  }

  private List<PlannedStep> plan(TableSchema<?> schema) throws SQLException {
    Table<?> table = schema.table();
    Optional<Found> found = catalog.find(table);
    if (found.isEmpty()) {
      return List.of(createTable(schema));
    }
    Map<String, CatalogColumn> columns = catalog.columns(found.get());
    List<PlannedStep> expand = new ArrayList<>();
    List<PlannedStep> narrow = new ArrayList<>();
    List<PlannedStep> contract = new ArrayList<>();
    for (ColumnSchema column : schema.columns()) {
      CatalogColumn stored = columns.get(dialect.fold(column.name()));
      if (stored == null) {
        expand.add(addColumn(schema, column));
      } else if (column.mustAcceptNull() && !stored.nullable()) {
        expand.add(dropNotNull(schema, column.name(), column.role() == ColumnSchema.Role.WIDENED
            ? "old rows lack it until its backfill fills them"
            : "the new code may stop writing it"));
      }
      if (column.required()) {
        setNotNull(schema, column, stored).ifPresent(narrow::add);
      }
    }
    for (String removed : schema.removed()) {
      CatalogColumn stored = columns.get(dialect.fold(removed));
      if (stored == null) {
        continue;
      }
      if (!stored.nullable()) {
        expand.add(dropNotNull(schema, removed, "the code no longer maps it"));
      }
      contract.add(dropColumn(schema, found.get(), removed));
    }
    List<PlannedStep> steps = new ArrayList<>(expand);
    steps.addAll(narrow);
    steps.addAll(contract);
    return steps;
  }

  private PlannedStep createTable(TableSchema<?> schema) {
    Table<?> table = schema.table();
    List<String> definitions = new ArrayList<>();
    for (ColumnSchema column : schema.columns()) {
      boolean notNull = column.required() || table.key().contains(column.column());
      definitions.add(dialect.quote(column.name()) + " " + type(schema, column)
          + (notNull ? " NOT NULL" : ""));
    }
    definitions.add("PRIMARY KEY (" + table.key().stream().map(key -> dialect.quote(key.name()))
        .collect(Collectors.joining(", ")) + ")");
    String sql = "CREATE TABLE " + dialect.qualified(table) + " ("
        + String.join(", ", definitions) + ")";
    return step(Phase.EXPAND, table, null, Kind.CREATE_TABLE, "Create table "
        + table.qualifiedName() + ", which the code maps and the database lacks.", List.of(sql),
        table.qualifiedName(), List.of());
  }

  private PlannedStep addColumn(TableSchema<?> schema, ColumnSchema column) {
    Table<?> table = schema.table();
    // nullable and without a default: see Dialect.addColumn for what each database does with it
    String sql = dialect.addColumn(dialect.qualified(table), dialect.quote(column.name()),
        type(schema, column));
    return step(Phase.EXPAND, table, column.name(), Kind.ADD_COLUMN, "Add column "
        + name(table, column.name()) + ", nullable, which the code maps and the table lacks.",
        List.of(sql), name(table, column.name()), List.of());
  }

  private PlannedStep dropNotNull(TableSchema<?> schema, String column, String why)
      throws SQLException {
    Table<?> table = schema.table();
    String sql;
    try {
      sql = dialect.dropNotNull(connection, dialect.qualified(table), dialect.quote(column));
    } catch (IllegalArgumentException e) {
      throw notPlannable(schema, e, "let column " + column + " hold NULL by hand");
    }
    return step(Phase.EXPAND, table, column, Kind.DROP_NOT_NULL, "Let " + name(table, column)
        + " hold NULL: " + why + ".", List.of(sql), name(table, column), List.of());
  }

  /**
   * The narrow step of a required column: {@code SET NOT NULL} of a nullable or missing one, or, on
   * a database that narrows through a check constraint, the drop of one an earlier try left behind.
   */
  private Optional<PlannedStep> setNotNull(TableSchema<?> schema, ColumnSchema column,
      CatalogColumn stored) throws SQLException {
    Table<?> table = schema.table();
    String qualified = dialect.qualified(table);
    String constraintName = constraintName(column.name());
    String constraint = dialect.quote(constraintName);
    ConstraintState state = stored == null ? ConstraintState.ABSENT
        : dialect.constraintState(connection, qualified, dialect.fold(constraintName));
    List<String> statements;
    if (stored != null && !stored.nullable()) {
      if (state == ConstraintState.ABSENT) {
        return Optional.empty();
      }
      statements = List.of("ALTER TABLE " + qualified + " DROP CONSTRAINT IF EXISTS " + constraint);
    } else {
      try {
        statements = dialect.setNotNull(connection, qualified, dialect.quote(column.name()),
            stored == null ? type(schema, column) : null, constraint, state);
      } catch (IllegalArgumentException e) {
        throw notPlannable(schema, e, "make column " + column.name() + " NOT NULL by hand once"
            + " its guards hold");
      }
    }
    return Optional.of(step(Phase.NARROW, table, column.name(), Kind.SET_NOT_NULL, "Require a"
        + " value in " + name(table, column.name()) + ", which the code requires.", statements,
        name(table, column.name()), narrowGuards(schema, column)));
  }

  /**
   * What must hold before a column is made NOT NULL: the backfill that fills it (if one does) is
   * recorded SUCCEEDED and its verification finds no row left, and no row holds NULL. The
   * verification is checked first, since its count names the migration to run.
   */
  private List<GuardCheck> narrowGuards(TableSchema<?> schema, ColumnSchema column) {
    Table<?> table = schema.table();
    String columnName = name(table, column.name());
    String from = " FROM " + dialect.qualified(table) + " WHERE ";
    List<GuardCheck> guards = new ArrayList<>();
    Optional<Verification<?>> filledBy = column.filledBy();
    String nullFix;
    if (filledBy.isPresent()) {
      Verification<?> verification = filledBy.get();
      String migration = verification.name();
      guards.add(new GuardCheck(new Guard("Verification " + migration + " finds no row left in "
          + table.qualifiedName() + ".", "SELECT COUNT(*)" + from + remaining(schema,
              verification), "Run " + migration + ", then apply narrow again."),
          left -> migration + " has " + rows(left) + " left (verification " + migration + ")",
          "run it, then apply narrow again", false));
      guards.add(new GuardCheck(new Guard("Migration " + migration + " is recorded "
          + MigrationState.SUCCEEDED + ".", "SELECT CASE WHEN EXISTS (SELECT 1 FROM " + stateTable
              + " WHERE " + dialect.quote("name") + " = " + text(migration) + " AND "
              + dialect.quote("state") + " = " + text(MigrationState.SUCCEEDED.name())
              + ") THEN 0 ELSE 1 END", "Run " + migration + " to the end, then apply narrow"
              + " again."),
          none -> migration + ", which fills " + columnName + ", is not recorded "
              + MigrationState.SUCCEEDED,
          "run it to the end, then apply narrow again", true));
      nullFix = "run " + migration + ", which fills it, then apply narrow again";
    } else {
      nullFix = "give those rows a value (no backfill fills " + columnName + "), then apply"
          + " narrow again";
    }
    guards.add(new GuardCheck(new Guard(columnName + " holds no NULL.", "SELECT COUNT(*)" + from
        + dialect.quote(column.name()) + " IS NULL", capitalized(nullFix) + "."),
        nulls -> columnName + " holds NULL in " + rows(nulls), nullFix, false));
    return guards;
  }

  /** The verification's remaining condition as SQL without parameters. */
  private String remaining(TableSchema<?> schema, Verification<?> verification) {
    StringBuilder sql = new StringBuilder();
    try {
      ConditionSql.render(verification.remaining(), sql, new SqlLiterals(dialect), dialect::quote);
    } catch (IllegalArgumentException e) {
      throw new MigrationException(ErrorCode.SCHEMA_NOT_PLANNABLE, ErrorCode.SCHEMA_NOT_PLANNABLE
          .message(schema.table().qualifiedName(), "the condition of verification "
              + verification.name() + " cannot be written as an SQL literal faithfully, since "
              + e.getMessage(), "compare with values that have an exact literal (or none, as"
              + " IS NULL does) in the verification of " + verification.name()));
    }
    return sql.toString();
  }

  /**
   * The contract step of a removed column: {@code DROP COLUMN}, guarded by the table's narrow
   * steps being applied, which the catalog shows as every required column being NOT NULL.
   */
  private PlannedStep dropColumn(TableSchema<?> schema, Found found, String column) {
    Table<?> table = schema.table();
    List<String> required = schema.columns().stream().filter(ColumnSchema::required)
        .map(each -> text(dialect.fold(each.name()))).toList();
    List<GuardCheck> guards = new ArrayList<>();
    if (!required.isEmpty()) {
      guards.add(new GuardCheck(new Guard("No narrow step of " + table.qualifiedName()
          + " is pending: every column the code requires is NOT NULL.",
          "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
              // a MySQL database is a JDBC catalog, and its information_schema's table_schema
              + text(found.schema() != null ? found.schema() : found.catalog())
              + " AND table_name = " + text(found.name())
              + " AND column_name IN (" + String.join(", ", required)
              + ") AND is_nullable = 'YES'",
          "Apply narrow, then apply contract again."),
          pending -> table.qualifiedName() + " has " + pending + " narrow step"
              + (pending == 1 ? "" : "s") + " pending (required columns still nullable)",
          "apply narrow, then apply contract again", false));
    }
    String sql = dialect.dropColumn(dialect.qualified(table), dialect.quote(column));
    return step(Phase.CONTRACT, table, column, Kind.DROP_COLUMN, "Drop column "
        + name(table, column) + ", which the code declares removed.", List.of(sql),
        name(table, column), guards);
  }

  private String type(TableSchema<?> schema, ColumnSchema column) {
    try {
      return dialect.columnType(column.column().type(), column.size());
    } catch (IllegalArgumentException e) {
      throw notPlannable(schema, e, "create column " + column.name()
          + " by hand with a type that holds it");
    }
  }

  private static MigrationException notPlannable(TableSchema<?> schema,
      IllegalArgumentException cause, String fix) {
    return new MigrationException(ErrorCode.SCHEMA_NOT_PLANNABLE, ErrorCode.SCHEMA_NOT_PLANNABLE
        .message(schema.table().qualifiedName(), cause.getMessage(), fix));
  }

  private PlannedStep step(Phase phase, Table<?> table, String column, Kind kind,
      String description, List<String> statements, String subject, List<GuardCheck> guards) {
    String described = dialect.stepCost(kind).map(cost -> description + " " + cost)
        .orElse(description);
    return new PlannedStep(new SchemaStep(phase, table.qualifiedName(), Optional.ofNullable(column),
        kind, described, statements, guards.stream().map(GuardCheck::guard).toList()), table,
        subject, guards);
  }

  /**
   * The temporary check constraint of a column's narrow step: {@code godwit_nn_} and the column's
   * name in lower-case letters, digits and underscores, cut to the longest identifier
   * ({@link Identifiers#MAX_LENGTH}).
   */
  static String constraintName(String column) {
    String name = "godwit_nn_" + Identifiers.text(column)
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return name.length() <= Identifiers.MAX_LENGTH ? name
        : name.substring(0, Identifiers.MAX_LENGTH);
  }

  private static String name(Table<?> table, String column) {
    return table.qualifiedName() + "." + column;
  }

  /** A text literal; the names and words written so are checked identifiers or fixed words. */
  private static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static String rows(long count) {
    return count + (count == 1 ? " row" : " rows");
  }

  private static String capitalized(String clause) {
    return Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
  }
}
