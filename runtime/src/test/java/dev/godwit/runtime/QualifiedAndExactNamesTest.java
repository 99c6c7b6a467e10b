package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables reached through a schema ({@code billing.teams}) or by an exact name ({@code "Customers"}):
 * every statement names the table the migration was declared on, never a same-named table of the
 * default schema or the name folded to the database's case.
 */
class QualifiedAndExactNamesTest {

  record Team(long id, String name, String plan) {
    static final Column<Team, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Team, String> NAME = Column.of("name", ColumnType.STRING);
    static final Column<Team, String> PLAN = Column.of("plan", ColumnType.STRING);

    static Table<Team> in(String schema, String table) {
      Table.Builder<Team> builder = Table.<Team>builder(table);
      if (schema != null) {
        builder.schema(schema);
      }
      return builder.key(ID).columns(List.of(ID, NAME, PLAN))
          .reader(row -> new Team(row.get(ID), row.get(NAME), row.get(PLAN)))
          .writer(team -> new Patch<Team>().set(ID, team.id()).set(NAME, team.name())
              .set(PLAN, team.plan()))
          .build();
    }
  }

  private static void createTeams(Db db, String qualifiedName, String planType) {
    db.execute("CREATE TABLE " + qualifiedName + " (id BIGINT PRIMARY KEY, name VARCHAR(40),"
        + " plan " + planType + ")");
    db.execute("INSERT INTO " + qualifiedName + " (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c'),"
        + " (4, 'd')");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSchemaQualifiedTableIsMigratedAndTheDefaultSchemasTableOfTheSameNameIsNot(
      TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE SCHEMA billing");
    // on PostgreSQL the billing table's plan is an enum type: a write cast to the type of the
    // default schema's varchar column would be refused, so the catalog lookup must find billing's
    String planType = kind == TestDatabase.POSTGRES ? "billing.plan_kind" : "VARCHAR(10)";
    if (kind == TestDatabase.POSTGRES) {
      db.execute("CREATE TYPE billing.plan_kind AS ENUM ('BASIC', 'PRO')");
    }
    createTeams(db, "billing.teams", planType);
    createTeams(db, "teams", "VARCHAR(10)");
    List<Map<String, Object>> defaultTeams = db.snapshot("teams");
    Table<Team> billing = Team.in("billing", "teams");
    Migration<Team> backfill = Migration.on(billing, "teams.backfillPlan").batchSize(3)
        .verifiedBy(Team.PLAN.isNull())
        .migrateOne((ctx, team) -> {
          assertTrue(ctx.exists(billing, Team.ID.eq(team.id())));
          return Patch.of(billing).set(Team.PLAN, team.id() % 2 == 0 ? "PRO" : "BASIC");
        });

    RunResult dry = db.migrator().run(backfill, RunOptions.dryRun());
    RunResult result = db.migrator().run(backfill);

    assertEquals(3, dry.changes().size());
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(4, result.status().rowsChanged());
    assertEquals("billing.teams", result.status().table());
    assertEquals(2, db.count("SELECT COUNT(*) FROM billing.teams WHERE plan = 'PRO'"));
    assertEquals(2, db.count("SELECT COUNT(*) FROM billing.teams WHERE plan = 'BASIC'"));
    assertEquals(defaultTeams, db.snapshot("teams"));
    assertTrue(db.migrator().verify(Verification.of(billing, "teams.backfillPlan",
        Team.PLAN.isNull())).complete());
    assertEquals(4, db.migrator().verify(Verification.of(Team.in(null, "teams"),
        "teams.backfillPlan", Team.PLAN.isNull())).remaining());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSchemaQualifiedTableIsMigratedInsideTheDatabaseToo(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE SCHEMA billing");
    createTeams(db, "billing.teams", "VARCHAR(10)");
    createTeams(db, "teams", "VARCHAR(10)");
    Table<Team> billing = Team.in("billing", "teams");

    RunResult result = db.migrator().run(Migration.on(billing, "teams.basic").batchSize(3)
        .verifiedBy(Team.PLAN.isNull()).migrateInDatabase(Team.PLAN.setTo("BASIC")));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(4, db.count("SELECT COUNT(*) FROM billing.teams WHERE plan = 'BASIC'"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE plan IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void twoTablesOfTheSameNameInTwoSchemasAreEachMigratedUnderTheirOwnName(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE SCHEMA clinic", "CREATE SCHEMA archive");
    createTeams(db, "clinic.owners", "VARCHAR(10)");
    createTeams(db, "archive.owners", "VARCHAR(10)");
    Table<Team> clinic = Team.in("clinic", "owners");
    Table<Team> archive = Team.in("archive", "owners");

    List<RunResult> results = db.migrator().runAll(List.of(
        Migration.on(clinic, "clinic.owners.plan").batchSize(3)
            .migrateOne((ctx, owner) -> Patch.of(clinic).set(Team.PLAN, "clinic")),
        Migration.on(archive, "archive.owners.plan").batchSize(3)
            .migrateOne((ctx, owner) -> Patch.of(archive).set(Team.PLAN, "archive"))));

    assertEquals(2, results.size());
    assertTrue(results.stream().allMatch(RunResult::succeeded));
    assertEquals(List.of("clinic.owners", "archive.owners"),
        results.stream().map(result -> result.status().table()).toList());
    assertEquals(4, db.count("SELECT COUNT(*) FROM clinic.owners WHERE plan = 'clinic'"));
    assertEquals(4, db.count("SELECT COUNT(*) FROM archive.owners WHERE plan = 'archive'"));
  }

  record Customer(long id, Boolean isPro, String planName) {
    static final Column<Customer, Long> ID = Column.of("\"id\"", ColumnType.LONG);
    static final Column<Customer, Boolean> IS_PRO = Column.of("\"isPro\"", ColumnType.BOOLEAN);
    static final Column<Customer, String> PLAN_NAME = Column.of("\"planName\"", ColumnType.STRING);

    static Table<Customer> named(String exactName) {
      return Table.<Customer>builder(exactName).key(ID).columns(List.of(ID, IS_PRO, PLAN_NAME))
          .reader(row -> new Customer(row.get(ID), row.get(IS_PRO), row.get(PLAN_NAME)))
          .writer(customer -> new Patch<Customer>().set(ID, customer.id())
              .set(IS_PRO, customer.isPro()).set(PLAN_NAME, customer.planName()))
          .build();
    }
  }

  /** {@code "Customers"} and {@code "customers"}: two tables on both databases, as quoted. */
  private static Db withCustomers(TestDatabase kind) {
    Db db = new Db(kind);
    for (String table : List.of("\"Customers\"", "\"customers\"")) {
      db.execute("CREATE TABLE " + table + " (\"id\" BIGINT PRIMARY KEY, \"isPro\" BOOLEAN,"
          + " \"planName\" VARCHAR(10))");
      db.execute("INSERT INTO " + table + " (\"id\", \"isPro\") VALUES (1, TRUE), (2, FALSE),"
          + " (3, TRUE), (4, FALSE), (5, TRUE)");
    }
    return db;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void exactNamesReachAMixedCaseTableAndItsColumnsAsDeclared(TestDatabase kind) {
    Db db = withCustomers(kind);
    Table<Customer> customers = Customer.named("\"Customers\"");
    Migration<Customer> backfill = Migration.on(customers, "Customers.planName").batchSize(2)
        .verifiedBy(Customer.PLAN_NAME.isNull())
        .migrateOne((ctx, customer) -> Patch.of(customers).set(Customer.PLAN_NAME,
            Boolean.TRUE.equals(customer.isPro()) ? "pro" : "basic"));

    RunResult dry = db.migrator().run(backfill, RunOptions.dryRun());
    RunResult result = db.migrator().run(backfill);

    assertEquals(Map.of("\"id\"", "1", "\"isPro\"", "true", "\"planName\"", "pro"),
        dry.changes().get(0).after());
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals("\"Customers\"", result.status().table());
    assertEquals(3, db.count("SELECT COUNT(*) FROM \"Customers\" WHERE \"planName\" = 'pro'"));
    assertEquals(2, db.count("SELECT COUNT(*) FROM \"Customers\" WHERE \"planName\" = 'basic'"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM \"customers\" WHERE \"planName\" IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void exactNamesReachAQuotedLowerCaseTableInsideTheDatabase(TestDatabase kind) {
    Db db = withCustomers(kind);
    Table<Customer> customers = Customer.named("\"customers\"");

    RunResult result = db.migrator().run(Migration.on(customers, "customers.planName")
        .batchSize(2).range(Customer.IS_PRO.eq(true)).verifiedBy(
            Customer.IS_PRO.eq(true).and(Customer.PLAN_NAME.isNull()))
        .migrateInDatabase(Customer.PLAN_NAME.setTo("pro")));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(3, db.count("SELECT COUNT(*) FROM \"customers\" WHERE \"planName\" = 'pro'"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM \"Customers\" WHERE \"planName\" IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNameRecordedForOneTableIsRefusedForItsNamesakeInAnotherSchemaOrCase(TestDatabase kind) {
    Db db = withCustomers(kind);
    db.execute("CREATE SCHEMA billing");
    createTeams(db, "billing.teams", "VARCHAR(10)");
    createTeams(db, "teams", "VARCHAR(10)");
    assertTrue(db.migrator().run(Migration.on(Team.in(null, "teams"), "teams.plan")
        .migrateInDatabase(Team.PLAN.setTo("a"))).succeeded());
    assertTrue(db.migrator().run(Migration.on(Customer.named("\"customers\""), "customers.plan")
        .migrateInDatabase(Customer.PLAN_NAME.setTo("a"))).succeeded());

    MigrationException otherSchema = assertThrows(MigrationException.class,
        () -> db.migrator().runAll(List.of(Migration.on(Team.in("billing", "teams"), "teams.plan")
            .migrateInDatabase(Team.PLAN.setTo("b")))));
    MigrationException otherCase = assertThrows(MigrationException.class,
        () -> db.migrator().runAll(List.of(Migration.on(Customer.named("\"Customers\""),
            "customers.plan").migrateInDatabase(Customer.PLAN_NAME.setTo("b")))));

    assertEquals("Migration teams.plan is recorded as a migration of table teams, not of"
        + " billing.teams; give each migration a name of its own.", otherSchema.getMessage());
    assertEquals("Migration customers.plan is recorded as a migration of table \"customers\", not"
        + " of \"Customers\"; give each migration a name of its own.", otherCase.getMessage());
    assertEquals(0, db.count("SELECT COUNT(*) FROM billing.teams WHERE plan IS NOT NULL"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM \"Customers\" WHERE \"planName\" IS NOT NULL"));
  }
}
