package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.SchemaMismatchException.Code;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.internal.engine.SchemaCheck;
import dev.godwit.runtime.internal.jdbc.DecimalScales;
import dev.godwit.runtime.internal.schema.Catalog.CatalogColumn;
import dev.godwit.runtime.internal.schema.Catalog.Found;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares one table's code with the database, as a deploy does before serving the code: the
 * mapping's problems ({@link SchemaCheck}), a required column holding NULL, an expand step not
 * applied, and narrow steps not applied under code that already declares columns removed. A narrow
 * step whose data is ready, and a contract step, are not problems: the code runs before them.
 */
final class SchemaChecker {

  private static final String EXPAND = "godwit schema apply --phase expand";
  private static final String NARROW = "godwit schema apply --phase narrow";
  private static final String USE = "serving this code";

  private final Connection connection;
  private final Dialect dialect;
  private final DecimalScales scales;
  private final Catalog catalog;

  SchemaChecker(Connection connection, Dialect dialect, DecimalScales scales)
      throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.scales = scales;
    this.catalog = new Catalog(connection, dialect);
  }

  List<Problem> problems(TableSchema<?> schema) throws SQLException {
    Table<?> table = schema.table();
    Optional<Found> found = catalog.find(table);
    if (found.isEmpty()) {
      return List.of(new Problem(Code.TABLE_MISSING, "Table " + table.qualifiedName()
          + " does not exist; apply the expand phase (" + EXPAND + "), which creates it, before "
          + USE + "."));
    }
    List<Problem> problems = new ArrayList<>(
        SchemaCheck.problems(connection, dialect, scales, table, USE));
    Map<String, CatalogColumn> columns = catalog.columns(found.get());
    List<String> unnarrowed = new ArrayList<>();
    for (ColumnSchema column : schema.columns()) {
      CatalogColumn stored = columns.get(dialect.fold(column.name()));
      String name = table.qualifiedName() + "." + column.name();
      if (stored == null) {
        if (column.required()) {
          unnarrowed.add(column.name());
        }
        continue;
      }
      if (column.required() && stored.nullable()) {
        unnarrowed.add(column.name());
        long nulls = count("SELECT COUNT(*) FROM " + dialect.qualified(table) + " WHERE "
            + dialect.quote(column.name()) + " IS NULL");
        if (nulls > 0) {
          problems.add(new Problem(Code.REQUIRED_HOLDS_NULL, "Column " + name + " holds NULL in "
              + SchemaPlanner.rows(nulls) + ", but the code requires a value; " + column.filledBy()
                  .map(verification -> "run " + verification.name() + ", which fills it,")
                  .orElse("give those rows a value (no backfill fills it)")
              + " before " + USE + "."));
        }
      }
      if (column.mustAcceptNull() && !stored.nullable()) {
        problems.add(expandPending(name, column.role() == ColumnSchema.Role.WIDENED
            ? "old rows lack it until its backfill fills them"
            : "the code may stop writing it"));
      }
    }
    for (String removed : schema.removed()) {
      CatalogColumn stored = columns.get(dialect.fold(removed));
      if (stored != null && !stored.nullable()) {
        problems.add(expandPending(table.qualifiedName() + "." + removed,
            "the code no longer maps it"));
      }
    }
    if (!schema.removed().isEmpty() && !unnarrowed.isEmpty()) {
      problems.add(new Problem(Code.NARROW_PENDING, "Table " + table.qualifiedName()
          + " has narrow steps pending (" + String.join(", ", unnarrowed) + " still nullable)"
          + " while its code declares column" + (schema.removed().size() == 1 ? " " : "s ")
          + String.join(", ", schema.removed()) + " removed; apply the narrow phase (" + NARROW
          + ") before " + USE + "."));
    }
    return problems;
  }

  private static Problem expandPending(String column, String why) {
    return new Problem(Code.EXPAND_PENDING, "Column " + column + " is NOT NULL, but " + why
        + "; apply the expand phase (" + EXPAND + ") before " + USE + ".");
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
