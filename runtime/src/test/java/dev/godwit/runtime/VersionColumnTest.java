package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table with an optimistic-lock version column (JPA's {@code @Version}): every row Godwit updates
 * has its version incremented exactly once, so that an application's save of the row as it read it
 * before the batch ({@code UPDATE ... WHERE id = ? AND version = ?}, what Hibernate issues) updates
 * nothing and fails, instead of undoing the migration. Versions start at {@code id * 10}, so that an
 * increment cannot pass for a reset to 1.
 */
class VersionColumnTest {

  record Account(long id, String plan, String note, Long version) {
    static final Column<Account, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Account, String> PLAN = Column.of("plan", ColumnType.STRING);
    static final Column<Account, String> NOTE = Column.of("note", ColumnType.STRING);
    static final Column<Account, Long> VERSION = Column.of("version", ColumnType.LONG);
    static final Table<Account> TABLE = Table.<Account>builder("accounts").key(ID)
        .columns(List.of(ID, PLAN, NOTE, VERSION)).version(VERSION)
        .reader(row -> new Account(row.get(ID), row.get(PLAN), row.get(NOTE), row.get(VERSION)))
        .writer(account -> Patch.of(Account.TABLE).set(ID, account.id()).set(PLAN, account.plan())
            .set(NOTE, account.note()).set(VERSION, account.version()))
        .build();
  }

  private static Db withAccounts(TestDatabase kind, int count) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, plan VARCHAR(10), note VARCHAR(40),"
        + " version BIGINT NOT NULL)");
    for (int id = 1; id <= count; id++) {
      db.execute("INSERT INTO accounts (id, version) VALUES (" + id + ", " + id * 10 + ")");
    }
    return db;
  }

  private static long version(Db db, long id) {
    return db.count("SELECT version FROM accounts WHERE id = " + id);
  }

  /** The save an optimistic-lock framework makes of a row it read at {@code version}. */
  private static int staleSave(Db db, long id, long version) throws SQLException {
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "UPDATE accounts SET plan = NULL, version = version + 1 WHERE id = ? AND version = ?")) {
      statement.setLong(1, id);
      statement.setLong(2, version);
      return statement.executeUpdate();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void patchesAndContextUpdatesIncrementTheVersionOncePerChangedRowAndOnlyThere(TestDatabase kind)
      throws SQLException {
    Db db = withAccounts(kind, 10);
    Migration<Account> migration = Migration.on(Account.TABLE, "accounts.plan").batchSize(4)
        .migrateOne((ctx, account) -> {
          if (account.id() == 3) {
            // the row itself, and the next one: one update each, merged with any patch of theirs
            ctx.update(Account.TABLE, 3L, Patch.of(Account.TABLE).set(Account.NOTE, "context"));
            ctx.update(Account.TABLE, 5L, Patch.of(Account.TABLE).set(Account.NOTE, "context"));
            ctx.insert(Account.TABLE, new Account(101, "free", "inserted", 7L));
          }
          return account.id() % 2 == 0 || account.id() == 3
              ? Patch.of(Account.TABLE).set(Account.PLAN, "pro") : null;
        });

    RunResult result = db.migrator().run(migration);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    for (long id = 1; id <= 10; id++) {
      boolean changed = id % 2 == 0 || id == 3 || id == 5;
      assertEquals(id * 10 + (changed ? 1 : 0), version(db, id), "version of account " + id);
    }
    assertEquals(7, version(db, 101));
    assertEquals(0, staleSave(db, 4, 40));
    assertEquals(1, staleSave(db, 1, 10));
    assertEquals(List.of(Map.of("plan", "pro", "note", "context")),
        db.rows("SELECT plan, note FROM accounts WHERE id = 3"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anInDatabaseMigrationIncrementsTheVersionOfTheRowsOfItsRangeOnly(TestDatabase kind)
      throws SQLException {
    Db db = withAccounts(kind, 10);

    RunResult result = db.migrator().run(Migration.on(Account.TABLE, "accounts.basic")
        .batchSize(3).range(Account.ID.gt(4L)).migrateInDatabase(Account.PLAN.setTo("basic")));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    for (long id = 1; id <= 10; id++) {
      assertEquals(id * 10 + (id > 4 ? 1 : 0), version(db, id), "version of account " + id);
    }
    assertEquals(0, staleSave(db, 7, 70));
    assertEquals(6, db.count("SELECT COUNT(*) FROM accounts WHERE plan = 'basic'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aPatchThatSetsTheVersionColumnFailsOnItsRow(TestDatabase kind) {
    Db db = withAccounts(kind, 3);

    RunResult result = db.migrator().run(Migration.on(Account.TABLE, "accounts.version")
        .migrateOne((ctx, account) -> Patch.of(Account.TABLE).set(Account.VERSION, 1L)));

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("1", result.status().errorRowId());
    assertEquals("IllegalArgumentException: a patch of accounts sets its version column version,"
        + " which Godwit increments by one on every row it updates; leave it out",
        result.status().error());
    assertEquals(10, version(db, 1));
  }

  @Test
  void anAssignmentToTheVersionColumnIsRefusedWhenTheMigrationIsDescribed() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Migration.on(Account.TABLE, "accounts.version")
            .migrateInDatabase(Account.VERSION.setTo(1L)));

    assertEquals("an assignment sets version, the version column of accounts, which Godwit"
        + " increments by one on every row it updates; leave it out", refused.getMessage());
  }
}
