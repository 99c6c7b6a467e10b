package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JPA entities migrated as JPA maps them: enums by ordinal, values through the application's
 * converters, tables in a named schema and tables with exact names. Every table is created by hand,
 * with the column types the application's schema has, and read back with plain SQL.
 */
class JpaColumnsTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void readsAndWritesEnumsByOrdinalInSmallintColumns(TestDatabase kind) throws Exception {
    DataSource database = kind.newDatabase();
    Sql.execute(database,
        "CREATE TABLE subscriptions (id BIGINT PRIMARY KEY, tier SMALLINT, next_tier SMALLINT,"
            + " trial_tier SMALLINT)",
        "INSERT INTO subscriptions (id, tier) VALUES (1, 0), (2, 1), (3, 2)");

    List<RunResult> results = Migrator.create(database).runAll(SubscriptionMigrations.all());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    assertEquals(List.of(
            List.of(1L, 0L, 1L, 1L),
            List.of(2L, 1L, 2L, 1L),
            List.of(3L, 2L, 2L, 1L)),
        Sql.rows(database,
            "SELECT id, tier, next_tier, trial_tier FROM subscriptions ORDER BY id"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void storesValuesThroughTheApplicationsConverters(TestDatabase kind) throws Exception {
    DataSource database = kind.newDatabase();
    Sql.execute(database,
        "CREATE TABLE preferences (id BIGINT PRIMARY KEY, newsletter CHAR(1), digest CHAR(1),"
            + " verified CHAR(1), tags VARCHAR(100), mailed CHAR(1))",
        "INSERT INTO preferences (id, newsletter) VALUES (1, 'Y'), (2, 'N')");

    List<RunResult> results = Migrator.create(database).runAll(PreferenceMigrations.all());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    assertEquals(List.of(
            List.of(1L, "Y", "Y", "Y", "a,b", "N"),
            List.of(2L, "N", "N", "Y", "c", "Y")),
        Sql.rows(database,
            "SELECT id, newsletter, digest, verified, tags, mailed FROM preferences ORDER BY id"));
    assertTrue(Migrator.create(database).verify(PreferenceVerification.backfillTags()).complete());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migratesTheTableOfItsSchemaAndNotTheOneOfTheSameNameInTheDefaultSchema(TestDatabase kind)
      throws Exception {
    DataSource database = kind.newDatabase();
    Sql.execute(database,
        "CREATE SCHEMA billing",
        "CREATE TABLE billing.teams (id BIGINT PRIMARY KEY, name VARCHAR(50), version BIGINT,"
            + " slug VARCHAR(50))",
        "CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(50), version BIGINT,"
            + " slug VARCHAR(50))",
        "INSERT INTO billing.teams (id, name, version) VALUES (1, 'Red Team', 0), (2, 'Blue', 3)",
        "INSERT INTO teams (id, name, version) VALUES (1, 'Other Team', 0), (2, 'Other', 0)");

    List<RunResult> results = Migrator.create(database).runAll(BillingTeamMigrations.all());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    assertEquals("billing.teams.backfillSlug", BillingTeamMigrations.backfillSlug().name());
    assertEquals(List.of(List.of(1L, "red-team"), List.of(2L, "blue")),
        Sql.rows(database, "SELECT id, slug FROM billing.teams ORDER BY id"));
    assertEquals(List.of(List.of(1L, 0L), List.of(2L, 0L)),
        Sql.rows(database, "SELECT id, COUNT(slug) FROM teams GROUP BY id ORDER BY id"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void reachesATableWithExactMixedCaseNames(TestDatabase kind) throws Exception {
    DataSource database = kind.newDatabase();
    Sql.execute(database,
        "CREATE TABLE \"Customers\" (\"id\" BIGINT PRIMARY KEY, \"isPro\" BOOLEAN,"
            + " \"planName\" VARCHAR(20))",
        "INSERT INTO \"Customers\" (\"id\", \"isPro\") VALUES (1, TRUE), (2, FALSE)");

    List<RunResult> results = Migrator.create(database).runAll(CustomerMigrations.all());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    assertEquals("Customers.backfillPlanName", CustomerMigrations.backfillPlanName().name());
    assertEquals(List.of(List.of(1L, "pro"), List.of(2L, "basic")),
        Sql.rows(database, "SELECT \"id\", \"planName\" FROM \"Customers\" ORDER BY \"id\""));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void incrementsTheVersionOfEveryRowItWrites(TestDatabase kind) throws Exception {
    DataSource database = kind.newDatabase();
    Sql.execute(database,
        "CREATE SCHEMA billing",
        "CREATE TABLE billing.teams (id BIGINT PRIMARY KEY, name VARCHAR(50), version BIGINT,"
            + " slug VARCHAR(50))",
        "INSERT INTO billing.teams (id, name, version, slug) VALUES (1, 'Red Team', 0, NULL),"
            + " (2, 'Blue', 3, NULL), (3, 'Done', 7, 'done')");

    List<RunResult> results = Migrator.create(database).runAll(BillingTeamMigrations.all());

    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    // Row 3 already had its slug: it is not written, so a stale save of it still succeeds.
    assertEquals(List.of(List.of(1L, 1L), List.of(2L, 4L), List.of(3L, 7L)),
        Sql.rows(database, "SELECT id, version FROM billing.teams ORDER BY id"));
  }
}
