package dev.godwit.testdialect;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A dialect written against the SPI alone, as a database added in its own jar would be: it writes
 * a batch one statement per row (plain SQL that H2 accepts) instead of the built-in dialects'
 * set-based statements, reads with standard SQL's {@code FETCH FIRST} instead of {@code LIMIT}, and
 * counts the rows it wrote and the vendor clauses it was asked for, so a test can tell it was the
 * one used for both.
 */
public final class RenamedH2Dialect extends Dialect {

  /** Rows written through this dialect, across instances. */
  public static final AtomicInteger ROWS_WRITTEN = new AtomicInteger();

  /** Times the engine asked this dialect for its limit, lock or state-table instant type. */
  public static final AtomicInteger CLAUSES_ASKED = new AtomicInteger();

  private static final int DEADLOCK = 40001;
  private static final int LOCK_TIMEOUT = 50200;
  private static final int CONCURRENT_UPDATE = 90131;
  private static final int DATABASE_IS_CLOSED = 90098;

  RenamedH2Dialect(DatabaseMetaData metaData) throws SQLException {
    super(metaData);
  }

  @Override
  public String name() {
    return RenamedH2.PRODUCT;
  }

  @Override
  public String returning(String update, String column) {
    return "SELECT " + column + " FROM FINAL TABLE (" + update + ")";
  }

  @Override
  public String limitClause() {
    CLAUSES_ASKED.incrementAndGet();
    return " FETCH FIRST ? ROWS ONLY";
  }

  @Override
  public String lockClause() {
    CLAUSES_ASKED.incrementAndGet();
    return " FOR UPDATE";
  }

  @Override
  public String instantType() {
    CLAUSES_ASKED.incrementAndGet();
    return "TIMESTAMP(6) WITH TIME ZONE";
  }

  @Override
  protected boolean isTransientError(SQLException error) {
    int code = error.getErrorCode();
    return code == DEADLOCK || code == LOCK_TIMEOUT || code == CONCURRENT_UPDATE;
  }

  @Override
  protected boolean isClosedDatabase(SQLException error) {
    return error.getErrorCode() == DATABASE_IS_CLOSED;
  }

  @Override
  public void insert(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object[]> rows) throws SQLException {
    String sql = "INSERT INTO " + qualified(table) + " (" + names(columns, ", ") + ") VALUES ("
        + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < columns.size(); i++) {
          columns.get(i).type().bindUnchecked(statement, i + 1, row[i]);
        }
        statement.executeUpdate();
        ROWS_WRITTEN.incrementAndGet();
      }
    }
  }

  @Override
  public void update(Connection connection, Table<?> table, List<Column<?, ?>> columns,
      List<Object> ids, List<Object[]> rows) throws SQLException {
    String sql = "UPDATE " + qualified(table) + " SET "
        + columns.stream().map(column -> quote(column.name()) + " = ?")
            .collect(Collectors.joining(", "))
        + table.version().map(version -> ", " + quote(version.name()) + " = "
            + quote(version.name()) + " + 1").orElse("")
        + " WHERE " + keyMatch(table);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int r = 0; r < ids.size(); r++) {
        for (int i = 0; i < columns.size(); i++) {
          columns.get(i).type().bindUnchecked(statement, i + 1, rows.get(r)[i]);
        }
        bindKey(statement, columns.size(), table, ids, r);
        statement.executeUpdate();
        ROWS_WRITTEN.incrementAndGet();
      }
    }
  }

  @Override
  public void delete(Connection connection, Table<?> table, List<Object> ids) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "DELETE FROM " + qualified(table) + " WHERE " + keyMatch(table))) {
      for (int r = 0; r < ids.size(); r++) {
        bindKey(statement, 0, table, ids, r);
        statement.executeUpdate();
        ROWS_WRITTEN.incrementAndGet();
      }
    }
  }

  private String names(List<Column<?, ?>> columns, String separator) {
    return columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(separator));
  }

  private String keyMatch(Table<?> table) {
    return table.key().stream().map(column -> quote(column.name()) + " = ?")
        .collect(Collectors.joining(" AND "));
  }

  private static void bindKey(PreparedStatement statement, int before, Table<?> table,
      List<Object> ids, int row) throws SQLException {
    for (int k = 0; k < table.key().size(); k++) {
      table.key().get(k).type().bindUnchecked(statement, before + k + 1,
          keyColumn(table, ids, k).get(row));
    }
  }
}
