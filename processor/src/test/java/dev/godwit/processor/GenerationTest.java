package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.annotation;
import static dev.godwit.processor.Compilations.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is generated for the shapes of entity the processor accepts, and how it is published. */
class GenerationTest {

  @TempDir Path folder;

  @Test
  void generatesNothingForAnEntityWithErrorsButStillForTheOthers() {
    JavaFileObject broken = Compilations.team("""
        @MigratedTable("teams")
        public record Team(@Id long id, @Widened Plan plan) {}
        """);
    JavaFileObject member = Compilations.source("com.example.Member", """
        package com.example;

        @dev.godwit.MigratedTable("members")
        public record Member(@dev.godwit.Id long id) {}
        """);
    Compilations.Output output =
        Compilations.compileInto(folder, List.of(broken, member, Compilations.PLAN));
    assertFalse(output.succeeded());
    assertTrue(output.files().containsKey("generated/com/example/MemberTable.java"),
        output.files().keySet().toString());
    assertTrue(output.files().keySet().stream().noneMatch(path -> path.contains("/Team")),
        output.files().keySet().toString());
  }

  @Test
  void buildsAClassWithSettersAndReadsItThroughGettersAndFields() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public class Team {
          @Id private long id;
          private String name;
          Boolean isPro;

          public long getId() { return id; }
          public void setId(long id) { this.id = id; }
          public String getName() { return name; }
          public void setName(String name) { this.name = name; }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertContains(compilation, "TeamTable", """
                Team team = new Team();
                team.setId(row.get(ID));
                team.setName(row.get(NAME));
                team.isPro = row.get(IS_PRO);
                return team;
            """);
    assertContains(compilation, "TeamTable", ".isPro(team.isPro)");
  }

  @Test
  void honoursJakartaPersistenceNames() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.Crew", """
        package com.example;

        import jakarta.persistence.Column;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;
        import jakarta.persistence.Transient;

        @dev.godwit.MigratedTable
        @Table(name = "crews")
        public class Crew {
          @Id Long key;
          @Column(name = "crew_name") String name;
          @Column(length = 10) String shortCode;
          @Transient String cached;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "CrewTable", "Table.of(\"crews\", KEY, List.of(KEY, NAME, SHORT_CODE)");
    assertContains(compilation, "CrewTable", "NAME = Column.of(\"crew_name\"");
    assertContains(compilation, "CrewTable", "SHORT_CODE = Column.of(\"short_code\"");
  }

  @Test
  void honoursJavaxPersistenceAndSpringDataByName() {
    JavaFileObject crew = Compilations.source("com.example.Crew", """
        package com.example;

        @dev.godwit.MigratedTable
        @org.springframework.data.relational.core.mapping.Table("crews")
        public record Crew(
            @org.springframework.data.annotation.Id Long key,
            @javax.persistence.Column(name = "crew_name") String name,
            @org.springframework.data.relational.core.mapping.Column("code") String shortCode) {}
        """);
    Compilation compilation = Compilations.compile(crew,
        annotation("javax.persistence", "Column", "String name() default \"\";"),
        annotation("org.springframework.data.annotation", "Id", ""),
        annotation("org.springframework.data.relational.core.mapping", "Table",
            "String value() default \"\"; String name() default \"\";"),
        annotation("org.springframework.data.relational.core.mapping", "Column",
            "String value() default \"\"; String name() default \"\";"));
    assertThat(compilation).succeeded();
    assertContains(compilation, "CrewTable", "Table.of(\"crews\", KEY, List.of(KEY, NAME, SHORT_CODE)");
    assertContains(compilation, "CrewTable", "NAME = Column.of(\"crew_name\"");
    assertContains(compilation, "CrewTable", "SHORT_CODE = Column.of(\"code\"");
  }

  @Test
  void derivesNamesAsSpringBootsDefaultNamingStrategyDoes() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.UserAccount", """
        package com.example;

        @dev.godwit.MigratedTable
        public record UserAccount(@dev.godwit.Id Long userID, String HTTPCode, Integer address2) {}
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "UserAccountTable", "Table.of(\"user_account\"");
    assertContains(compilation, "UserAccountTable", "USER_ID = Column.of(\"userid\"");
    assertContains(compilation, "UserAccountTable", "HTTP_CODE = Column.of(\"httpcode\"");
    assertContains(compilation, "UserAccountTable", "ADDRESS2 = Column.of(\"address2\"");
  }

  @Test
  void namesTheClassesOfANestedEntityAfterItsEnclosingClass() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.Billing", """
        package com.example;

        public class Billing {
          @dev.godwit.MigratedTable("invoices")
          public record Invoice(@dev.godwit.Id long id) {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Billing_InvoiceTable").isNotNull();
    assertThat(compilation).generatedSourceFile("com.example.Billing_InvoiceMigrations").isNotNull();
  }

  @Test
  void publishesEveryMigrationsClassSortedInOneServiceFile() throws IOException {
    Compilation compilation = Compilations.compile(
        Compilations.source("com.example.Zebra", """
            package com.example;

            @dev.godwit.MigratedTable
            public record Zebra(@dev.godwit.Id long id) {}
            """),
        Compilations.source("com.example.Ant", """
            package com.example;

            @dev.godwit.MigratedTable
            public record Ant(@dev.godwit.Id long id) {}
            """));
    assertThat(compilation).succeeded();
    String services = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
            "META-INF/services/dev.godwit.runtime.MigrationProvider")
        .orElseThrow()
        .getCharContent(true)
        .toString();
    assertEquals("com.example.AntMigrations\ncom.example.ZebraMigrations\n", services);
  }

  @Test
  void runsEachBackfillAfterTheBackfillsFillingWhatItReadsAndClearsLast() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Deprecated(forRemoval = true) Boolean isPro,
            @Backfill(from = "label") String title,
            @Backfill(method = "labelOf") String label,
            @Deprecated(forRemoval = true) String name) {

          static String labelOf(Team team) {
            return team.name();
          }
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamMigrations", "return List.of(backfillLabel(), backfillTitle(), clearIsPro(), clearName());");
  }

  @Test
  void givesNoClearToAFieldThatAWidenedBackfillReads() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Deprecated(forRemoval = true) Boolean isPro,
            @Deprecated(forRemoval = true) String name,
            @Widened @Backfill(from = "name") String title) {}
        """));
    assertThat(compilation).succeeded();
    // isPro is read by no backfill: its clear is generated; name is still read by a widened field.
    assertContains(compilation, "TeamMigrations", "return List.of(backfillTitle(), clearIsPro());");
    assertThat(compilation).generatedSourceFile("com.example.TeamMigrations").contentsAsUtf8String()
        .doesNotContain("clearName");
  }

  @Test
  void narrowsABackfilledFieldWithoutWidenedEvenOfAPrimitiveType() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Backfill(value = "5", migration = "fill") int seats,
            @Backfill(value = "FREE", migration = "fill") Plan plan) {}
        """), Compilations.PLAN);
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", ".narrowed(SEATS, TeamVerification.fill())\n"
        + "      .narrowed(PLAN, TeamVerification.fill())");
    assertThat(compilation).generatedSourceFile("com.example.TeamDualRead").contentsAsUtf8String()
        .doesNotContain("plan(");
  }

  @Test
  void statesNoSizeForALargeObjectOrAColumnOfADeclaredType() {
    Compilation compilation = Compilations.compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @Lob String memo;
          @Column(columnDefinition = "text") String notes;
          String name;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", ".optional(MEMO)\n"
        + "      .optional(NOTES)\n"
        + "      .optional(NAME, ColumnSchema.Size.length(255))");
  }

  @Test
  void groupsTheBackfillsThatShareAMigrationName() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Widened @Backfill(value = "FREE", migration = "upgrade") Plan plan,
            @Widened @Backfill(value = "1", migration = "upgrade", batchSize = 50) Integer seats) {}
        """), Compilations.PLAN);
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamMigrations", """
                return Migration.on(TeamTable.TABLE, "teams.upgrade")
                    .batchSize(50)
                    .range(TeamTable.PLAN.isNull().or(TeamTable.SEATS.isNull()))
            """);
    assertContains(compilation, "TeamMigrations", "return List.of(upgrade());");
  }

  @Test
  void acceptsEverySupportedTypeAndItsConstants() {
    Compilation compilation = Compilations.compile(List.of("-Xlint:all"), Compilations.team("""
        @MigratedTable("teams")
        public record Team(
            @Id String code,
            boolean active,
            int rank,
            long views,
            double score,
            @Widened @Backfill(value = "true") Boolean verified,
            @Widened @Backfill(value = "-2147483648") Integer level,
            @Widened @Backfill(value = "9223372036854775807") Long budget,
            @Widened @Backfill(value = "1e3") Double ratio,
            @Widened @Backfill(value = "12.50") BigDecimal price,
            @Widened @Backfill(value = "123E4567-E89B-12D3-A456-426614174000") java.util.UUID ref,
            @Widened @Backfill(value = "2024-01-31T09:30:00Z") java.time.Instant createdAt,
            @Widened @Backfill(value = "2024-01-31") java.time.LocalDate day,
            @Widened @Backfill(value = "2024-01-31T09:30") java.time.LocalDateTime at,
            @Widened @Backfill(value = "say \\"hi\\"") String greeting,
            @Widened @Backfill(value = "PRO") Plan plan,
            List<List<Plan>> history,
            Point where) {
          public record Point(double x, double y, List<Point.Tag> tags) {
            public record Tag(String name) {}
          }
        }
        """), Compilations.PLAN);
    assertThat(compilation).succeededWithoutWarnings();
    assertContains(compilation, "TeamDualRead", "return budget != null ? budget : 9223372036854775807L;");
    assertContains(compilation, "TeamDualRead", "return ratio != null ? ratio : 1000.0;");
    assertContains(compilation, "TeamDualRead", "UUID.fromString(\"123e4567-e89b-12d3-a456-426614174000\")");
    assertContains(compilation, "TeamDualRead", "return greeting != null ? greeting : \"say \\\"hi\\\"\";");
  }
}
