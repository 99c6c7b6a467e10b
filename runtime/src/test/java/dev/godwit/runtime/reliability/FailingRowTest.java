package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.User;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A {@code migrateOne} that throws on one row, in a series of migrations. */
class FailingRowTest {

  private static final int ROWS = 100;
  private static final String MESSAGE = "user 57's name is 'odd'; fix the data first";

  @RegisterExtension final Databases databases = new Databases();

  /** Each database, migrating the rows of a batch one after another and on four threads. */
  static Stream<Arguments> databasesAndParallelism() {
    return Stream.of(TestDatabase.values())
        .flatMap(kind -> Stream.of(Arguments.of(kind, 1), Arguments.of(kind, 4)));
  }

  @ParameterizedTest
  @MethodSource("databasesAndParallelism")
  void aRowThatThrowsRollsItsBatchBackFailsWithItsIdAndStopsTheSeriesUntilARerunAfterTheFix(
      TestDatabase kind, int parallelism) {
    Db db = AuditedRename.fill(databases.create(kind), ROWS);
    AtomicBoolean fixed = new AtomicBoolean();
    Migration<User> before = User.addDefaultRole();
    Migration<User> failing = User.audited("users.rename", (ctx, user) -> {
      if (user.id() == 57 && !fixed.get()) {
        throw new IllegalStateException(MESSAGE);
      }
    });
    Migration<User> after = User.audited("users.after", (ctx, user) -> {});
    List<Migration<User>> series = List.of(before, failing, after);
    RunOptions options = RunOptions.defaults().withParallelism(parallelism);
    Migrator migrator = db.migrator();

    List<RunResult> stopped = migrator.runAll(series, options);

    assertEquals(List.of(MigrationState.SUCCEEDED, MigrationState.FAILED), states(stopped));
    MigrationStatus failed = migrator.status("users.rename").orElseThrow();
    assertEquals(MigrationState.FAILED, failed.state());
    assertEquals("57", failed.errorRowId());
    assertEquals("IllegalStateException: " + MESSAGE, failed.error());
    assertNotNull(failed.finishedAt());
    assertEquals("50", failed.cursor());
    assertEquals(50, failed.rowsVisited());
    assertEquals(50, failed.rowsChanged());
    // the failing batch, rows 51 to 60, left nothing: neither patches nor inserts nor cursor
    assertEquals(50, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
    assertEquals(50, db.count("SELECT MAX(id) FROM users WHERE name LIKE 'migrated%'"));
    assertEquals(50, db.count("SELECT COUNT(*) FROM audit WHERE note = 'users.rename'"));
    assertEquals(50, db.count("SELECT MAX(row_id) FROM audit WHERE note = 'users.rename'"));
    assertTrue(migrator.status("users.after").isEmpty());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit WHERE note = 'users.after'"));

    MigrationStatus done = migrator.status("users.addDefaultRole").orElseThrow();
    fixed.set(true);
    List<RunResult> resumed = migrator.runAll(series, options);

    assertEquals(List.of(MigrationState.SUCCEEDED, MigrationState.SUCCEEDED,
        MigrationState.SUCCEEDED), states(resumed));
    assertEquals(done, migrator.status("users.addDefaultRole").orElseThrow());
    MigrationStatus renamed = migrator.status("users.rename").orElseThrow();
    assertEquals(ROWS, renamed.rowsVisited());
    assertNull(renamed.error());
    assertNull(renamed.errorRowId());
    assertEquals(ROWS, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
    assertEquals(ROWS, db.count("SELECT COUNT(*) FROM audit WHERE note = 'users.rename'"));
    assertEquals(ROWS,
        db.count("SELECT COUNT(DISTINCT row_id) FROM audit WHERE note = 'users.rename'"));
    assertEquals(ROWS, db.count("SELECT COUNT(*) FROM audit WHERE note = 'users.after'"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
  }

  private static List<MigrationState> states(List<RunResult> results) {
    return results.stream().map(result -> result.status().state()).toList();
  }
}
