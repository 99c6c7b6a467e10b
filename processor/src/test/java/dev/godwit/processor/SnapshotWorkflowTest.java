package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot workflow: a missing baseline is written with a note, a build never replaces one by
 * itself, {@code godwit.acceptSchema=true} does, the safe changes pass, snapshots are the same bytes
 * in every build and locale, and a build without {@code godwit.schemaDir} writes nothing.
 */
class SnapshotWorkflowTest {

  private static final String DEPLOY_0 = """
      @MigratedTable("teams")
      public record Team(@Id long id, String name, Boolean isPro) {}
      """;

  private static final String DEPLOY_1 = """
      @MigratedTable("teams")
      public record Team(@Id long id, String name, @Deprecated(forRemoval = true) Boolean isPro,
          @Widened @Backfill(method = "planOf", batchSize = 500) Plan plan) {
        static Plan planOf(Team team) {
          return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.FREE;
        }
      }
      """;

  @TempDir Path snapshots;

  private Compilation compile(List<String> extra, String declaration) {
    List<String> options = new ArrayList<>(List.of("-Agodwit.schemaDir=" + snapshots));
    options.addAll(extra);
    Compilation compilation = Compilations.compile(options, Compilations.team(declaration),
        Compilations.PLAN);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private String baseline() throws IOException {
    return Files.readString(snapshots.resolve("teams.json"), StandardCharsets.UTF_8);
  }

  @Test
  void aMissingBaselineIsWrittenWithANote() throws IOException {
    Compilation compilation = compile(List.of(), DEPLOY_0);

    assertThat(compilation).hadNoteContaining("[GodwitSnapshot] no baseline for table teams yet:"
        + " wrote " + snapshots.resolve("teams.json") + "; commit it");
    assertEquals("""
        {
          "columns" : [
            {
              "column" : "id",
              "field" : "id",
              "javaType" : "java.lang.Long",
              "key" : true,
              "length" : 0,
              "precision" : 0,
              "role" : "REQUIRED",
              "scale" : 0,
              "sqlType" : "LONG"
            },
            {
              "column" : "name",
              "field" : "name",
              "javaType" : "java.lang.String",
              "key" : false,
              "length" : 0,
              "precision" : 0,
              "role" : "OPTIONAL",
              "scale" : 0,
              "sqlType" : "STRING"
            },
            {
              "column" : "is_pro",
              "field" : "isPro",
              "javaType" : "java.lang.Boolean",
              "key" : false,
              "length" : 0,
              "precision" : 0,
              "role" : "OPTIONAL",
              "scale" : 0,
              "sqlType" : "BOOLEAN"
            }
          ],
          "entity" : "com.example.Team",
          "format" : 1,
          "migrations" : [ ],
          "removed" : [ ],
          "table" : "teams"
        }
        """, baseline());
  }

  @Test
  void aBuildNeverReplacesTheBaselineAndAcceptingDoes() throws IOException {
    compile(List.of(), DEPLOY_0);
    String deploy0 = baseline();

    Compilation widened = compile(List.of(), DEPLOY_1);
    assertThat(widened).hadNoteContaining("[GodwitSnapshot] the schema of table teams differs from"
        + " its baseline " + snapshots.resolve("teams.json") + " in safe ways only; once this deploy"
        + " is out, accept it as the new baseline with -Agodwit.acceptSchema=true");
    assertEquals(deploy0, baseline());

    Compilation accepted = compile(List.of("-Agodwit.acceptSchema=true"), DEPLOY_1);
    assertThat(accepted).hadNoteContaining("[GodwitSnapshot] accepted the schema of table teams as"
        + " its new baseline");
    String deploy1 = baseline();
    assertTrue(deploy1.contains("""
              "backfill" : {
                "migration" : "teams.backfillPlan",
                "source" : "method",
                "text" : "planOf"
              },
              "column" : "plan",
              "field" : "plan",
              "javaType" : "com.example.Plan",
              "key" : false,
              "length" : 0,
              "precision" : 0,
              "role" : "WIDENED",
        """), deploy1);
    assertTrue(deploy1.contains("""
              "batchSize" : 500,
              "fields" : [
                "plan"
              ],
              "kind" : "BACKFILL",
              "name" : "teams.backfillPlan",
              "phase" : "MIGRATE",
              "requires" : [ ]
        """), deploy1);
  }

  /** Compiles a baseline, then a next form that must pass with the note that the schema changed. */
  private void assertSafe(String baseline, String next) throws IOException {
    compile(List.of(), baseline);
    String before = baseline();
    Compilation compilation = compile(List.of(), next);
    assertThat(compilation).hadNoteContaining("[GodwitSnapshot] the schema of table teams differs"
        + " from its baseline");
    assertEquals(before, baseline());
  }

  @Test
  void aNewNullableFieldIsSafe() throws IOException {
    assertSafe(DEPLOY_0, """
        @MigratedTable("teams")
        public record Team(@Id long id, String name, Boolean isPro, String motto) {}
        """);
  }

  @Test
  void aNewWidenedFieldIsSafe() throws IOException {
    assertSafe(DEPLOY_0, DEPLOY_1);
  }

  @Test
  void aDeprecationIsSafe() throws IOException {
    assertSafe(DEPLOY_0, """
        @MigratedTable("teams")
        public record Team(@Id long id, String name, @Deprecated Boolean isPro) {}
        """);
  }

  @Test
  void aFieldNarrowedAfterItsBackfillIsSafe() throws IOException {
    assertSafe(DEPLOY_1, """
        @MigratedTable("teams")
        public record Team(@Id long id, String name, @Deprecated(forRemoval = true) Boolean isPro,
            @Backfill(method = "planOf", batchSize = 500) Plan plan) {
          static Plan planOf(Team team) {
            return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.FREE;
          }
        }
        """);
  }

  @Test
  void aRetiringFieldRemovedWithItsColumnIsSafe() throws IOException {
    assertSafe("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name, @Deprecated(forRemoval = true) Boolean isPro) {}
        """, """
        @MigratedTable(value = "teams", removed = "is_pro")
        public record Team(@Id long id, String name) {}
        """);
  }

  @Test
  void aNewTableIsSafe() throws IOException {
    compile(List.of(), DEPLOY_0);
    JavaFileObject member = Compilations.source("com.example.Member", Compilations.IMPORTS + """

        @MigratedTable("members")
        public record Member(@Id long id, String name) {}
        """);
    Compilation withNewTable = Compilations.compile(List.of("-Agodwit.schemaDir=" + snapshots),
        Compilations.team(DEPLOY_0), Compilations.PLAN, member);
    assertThat(withNewTable).succeededWithoutWarnings();
    assertThat(withNewTable).hadNoteContaining("[GodwitSnapshot] no baseline for table members");
    assertTrue(Files.exists(snapshots.resolve("members.json")));
  }

  @Test
  void aFieldWidenedThenNarrowedAndRemovedPassesEachDeploy() throws IOException {
    compile(List.of(), DEPLOY_0);
    compile(List.of("-Agodwit.acceptSchema=true"), """
        @MigratedTable("teams")
        public record Team(@Id long id, String name, @Deprecated(forRemoval = true) Boolean isPro,
            @Widened @Backfill(value = "FREE") Plan plan) {}
        """);
    compile(List.of("-Agodwit.acceptSchema=true"), """
        @MigratedTable("teams")
        public record Team(@Id long id, String name, @Deprecated(forRemoval = true) Boolean isPro,
            Plan plan) {}
        """);
    assertTrue(baseline().contains("\"role\" : \"NARROWED\""), baseline());
    compile(List.of("-Agodwit.acceptSchema=true"), """
        @MigratedTable(value = "teams", removed = "is_pro")
        public record Team(@Id long id, String name, Plan plan) {}
        """);
    assertTrue(baseline().contains("\"removed\" : [\n    \"is_pro\"\n  ]"), baseline());
  }

  @Test
  void snapshotsAreTheSameBytesInEveryBuildAndUnderATurkishLocale(@TempDir Path other)
      throws IOException {
    compile(List.of(), DEPLOY_1);
    byte[] first = Files.readAllBytes(snapshots.resolve("teams.json"));
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      Compilation turkish = Compilations.compile(List.of("-Agodwit.schemaDir=" + other),
          Compilations.team(DEPLOY_1), Compilations.PLAN);
      assertThat(turkish).succeeded();
    } finally {
      Locale.setDefault(before);
    }
    assertArrayEquals(first, Files.readAllBytes(other.resolve("teams.json")));
    String text = new String(first, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("}\n") && !text.contains("\r"), text);
    assertTrue(text.contains("\"field\" : \"isPro\"") && text.contains("\"sqlType\" : \"BOOLEAN\""),
        text);
  }

  @Test
  void theBaselineOfATableInASchemaIsFoundAgainAndRemembersItsBackfill() throws IOException {
    compile(List.of(), """
        @MigratedTable(value = "`Teams`", schema = "billing")
        public record Team(@Id long id, String title) {}
        """);
    compile(List.of("-Agodwit.acceptSchema=true"), """
        @MigratedTable(value = "`Teams`", schema = "billing")
        public record Team(@Id long id, @Deprecated(forRemoval = true) String title,
            @Widened @Backfill(from = "title") String name) {}
        """);
    Path file = snapshots.resolve("billing.Teams.json");
    assertTrue(Files.readString(file).contains("\"schema\" : \"billing\""), Files.readString(file));

    Compilation narrowed = compile(List.of(), """
        @MigratedTable(value = "`Teams`", schema = "billing")
        public record Team(@Id long id, @Deprecated(forRemoval = true) String title, String name) {}
        """);
    Compilations.assertContains(narrowed, "TeamTable",
        ".narrowed(NAME, TeamVerification.backfillName())");
    Compilations.assertContains(narrowed, "TeamMigrations", "billing.Teams.clearTitle");
  }

  @Test
  void anUnpublishedEntityOfTheTableIsNeitherCheckedNorSnapshotted() throws IOException {
    compile(List.of(), DEPLOY_0);
    String deploy0 = baseline();
    JavaFileObject next = Compilations.source("com.example.next.Team", """
        package com.example.next;

        import dev.godwit.*;

        @MigratedTable("teams")
        public record Team(@Id long id, String name, int seats) {}
        """);

    Compilation compilation = Compilations.compile(List.of("-Agodwit.schemaDir=" + snapshots,
        "-Agodwit.unpublished=com.example.next", "-Agodwit.acceptSchema=true"), next);

    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(deploy0, baseline());
  }

  @Test
  void withoutTheOptionNothingIsWrittenOrChecked() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name, int seats) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(compilation.notes().stream()
        .anyMatch(note -> note.getMessage(Locale.ROOT).contains("GodwitSnapshot")));
    assertFalse(Files.exists(snapshots.resolve("teams.json")));
  }
}
