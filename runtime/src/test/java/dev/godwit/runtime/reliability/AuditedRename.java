package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.runtime.Audit;
import dev.godwit.runtime.Db;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.User;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * The migration the crash and outage tests interrupt. Applying it twice to a row shows, twice: its
 * rename is not idempotent (a row renamed twice ends in {@code (renamed) (renamed)}), and each
 * application inserts one audit row keyed by the migrated row's id.
 */
final class AuditedRename {

  static final String NAME = "users.auditedRename";

  /** The suffix the rename appends to a user's name. */
  static final String SUFFIX = " (renamed)";

  private AuditedRename() {}

  /** The migration, calling {@code hook} on each row before migrating it. */
  static Migration<User> migration(User.Hook hook) {
    return Migration.on(User.TABLE, NAME)
        .verifiedBy(User.ROLE.isNull())
        .migrateOne((ctx, user) -> {
          hook.run(ctx, user);
          ctx.insert(Audit.TABLE, Audit.of(user.id(), "renamed"));
          return Patch.of(User.TABLE).set(User.NAME, user.name() + SUFFIX)
              .set(User.ROLE, user.role() == null ? "member" : user.role());
        });
  }

  /** The migration with nothing before each row. */
  static Migration<User> migration() {
    return migration((ctx, user) -> {});
  }

  /** Fills an empty database with users 1..rows and an empty audit table. */
  static Db fill(Db db, int rows) {
    db.create(User.TABLE);
    db.createWithIdentity(Audit.TABLE);
    db.insert(User.TABLE, User.some(rows));
    return db;
  }

  /** Every user, in id order, after an uninterrupted run of the migration on a fresh database. */
  static List<Map<String, Object>> uninterruptedResult(TestDatabase kind, int rows,
      RunOptions options) {
    Db reference = fill(new Db(kind), rows);
    RunResult result = reference.migrator().run(migration(), options);
    assertEquals(MigrationState.SUCCEEDED, result.status().state(), result.status().error());
    return reference.snapshot("users");
  }

  /**
   * Checks, in one statement so that a commit landing meanwhile cannot split it, that what the state
   * table counts is exactly what was applied: every row up to the cursor renamed and audited once,
   * none after it.
   *
   * @return the recorded number of rows visited
   */
  static long assertAppliedExactlyOnceUpToTheCursor(Db db) {
    Map<String, Object> seen = db.rows("SELECT"
        + " (SELECT COUNT(*) FROM audit) AS audited,"
        + " (SELECT COUNT(DISTINCT row_id) FROM audit) AS audited_rows,"
        + " (SELECT COUNT(*) FROM users WHERE name LIKE '%" + SUFFIX + "') AS renamed,"
        + " (SELECT COUNT(*) FROM users WHERE name LIKE '%" + SUFFIX + SUFFIX + "') AS twice,"
        + " (SELECT COALESCE(MAX(id), 0) FROM users WHERE name LIKE '%" + SUFFIX + "') AS last,"
        + " (SELECT rows_visited FROM godwit_migrations WHERE name = '" + NAME + "') AS visited,"
        + " (SELECT COALESCE(cursor_value, '0') FROM godwit_migrations WHERE name = '" + NAME
        + "') AS cursor_id").get(0);
    long visited = Long.parseLong(String.valueOf(seen.get("visited")));
    String counts = seen.toString();
    assertEquals(0L, number(seen, "twice"), counts);
    assertEquals(visited, number(seen, "audited"), counts);
    assertEquals(visited, number(seen, "audited_rows"), counts);
    assertEquals(visited, number(seen, "renamed"), counts);
    assertEquals(visited, number(seen, "last"), counts);
    assertEquals(String.valueOf(visited), String.valueOf(seen.get("cursor_id")), counts);
    return visited;
  }

  /** Checks a finished migration: succeeded, every row once, the same table as the reference. */
  static void assertFinishedLike(Db db, int rows, List<Map<String, Object>> reference) {
    MigrationStatus status = db.migrator().status(NAME).orElseThrow();
    assertEquals(MigrationState.SUCCEEDED, status.state(), status.error());
    assertEquals(rows, status.rowsVisited());
    assertEquals(rows, status.rowsChanged());
    assertEquals(rows, assertAppliedExactlyOnceUpToTheCursor(db));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    List<Map<String, Object>> users = db.snapshot("users");
    assertEquals(reference.size(), users.size());
    for (int i = 0; i < users.size(); i++) {
      assertEquals(reference.get(i), users.get(i), "user at position " + i);
    }
  }

  private static long number(Map<String, Object> row, String column) {
    return Long.parseLong(String.valueOf(row.get(column)));
  }
}
