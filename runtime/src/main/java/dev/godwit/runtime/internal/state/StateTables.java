package dev.godwit.runtime.internal.state;

import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.jdbc.Errors;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Godwit's own tables (the state table, its ranges table) ask of the catalog, and how they are
 * changed in place when an earlier version created them differently.
 */
final class StateTables {

  private static final Logger LOG = LoggerFactory.getLogger(StateTables.class);

  /**
   * One column as the catalog describes it.
   *
   * @param name its name as the catalog spells it
   * @param type its {@link java.sql.Types} code
   * @param size its declared size (characters for a character type)
   */
  record CatalogColumn(String name, int type, long size) {}

  /** Asks whether a change made elsewhere meanwhile explains a failed change. */
  @FunctionalInterface
  interface Check {
    boolean holds(Connection connection) throws SQLException;
  }

  private StateTables() {}

  /**
   * Whether a table exists, asked of the catalog (a failing probe query would land in the
   * database's error log on every status call).
   *
   * @param schema the table's schema (a plain identifier), or {@code null} for the current one
   * @param table the table's name, a plain identifier
   */
  static boolean exists(Connection connection, Dialect dialect, String schema, String table)
      throws SQLException {
    Location location = Location.of(connection, dialect, schema, table);
    try (ResultSet tables = connection.getMetaData().getTables(location.catalog(),
        location.schemaPattern(), location.tablePattern(), null)) {
      return tables.next();
    }
  }

  /** A table's columns as the catalog describes them. */
  static List<CatalogColumn> columns(Connection connection, Dialect dialect, String schema,
      String table) throws SQLException {
    Location location = Location.of(connection, dialect, schema, table);
    List<CatalogColumn> found = new ArrayList<>();
    try (ResultSet columns = connection.getMetaData().getColumns(location.catalog(),
        location.schemaPattern(), location.tablePattern(), null)) {
      while (columns.next()) {
        found.add(new CatalogColumn(columns.getString("COLUMN_NAME"), columns.getInt("DATA_TYPE"),
            columns.getLong("COLUMN_SIZE")));
      }
    }
    return found;
  }

  /**
   * Runs statements changing one of Godwit's tables in one transaction, each waiting for a lock at
   * most {@link RunOptions#DEFAULT_LOCK_TIMEOUT}: a runner busy with the table is not queued
   * behind. When the wait times out, or another process made the change at once ({@code
   * madeElsewhere} holds after the failure), the table is left as it is for a later run to change;
   * nothing is done on a dialect that cannot bound a lock wait.
   *
   * @param change what the statements do, for the log ({@code add the column waiting to})
   * @param table the table as SQL names it
   * @throws SQLException if a statement fails otherwise
   */
  static void alterUnderLockTimeout(Database database, String change, String table,
      List<String> statements, Check madeElsewhere) throws SQLException {
    Dialect dialect = database.dialect();
    List<String> timeout;
    try {
      timeout = dialect.lockTimeout(RunOptions.DEFAULT_LOCK_TIMEOUT);
    } catch (MigrationException e) {
      LOG.warn("Did not {} {}: {}", change, table, e.getMessage());
      return;
    }
    database.call(connection -> {
      List<String> restore = dialect.restoreLockTimeout(connection);
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : timeout) {
          statement.execute(sql);
        }
        for (String sql : statements) {
          statement.execute(sql);
        }
        connection.commit();
        LOG.info("Did {} {}", change, table);
      } catch (SQLException e) {
        connection.rollback();
        if (!dialect.isLockTimeout(e) && !madeElsewhere.holds(connection)) {
          throw e;
        }
        // a lock held by a busy runner, or another process making the change at once
        LOG.warn("Did not {} {}; a later run will: {}", change, table, Errors.oneLine(e));
      } finally {
        try (Statement statement = connection.createStatement()) {
          for (String sql : restore) {
            statement.execute(sql);
          }
        }
        connection.setAutoCommit(true);
      }
      return null;
    });
  }

  /**
   * Where the catalog keeps a table: a catalog named exactly where schemas are catalogs (MySQL,
   * MariaDB), otherwise a schema pattern; names folded as the dialect stores unquoted ones, with
   * {@code _} escaped in patterns.
   */
  private record Location(String catalog, String schemaPattern, String tablePattern) {
    static Location of(Connection connection, Dialect dialect, String schema, String table)
        throws SQLException {
      DatabaseMetaData metaData = connection.getMetaData();
      String escape = metaData.getSearchStringEscape();
      String tablePattern = dialect.fold(table).replace("_", escape + "_");
      if (dialect.schemasAreCatalogs()) {
        return new Location(schema == null ? connection.getCatalog() : dialect.fold(schema), null,
            tablePattern);
      }
      return new Location(connection.getCatalog(), schema == null ? connection.getSchema()
          : dialect.fold(schema).replace("_", escape + "_"), tablePattern);
    }
  }
}
