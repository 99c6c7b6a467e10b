package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SweepTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsWrittenBehindTheCursorInTheOldFormatAreSweptBeforeSuccess(TestDatabase kind) {
    Db db = evenUsersAndOddLatecomers(kind);

    RunResult result = db.migrator().run(User.addDefaultRole(), oldInstanceWritesAfterBatch(db, 3));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    assertEquals(62, result.status().rowsVisited());
    assertEquals(62, result.status().rowsChanged());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void inDatabaseMigrationsSweepToo(TestDatabase kind) {
    Db db = evenUsersAndOddLatecomers(kind);
    Migration<User> migration = User.addDefaultRoleInDatabase();

    RunResult result = db.migrator().run(migration, oldInstanceWritesAfterBatch(db, 3));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    assertEquals(62, result.status().rowsChanged());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSweepThatChangesNothingFailsNamingTheRowsLeft(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, LongStream.rangeClosed(1, 30)
        .mapToObj(id -> new User(id, "user" + id, null)).toList());
    Migration<User> incomplete = Migration.on(User.TABLE, "users.addDefaultRole").batchSize(10)
        .verifiedBy(User.ROLE.isNull())
        .migrateOne((ctx, user) -> user.id() <= 18 ? Patch.of(User.TABLE).set(User.ROLE, "user") : null);

    RunResult result = db.migrator().run(incomplete);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("12 rows are still in the old format after a sweep that changed none of them"
        + " (first ids: 19, 20, 21, 22, 23, 24, 25, 26, 27, 28)", result.status().error());
    assertEquals("19", result.status().errorRowId());
    assertEquals(12, db.migrator().verify(incomplete.verification().orElseThrow()).remaining());
  }

  /** Users with even ids 2..100 and no role; odd ids are left for an old application instance. */
  private static Db evenUsersAndOddLatecomers(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, LongStream.rangeClosed(1, 50)
        .mapToObj(i -> new User(2 * i, "user" + 2 * i, null)).toList());
    return db;
  }

  /**
   * After a batch, an old instance inserts users without a role: ten behind the cursor, two ahead.
   */
  private static RunOptions oldInstanceWritesAfterBatch(Db db, int batch) {
    AtomicBoolean done = new AtomicBoolean();
    return RunOptions.defaults().withListener(status -> {
      if (status.rowsVisited() == 10L * batch && !done.getAndSet(true)) {
        db.insert(User.TABLE, LongStream.concat(LongStream.rangeClosed(0, 9).map(i -> 2 * i + 1),
            LongStream.of(61, 99)).mapToObj(id -> new User(id, "late" + id, null)).toList());
      }
    });
  }
}
