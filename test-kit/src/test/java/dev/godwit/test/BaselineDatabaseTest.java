package dev.godwit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Phase;
import dev.godwit.runtime.testing.TestDatabase;
import dev.godwit.test.example.Owner;
import dev.godwit.test.example.OwnerMigrations;
import dev.godwit.test.example.OwnerTable;
import dev.godwit.test.example.OwnerVerification;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

/**
 * Deploy 1 of {@link Owner} tested against its committed baseline: the table created as deploy 0 left
 * it, old rows seeded, deploy 1's expand and backfill run, verification complete and values copied.
 */
@SuppressWarnings("removal")
class BaselineDatabaseTest {

  private static final Path BASELINE = Path.of("src", "test", "godwit", "owners.json");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deployOneMigratesTheRowsDeployZeroWrote(TestDatabase kind) {
    BaselineDatabase database = BaselineDatabase.create(kind.newDatabase(), BASELINE);
    database.row(OwnerTable.TABLE).set(OwnerTable.ID, 1L).set(OwnerTable.TELEPHONE, "555-0101")
        .set(OwnerTable.VISITS, 3).insert()
        .row(OwnerTable.TABLE).set(OwnerTable.ID, 2L).set(OwnerTable.VISITS, 0).insert();

    database.migrator().apply(List.of(OwnerTable.SCHEMA), Phase.EXPAND);
    assertFalse(database.migrator().verify(OwnerVerification.backfillPhone()).complete());
    database.runAll(OwnerMigrations.all());

    database.assertComplete(OwnerVerification.all());
    assertEquals(Arrays.asList("555-0101", null), database.values(OwnerTable.TABLE, OwnerTable.PHONE));
    assertEquals(List.of(3, 0), database.values(OwnerTable.TABLE, OwnerTable.VISITS));
    database.migrator().check(List.of(OwnerTable.SCHEMA));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theBaselineTableIsCreatedAsTheSnapshotSays(TestDatabase kind) {
    BaselineDatabase database = BaselineDatabase.create(kind.newDatabase(), BASELINE);

    IllegalStateException notNull = assertThrows(IllegalStateException.class,
        () -> database.row(OwnerTable.TABLE).set(OwnerTable.ID, 1L).insert());
    assertTrue(notNull.getMessage().startsWith("could not insert"), notNull.getMessage());
    IllegalArgumentException newColumn = assertThrows(IllegalArgumentException.class,
        () -> database.row(OwnerTable.TABLE).set(OwnerTable.PHONE, "555"));
    assertEquals("column phone is not in the baseline of owners, so no old-format row holds it;"
        + " set only id, telephone, visits", newColumn.getMessage());
  }

  @Test
  void anIncompleteVerificationFailsTheAssertion() {
    BaselineDatabase database = BaselineDatabase.inMemoryH2(BASELINE);
    database.row(OwnerTable.TABLE).set(OwnerTable.ID, 7L).set(OwnerTable.TELEPHONE, "555-0107")
        .set(OwnerTable.VISITS, 1).insert();
    database.migrator().apply(List.of(OwnerTable.SCHEMA), Phase.EXPAND);

    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> database.assertComplete(OwnerVerification.all()));
    assertTrue(failure.getMessage().startsWith("owners.backfillPhone finds 1 rows left, such as"
        + " those with key [7]"), failure.getMessage());
  }

  @Test
  void theSnapshotIsReadAsTheProcessorWroteIt() {
    BaselineSchema schema = BaselineSchema.read(BASELINE);

    assertEquals(Optional.empty(), schema.schema());
    assertEquals("owners", schema.table());
    assertEquals(List.of(
            new BaselineSchema.Column("id", "LONG", true, true, 0, 0, 0),
            new BaselineSchema.Column("telephone", "STRING", false, false, 0, 0, 0),
            new BaselineSchema.Column("visits", "INTEGER", false, true, 0, 0, 0)),
        schema.columns());
  }
}
