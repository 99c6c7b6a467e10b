package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deploy 2: a narrowed field (a {@code @Backfill} without {@code @Widened}) keeps the backfill that
 * verifies it filled, and the old field only that backfill reads is cleared in the contract phase,
 * never in a row the backfill has not filled.
 */
@SuppressWarnings("removal")
class NarrowedFieldTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aClearKeepsTheOldValueOfEveryRowWhoseNarrowedFieldIsStillNull(TestDatabase kind)
      throws Exception {
    DataSource database = Rows.databaseWith(kind, RenamedMemberTable.TABLE,
        new RenamedMember(1, "Ada Lovelace", null),
        new RenamedMember(2, "Bob", "Robert Smith"),
        new RenamedMember(3, "Cy", null));
    Migrator migrator = Migrator.create(database);

    RunResult early = migrator.run(RenamedMemberMigrations.clearName());

    assertEquals(MigrationState.FAILED, early.status().state(), early.toString());
    assertTrue(early.status().error().contains("2"), early.status().error());
    List<RenamedMember> kept = Rows.all(database, RenamedMemberTable.TABLE);
    assertEquals("Ada Lovelace", kept.get(0).getName());
    assertNull(kept.get(1).getName(), "the filled row is cleared");
    assertEquals("Cy", kept.get(2).getName());

    assertTrue(migrator.run(RenamedMemberMigrations.backfillFullName()).succeeded());
    assertTrue(migrator.run(RenamedMemberMigrations.clearName()).succeeded());
    List<RenamedMember> after = Rows.all(database, RenamedMemberTable.TABLE);
    assertEquals(List.of("Ada Lovelace", "Robert Smith", "Cy"),
        after.stream().map(RenamedMember::getFullName).toList());
    after.forEach(member -> assertNull(member.getName(), "name of " + member.getId()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailedBackfillMethodLeavesTheClearNothingToTake(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, NarrowedTeamTable.TABLE,
        new NarrowedTeam(1, "12 seats", null),
        new NarrowedTeam(2, "many", null));
    Migrator migrator = Migrator.create(database);

    RunResult backfill = migrator.run(NarrowedTeamMigrations.backfillSeatCount());
    RunResult clear = migrator.run(NarrowedTeamMigrations.clearSeats());

    assertEquals(MigrationState.FAILED, backfill.status().state(), backfill.toString());
    assertTrue(backfill.status().error().contains("many"), backfill.status().error());
    assertEquals(MigrationState.FAILED, clear.status().state(), clear.toString());
    assertFalse(migrator.verify(NarrowedTeamVerification.clearSeats()).complete());
    assertEquals(List.of("12 seats", "many"),
        Rows.all(database, NarrowedTeamTable.TABLE).stream().map(NarrowedTeam::getSeats).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theGeneratedSchemaGatesNarrowOnTheBackfillAndDropsTheRemovedColumn(TestDatabase kind)
      throws Exception {
    DataSource database = kind.newDatabase();
    Rows.execute(database, "CREATE TABLE renamed_members (id BIGINT PRIMARY KEY, name VARCHAR(100),"
        + " full_name VARCHAR(100), nickname VARCHAR(100))");
    Rows.execute(database, "INSERT INTO renamed_members VALUES (1, 'Ada', NULL, 'A'),"
        + " (2, 'Bob', 'Robert', 'B')");
    Migrator migrator = Migrator.create(database);
    List<TableSchema<?>> schemas = List.of(RenamedMemberTable.SCHEMA);

    MigrationException early = assertThrows(MigrationException.class,
        () -> migrator.apply(schemas, Phase.NARROW));
    assertTrue(early.getMessage().contains("renamed_members.backfillFullName has 1 row left"),
        early.getMessage());
    assertTrue(migrator.run(RenamedMemberMigrations.backfillFullName()).succeeded());
    migrator.apply(schemas, Phase.NARROW);
    migrator.apply(schemas, Phase.CONTRACT);

    assertThrows(SQLException.class, () -> Rows.execute(database,
        "INSERT INTO renamed_members (id, name) VALUES (3, 'Cy')"), "full_name is NOT NULL");
    assertEquals(List.of(0L), Rows.query(database, "SELECT COUNT(*) FROM information_schema.columns"
        + " WHERE lower(table_name) = 'renamed_members' AND lower(column_name) = 'nickname'")
        .stream().map(count -> ((Number) count).longValue()).toList());
    migrator.check(schemas);
  }

  @Test
  void theClearIsInTheContractPhaseAndDestroysData() {
    Migration<RenamedMember> backfill = RenamedMemberMigrations.backfillFullName();
    Migration<RenamedMember> clear = RenamedMemberMigrations.clearName();

    assertEquals(Phase.MIGRATE, backfill.phase());
    assertFalse(backfill.destroysData());
    assertEquals(Phase.CONTRACT, clear.phase());
    assertTrue(clear.destroysData());
    assertEquals(List.of("renamed_members.backfillFullName", "renamed_members.clearName"),
        RenamedMemberMigrations.all().stream().map(Migration::name).toList());
    assertEquals(List.of(RenamedMemberTable.SCHEMA), new RenamedMemberMigrations().schemas());
  }

  @Test
  void theSchemaNamesEachColumnsRoleAndTheRemovedColumns() {
    TableSchema<RenamedMember> schema = RenamedMemberTable.SCHEMA;

    assertEquals(List.of(ColumnSchema.Role.REQUIRED, ColumnSchema.Role.RETIRING,
            ColumnSchema.Role.NARROWED),
        schema.columns().stream().map(ColumnSchema::role).toList());
    ColumnSchema fullName = schema.column("full_name").orElseThrow();
    assertTrue(fullName.required());
    assertEquals(Optional.of("renamed_members.backfillFullName"),
        fullName.filledBy().map(verification -> verification.name()));
    assertTrue(schema.column("name").orElseThrow().mustAcceptNull());
    assertEquals(List.of("nickname"), schema.removed());
    schema.columns().forEach(column -> assertEquals(ColumnSchema.Size.DEFAULT, column.size()));
  }
}
