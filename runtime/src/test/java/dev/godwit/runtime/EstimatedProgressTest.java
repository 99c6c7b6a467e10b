package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table larger, by its statistics, than the run's exact count limit is not scanned for a count
 * before the first batch: its total comes from the catalog (H2's row count estimate, PostgreSQL's
 * {@code reltuples}), or is left unknown for a range of it. Smaller tables are counted exactly.
 */
class EstimatedProgressTest {

  private static Db withUsers(TestDatabase kind) {
    Db db = User.withAudit(kind, 300);
    if (kind == TestDatabase.POSTGRES) {
      db.execute("ANALYZE users");
    } else if (kind == TestDatabase.MARIADB) {
      db.execute("ANALYZE TABLE users");
    }
    return db;
  }

  private static List<String> countsOfUsers(StatementCounter counter) {
    return counter.executed().stream()
        .map(sql -> sql.toLowerCase(Locale.ROOT))
        .filter(sql -> sql.contains("count(") && sql.contains("users")).toList();
  }

  /** Gives every user without a role one, row by row: no statement of its own counts rows. */
  private static Migration<User> ranged() {
    return Migration.on(User.TABLE, "users.ranged")
        .batchSize(50)
        .range(User.ROLE.isNull())
        .migrateOne((ctx, user) -> Patch.of(User.TABLE).set(User.ROLE, "user"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTableAboveTheLimitTakesItsTotalFromTheCatalogWithoutACount(TestDatabase kind) {
    Db db = withUsers(kind);
    StatementCounter counter = new StatementCounter(db.dataSource);

    RunResult result = Migrator.create(counter.dataSource()).run(
        User.audited("users.estimated", (ctx, user) -> { }),
        RunOptions.defaults().withExactCountLimit(100));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(List.of(), countsOfUsers(counter));
    assertEquals(300, result.status().estimatedTotal());
    assertEquals(300, result.status().rowsVisited());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRangeOfATableAboveTheLimitHasNoTotalRatherThanAScan(TestDatabase kind) {
    Db db = withUsers(kind);
    StatementCounter counter = new StatementCounter(db.dataSource);

    RunResult result = Migrator.create(counter.dataSource()).run(ranged(),
        RunOptions.defaults().withExactCountLimit(100));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(List.of(), countsOfUsers(counter));
    assertEquals(-1, result.status().estimatedTotal());
    assertEquals(200, result.status().rowsVisited());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTableWithinTheLimitIsCountedExactly(TestDatabase kind) {
    Db db = withUsers(kind);
    StatementCounter counter = new StatementCounter(db.dataSource);

    RunResult result = Migrator.create(counter.dataSource()).run(ranged());

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(200, result.status().estimatedTotal());
    assertTrue(!countsOfUsers(counter).isEmpty());
  }
}
