package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A new required field with a default, filled inside the database by the generated migration. */
class AddRequiredFieldTest {

  private static final Address HOME = new Address("1 Main St", 12345, List.of("Flat 2", "Main St"));

  /** Accounts 1..10: the even ones already have a plan, the odd ones were written before it existed. */
  private static List<Account> accounts(boolean migrated) {
    return LongStream.rangeClosed(1, 10)
        .mapToObj(id -> new Account(id, "user" + id + "@example.com",
            id % 2 == 0 ? Plan.PRO : migrated ? Plan.FREE : null,
            id % 3 == 0 ? null : HOME,
            id % 4 == 0 ? List.of() : List.of("tag" + id, "common")))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void fillsEveryOldRowWithTheDefaultAndKeepsTheOthers(TestDatabase kind) throws Exception {
    DataSource database =
        Rows.databaseWith(kind, AccountTable.TABLE, accounts(false).toArray(Account[]::new));
    Migrator migrator = Migrator.create(database);
    assertEquals(5, migrator.verify(AccountVerification.backfillPlan()).remaining());
    for (Account account : Rows.all(database, AccountTable.TABLE)) {
      assertEquals(account.id() % 2 == 0 ? Plan.PRO : Plan.FREE, AccountDualRead.plan(account));
    }

    RunResult result = migrator.run(AccountMigrations.backfillPlan());

    assertTrue(result.succeeded(), result.toString());
    assertEquals(5, result.status().rowsChanged());
    assertTrue(migrator.verify(AccountVerification.backfillPlan()).complete());
    assertEquals(accounts(true), Rows.all(database, AccountTable.TABLE));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void sweepsRowsAnOldInstanceWritesBehindTheCursorThroughItsVerification(TestDatabase kind)
      throws Exception {
    DataSource database =
        Rows.databaseWith(kind, AccountTable.TABLE, accounts(false).toArray(Account[]::new));
    AtomicBoolean written = new AtomicBoolean();
    RunOptions oldInstanceWritesAfterTheFirstBatch = RunOptions.defaults().withListener(status -> {
      if (!written.getAndSet(true)) {
        try {
          Rows.update(database, AccountTable.TABLE, 2L, AccountTable.patch().plan(null));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    });

    RunResult result = Migrator.create(database)
        .run(AccountMigrations.backfillPlan(), oldInstanceWritesAfterTheFirstBatch);

    assertTrue(result.succeeded(), result.toString());
    assertTrue(written.get());
    assertEquals(Plan.FREE, Rows.all(database, AccountTable.TABLE).get(1).plan());
    assertTrue(Migrator.create(database).verify(AccountVerification.backfillPlan()).complete());
  }

  @Test
  void isComputedInsideTheDatabaseInBatchesOfTheGivenSize() {
    assertTrue(AccountMigrations.backfillPlan().inDatabase());
    assertEquals(4, AccountMigrations.backfillPlan().batchSize());
    assertEquals("accounts.backfillPlan", AccountMigrations.backfillPlan().name());
  }

  @Test
  void isPublishedThroughServiceLoader() {
    MigrationRegistry registry = MigrationRegistry.load(getClass().getClassLoader());
    assertTrue(registry.find("accounts.backfillPlan").isPresent());
    assertTrue(registry.find("renamed_members.clearName").isPresent());
    assertTrue(registry.find("profiles.fillDefaults").isPresent());
  }
}
