package dev.godwit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo, small, on both databases: from deploy 0's schema, expand adds the columns, narrow is
 * refused while the old instance's rows lack a plan and applied once they have one, contract drops
 * {@code is_pro}, every verification is complete and no write is lost.
 */
class DemoTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runsTheLifecycleUnderTrafficWithoutLosingAWrite(TestDatabase database) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Demo demo = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8));
    demo.rows = 5_000;
    DataSource dataSource = database.newDatabase();

    Demo.Report report = demo.run(dataSource);

    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.ok(), output);
    assertEquals(List.of("teams.plan", "users.role"), report.columnsAdded(), output);
    assertTrue(report.narrowRefused(), output);
    assertEquals(List.of("SET_NOT_NULL teams.plan"), report.narrowApplied(), output);
    assertEquals(List.of("DROP_COLUMN teams.is_pro"), report.contractApplied(), output);
    assertEquals(0, report.lostWrites(), output);
    assertTrue(report.writes() > 0, "the traffic wrote during the run\n" + output);
    assertTrue(output.contains("Writes lost: 0"), output);
    assertTrue(output.contains("Every verification complete: yes"), output);

    assertEquals(Optional.of(false), nullable(dataSource, "teams", "plan"), output);
    assertEquals(Optional.empty(), nullable(dataSource, "teams", "is_pro"), output);
    assertEquals(Optional.of(true), nullable(dataSource, "users", "role"), output);
    assertTrue(nullable(dataSource, "user_preferences", "theme").isPresent(), output);
  }

  /** Whether a column accepts NULL, by the catalog; empty if the table has no such column. */
  private static Optional<Boolean> nullable(DataSource dataSource, String table, String column)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData catalog = connection.getMetaData();
      boolean upper = catalog.storesUpperCaseIdentifiers();
      String tableName = upper ? table.toUpperCase(Locale.ROOT) : table;
      String columnName = upper ? column.toUpperCase(Locale.ROOT) : column;
      try (ResultSet columns = catalog.getColumns(null, null, tableName, columnName)) {
        if (!columns.next()) {
          return Optional.empty();
        }
        boolean nullable = columns.getInt("NULLABLE") == DatabaseMetaData.columnNullable;
        assertFalse(columns.next(), "one column " + table + "." + column);
        return Optional.of(nullable);
      }
    }
  }
}
