package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DryRunTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDryRunOnANewDatabaseReportsTheFirstBatchAndLeavesEverythingAsItWas(TestDatabase kind) {
    Db db = User.withAudit(kind, 25);
    List<Map<String, Object>> users = db.snapshot("users");
    Migration<User> migration = Migration.on(User.TABLE, "users.addDefaultRole").batchSize(10)
        .migrateOne((ctx, user) -> {
          ctx.insert(Audit.TABLE, Audit.of(user.id(), "seen"));
          return user.role() == null ? Patch.of(User.TABLE).set(User.ROLE, "user") : null;
        });

    RunResult result = db.migrator().run(migration, RunOptions.dryRun());

    assertTrue(result.dryRun());
    assertEquals(MigrationState.PENDING, result.status().state());
    assertEquals(10, result.status().rowsVisited());
    assertEquals(7, result.status().rowsChanged());
    assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L, 10L),
        result.changes().stream().map(RowChange::id).toList());
    RowChange first = result.changes().get(0);
    assertEquals(map("id", "1", "name", "user1", "role", null), first.before());
    assertEquals(map("id", "1", "name", "user1", "role", "user"), first.after());
    assertEquals(users, db.snapshot("users"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    assertNull(db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDryRunAfterAPartialRunShowsTheNextBatchAndKeepsTheStateRowAsItWas(TestDatabase kind) {
    Db db = User.withAudit(kind, 25);
    Migrator migrator = db.migrator();
    Migration<User> migration = User.audited("users.rename", (ctx, user) -> {});
    migrator.run(migration, RunOptions.defaults()
        .withListener(status -> migrator.pause("users.rename")));
    List<Map<String, Object>> users = db.snapshot("users");
    List<Map<String, Object>> audit = db.snapshot("audit");
    List<Map<String, Object>> state = db.stateSnapshot();
    assertEquals("10", state.get(0).get("cursor_value"));

    RunResult result = migrator.run(migration, RunOptions.dryRun());

    assertEquals(MigrationState.PAUSED, result.status().state());
    assertEquals(20, result.status().rowsVisited());
    assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L),
        result.changes().stream().map(RowChange::id).toList());
    assertEquals("migrated 11", result.changes().get(0).after().get("name"));
    assertEquals(users, db.snapshot("users"));
    assertEquals(audit, db.snapshot("audit"));
    assertEquals(state, db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDryRunShowsDeletedRowsWithoutAnAfter(TestDatabase kind) {
    Db db = User.withAudit(kind, 12);
    List<Map<String, Object>> users = db.snapshot("users");
    Migration<User> deleteAdmins = Migration.on(User.TABLE, "users.deleteAdmins")
        .range(User.ROLE.eq("admin"))
        .migrateOne((ctx, user) -> {
          ctx.delete(User.TABLE, user.id());
          return null;
        });

    RunResult result = db.migrator().run(deleteAdmins, RunOptions.dryRun());

    assertEquals(4, result.changes().size());
    assertEquals("admin", result.changes().get(0).before().get("role"));
    assertNull(result.changes().get(0).after());
    assertEquals(users, db.snapshot("users"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDryRunOfAnInDatabaseMigrationChangesNothing(TestDatabase kind) {
    Db db = User.withAudit(kind, 25);
    List<Map<String, Object>> users = db.snapshot("users");
    Migration<User> migration = Migration.on(User.TABLE, "users.addDefaultRole").batchSize(5)
        .range(User.ROLE.isNull())
        .migrateInDatabase(User.ROLE.setTo("user"));

    RunResult result = db.migrator().run(migration, RunOptions.dryRun());

    assertEquals(5, result.status().rowsVisited());
    assertEquals(5, result.status().rowsChanged());
    assertEquals(List.of(1L, 2L, 4L, 5L, 7L), result.changes().stream().map(RowChange::id).toList());
    assertEquals("user", result.changes().get(4).after().get("role"));
    assertEquals(users, db.snapshot("users"));
    assertNull(db.stateSnapshot());
  }

  private static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
