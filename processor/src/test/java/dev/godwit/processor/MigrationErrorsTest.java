package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.assertError;
import static dev.godwit.processor.Compilations.source;
import static dev.godwit.processor.Compilations.team;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The errors about the migrations generated for an entity, and about the processor itself. */
class MigrationErrorsTest {

  @Test
  void refusesTwoMigrationsWithTheSameName() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "FREE") Plan plan,
                @Widened @Backfill(value = "1", migration = "backfillPlan") Integer seats) {}
            """),
        "[GodwitDuplicateMigration] two migrations are named teams.backfillPlan; give this one another"
            + " name with @Backfill(migration = \"...\")",
        "migration = \"backfillPlan\"");
  }

  @Test
  void refusesABackfillNamedLikeAClear() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Deprecated(forRemoval = true) Boolean isPro,
                @Widened @Backfill(value = "FREE", migration = "clearIsPro") Plan plan) {}
            """),
        "[GodwitDuplicateMigration] two migrations are named teams.clearIsPro;",
        "migration = \"clearIsPro\"");
  }

  @Test
  void refusesAMigrationNameThatCannotBeAMethod() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "FREE", migration = "all") Plan plan) {}
            """),
        "[GodwitMigrationName] migration name \"all\" cannot be the name of a generated method; use a"
            + " Java identifier other than all, migrations and the methods of Object, such as"
            + " \"upgradePlans\"",
        "migration = \"all\"");
  }

  @Test
  void refusesABatchSizeThatIsNotPositive() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "FREE", batchSize = 0) Plan plan) {}
            """),
        "[GodwitBatchSize] batchSize 0 is not a number of rows; use a positive number, or leave it out"
            + " for the default of 1000",
        "batchSize = 0");
  }

  @Test
  void refusesTwoBatchSizesForOneMigration() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "FREE", migration = "upgrade", batchSize = 100) Plan plan,
                @Widened @Backfill(value = "1", migration = "upgrade", batchSize = 500) Integer seats) {}
            """),
        "[GodwitBatchSize] migration teams.upgrade gets batch size 100 from field plan and 500 from field"
            + " seats; set batchSize on one of its fields only",
        "batchSize = 500");
  }

  @Test
  void refusesBackfillsThatReadEachOther() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(from = "title") String name,
                @Widened @Backfill(from = "name") String title) {}
            """),
        "[GodwitMigrationCycle] migrations teams.backfillName, teams.backfillTitle read fields that"
            + " another of them fills, so none can run first; let one of them compute its value from"
            + " fields no backfill fills",
        "String name");
  }

  @Test
  void refusesTwoEntitiesPublishingTheSameMigration() {
    JavaFileObject member = source("com.example.Member", Compilations.IMPORTS + """

        @MigratedTable("teams")
        public record Member(
            @Id long id,
            @Widened @Backfill(value = "FREE") Plan plan) {}
        """);
    JavaFileObject team = team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Widened @Backfill(value = "PRO") Plan plan) {}
        """);
    Compilation compilation = Compilations.compile(member, team, Compilations.PLAN);
    assertThat(compilation)
        .hadErrorContaining("[GodwitDuplicateMigration] migration teams.backfillPlan is also generated"
            + " for com.example.Member, which maps the same table; map each table with one entity, or"
            + " name this one's table differently")
        .inFile(team)
        .onLineContaining("@MigratedTable(\"teams\")");
  }

  @Test
  void refusesTwoEntitiesMappingTheSameTable() {
    JavaFileObject member = source("com.example.Member", Compilations.IMPORTS + """

        @MigratedTable("TEAMS")
        public record Member(@Id long id, String name) {}
        """);
    JavaFileObject team = team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Widened @Backfill(value = "PRO") Plan plan) {}
        """);
    Compilation compilation = Compilations.compile(member, team, Compilations.PLAN);
    assertThat(compilation)
        .hadErrorContaining("[GodwitDuplicateTable] table teams is also mapped by com.example.Member,"
            + " and each entity publishes what its code expects of the table, which would contradict each"
            + " other; map each table with one entity")
        .inFile(team)
        .onLineContaining("@MigratedTable(\"teams\")");
  }

  @Test
  void turnsAnUnexpectedExceptionIntoAnErrorWithItsStackTrace() {
    JavaFileObject team = team("""
        @MigratedTable("teams")
        public record Team(@Id long id) {}
        """);
    GodwitProcessor failing = new GodwitProcessor(environment -> type -> {
      throw new IllegalStateException("the reader broke");
    });
    Compilation compilation = Compiler.javac().withProcessors(failing).compile(team);
    assertThat(compilation)
        .hadErrorContaining("[GodwitInternalError] generating code for com.example.Team failed"
            + " unexpectedly; please report this with its stack trace:"
            + " java.lang.IllegalStateException: the reader broke")
        .inFile(team)
        .onLineContaining("public record Team");
    assertThat(compilation).hadErrorContaining("at dev.godwit.processor.MigrationErrorsTest");
  }
}
