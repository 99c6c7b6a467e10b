package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Free-text {@code seats} becomes the number {@code seatCount}, computed in the JVM by a method. */
@SuppressWarnings("removal")
class ChangeTypeTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void computesTheNewFieldAndKeepsTheOldOne(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, TeamTable.TABLE,
        new Team(1, "12 seats", null),
        new Team(2, "3", null),
        new Team(3, null, null),
        new Team(4, " 7 people", null),
        new Team(5, "40 seats", 42),
        new Team(6, "5", null),
        new Team(7, null, 9));
    Migrator migrator = Migrator.create(database);
    List<Integer> expected = List.of(12, 3, 1, 7, 42, 5, 9);
    assertEquals(expected,
        Rows.all(database, TeamTable.TABLE).stream().map(TeamDualRead::seatCount).toList());
    assertEquals(5, migrator.verify(TeamVerification.backfillSeatCount()).remaining());

    List<RunResult> results = migrator.runAll(TeamMigrations.all());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    assertEquals(1, results.size(), "the deploy-1 form has no clear");
    assertTrue(migrator.verify(TeamVerification.backfillSeatCount()).complete());
    List<Team> after = Rows.all(database, TeamTable.TABLE);
    assertEquals(expected, after.stream().map(Team::getSeatCount).toList());
    assertEquals(Arrays.asList("12 seats", "3", null, " 7 people", "40 seats", "5", null),
        after.stream().map(Team::getSeats).toList(), "the old values stay for a rollback");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void keepsEveryOldValueWhenTheMethodFails(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, TeamTable.TABLE,
        new Team(1, "12 seats", null),
        new Team(2, "many", null));
    Migrator migrator = Migrator.create(database);

    List<RunResult> results = migrator.runAll(TeamMigrations.all());

    assertEquals(1, results.size());
    assertEquals(MigrationState.FAILED, results.get(0).status().state());
    assertTrue(results.get(0).status().error().contains("many"), results.get(0).status().error());
    assertFalse(migrator.verify(TeamVerification.backfillSeatCount()).complete());
    assertEquals(List.of("12 seats", "many"),
        Rows.all(database, TeamTable.TABLE).stream().map(Team::getSeats).toList());
  }
}
