package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the live catalog says of a table, through JDBC's {@link DatabaseMetaData}: where the table
 * is, its columns with their declared types and nullability, and whether a set of columns is unique.
 * Read by the mapping check before a run and by the schema steps' plan and check. Names are matched
 * as the database stores them ({@link Dialect#fold}).
 */
public final class Catalog {

  /** One column as the catalog describes it. */
  public record CatalogColumn(String name, int jdbcType, String typeName, int size,
      boolean nullable) {}

  /** Where a table was found: the schema and name exactly as the catalog stores them. */
  public record Found(String catalog, String schema, String name) {}

  private final Connection connection;
  private final DatabaseMetaData metaData;
  private final Dialect dialect;

  public Catalog(Connection connection, Dialect dialect) throws SQLException {
    this.connection = connection;
    this.metaData = connection.getMetaData();
    this.dialect = dialect;
  }

  /** The table in its schema, or for a table without one, where the database resolves its name. */
  public Optional<Found> find(Table<?> table) throws SQLException {
    String catalog = connection.getCatalog();
    String name = dialect.fold(table.name());
    String schema;
    if (dialect.schemasAreCatalogs()) {
      // the database is the JDBC catalog, and no schema exists within it
      catalog = table.schema().map(dialect::fold).orElse(catalog);
      schema = null;
    } else if (table.schema().isPresent()) {
      schema = dialect.fold(table.schema().get());
    } else {
      Optional<String> resolved = dialect.unqualifiedSchema(connection, table);
      if (resolved.isEmpty()) {
        return Optional.empty();
      }
      schema = resolved.get();
    }
    try (ResultSet tables = metaData.getTables(catalog, pattern(schema), pattern(name), null)) {
      while (tables.next()) {
        String foundSchema = tables.getString("TABLE_SCHEM");
        // JDBC lets getSchema() return null; H2 and PostgreSQL always name one
        if (name.equals(tables.getString("TABLE_NAME"))
            && (schema == null || schema.equals(foundSchema))) {
          return Optional.of(new Found(catalog, foundSchema, name));
        }
      }
    }
    return Optional.empty();
  }

  /** Every column of the table, by its name as stored, in the table's order. */
  public Map<String, CatalogColumn> columns(Found found) throws SQLException {
    Map<String, CatalogColumn> columns = new LinkedHashMap<>();
    try (ResultSet resultSet = metaData.getColumns(found.catalog(), pattern(found.schema()),
        pattern(found.name()), null)) {
      while (resultSet.next()) {
        if (found.name().equals(resultSet.getString("TABLE_NAME"))
            && Objects.equals(found.schema(), resultSet.getString("TABLE_SCHEM"))) {
          String name = resultSet.getString("COLUMN_NAME");
          columns.put(name, new CatalogColumn(name, resultSet.getInt("DATA_TYPE"),
              resultSet.getString("TYPE_NAME"), resultSet.getInt("COLUMN_SIZE"),
              resultSet.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
        }
      }
    }
    return columns;
  }

  /**
   * Whether the primary key, or a unique index without a predicate, has all its columns among the
   * key's, which makes the key unique.
   *
   * @param key the key's columns, as the catalog stores their names
   */
  public boolean isUnique(Found found, Set<String> key) throws SQLException {
    Set<String> primary = new HashSet<>();
    try (ResultSet resultSet =
        metaData.getPrimaryKeys(found.catalog(), found.schema(), found.name())) {
      while (resultSet.next()) {
        primary.add(resultSet.getString("COLUMN_NAME"));
      }
    }
    if (!primary.isEmpty() && key.containsAll(primary)) {
      return true;
    }
    Map<String, Set<String>> indexes = new HashMap<>();
    Set<String> partial = new HashSet<>();
    try (ResultSet resultSet =
        metaData.getIndexInfo(found.catalog(), found.schema(), found.name(), true, true)) {
      while (resultSet.next()) {
        String index = resultSet.getString("INDEX_NAME");
        if (resultSet.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
            || resultSet.getBoolean("NON_UNIQUE") || index == null) {
          continue;
        }
        if (resultSet.getString("FILTER_CONDITION") != null) {
          partial.add(index);
        }
        // an expression index reports the expression here, which matches no column
        indexes.computeIfAbsent(index, name -> new HashSet<>())
            .add(resultSet.getString("COLUMN_NAME"));
      }
    }
    return indexes.entrySet().stream().anyMatch(index -> !partial.contains(index.getKey())
        && key.containsAll(index.getValue()));
  }

  /** A name as a catalog search pattern that matches only itself: {@code _} and {@code %} escaped. */
  public String pattern(String name) throws SQLException {
    String escape = metaData.getSearchStringEscape();
    if (name == null || escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
