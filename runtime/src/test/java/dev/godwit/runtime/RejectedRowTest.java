package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch whose writes the database refuses names the row it refused: one statement cannot say
 * which row failed, so the batch is tried again in halves until a single row is refused.
 */
class RejectedRowTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aValueTooLongForItsColumnFailsTheRunWithTheRowsIdAndTheDatabasesMessage(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(12), role VARCHAR(20))");
    db.insert(User.TABLE, List.of(new User(1, "ann", null), new User(2, "bob", null),
        new User(3, "christopher", null), new User(4, "dan", null), new User(5, "eve", null)));
    Migration<User> versioned = Migration.on(User.TABLE, "users.versionNames")
        .batchSize(10)
        .migrateOne((ctx, user) -> Patch.of(User.TABLE).set(User.NAME,
            user.name().toUpperCase(Locale.ROOT) + "_v2"));

    RunResult result = db.migrator().run(versioned);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("3", result.status().errorRowId());
    String error = result.status().error().toLowerCase(Locale.ROOT);
    assertTrue(error.contains("too long"), error);
    // the rows before it were migrated and committed; it and the rows after it were not
    assertEquals("2", result.status().cursor());
    assertEquals(List.of("ANN_v2", "BOB_v2", "christopher", "dan", "eve"), db.rows(
        "SELECT name FROM users ORDER BY id").stream().map(row -> row.get("name")).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anInDatabaseWriteTheDatabaseRefusesNamesItsRowToo(TestDatabase kind) {
    Db db = User.withAudit(kind, 12);
    db.execute("ALTER TABLE users ADD CONSTRAINT no_seven CHECK (id <> 7 OR role IS NULL)");
    Migration<User> migration = Migration.on(User.TABLE, "users.roleEveryone")
        .batchSize(10)
        .migrateInDatabase(User.ROLE.setTo("user"));

    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("7", result.status().errorRowId());
    assertEquals("6", result.status().cursor());
    assertEquals(6, db.count("SELECT COUNT(*) FROM users WHERE role = 'user'"));
  }
}
