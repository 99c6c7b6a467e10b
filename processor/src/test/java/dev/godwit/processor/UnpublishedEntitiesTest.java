package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The processor option {@code godwit.unpublished}: entities of the packages it names get their
 * generated classes, are left out of the service file, and may map a published entity's table and
 * repeat its migration names; published entities are still refused that.
 */
class UnpublishedEntitiesTest {

  /** Deploy 1's {@code Team}, published. */
  private static final JavaFileObject CURRENT = Compilations.team("""
      @MigratedTable("teams")
      public record Team(
          @Id long id,
          @Deprecated(forRemoval = true) Boolean isPro,
          @Widened @Backfill(method = "planOf") Plan plan) {

        public static Plan planOf(Team team) {
          return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.FREE;
        }
      }
      """);

  /** Deploy 2's {@code Team}, beside it: the same table and the same backfill, narrowed. */
  private static final JavaFileObject NEXT = Compilations.source("com.example.next.Team", """
      package com.example.next;

      import com.example.Plan;
      import dev.godwit.*;

      @MigratedTable("teams")
      public record Team(
          @Id long id,
          @Deprecated(forRemoval = true) Boolean isPro,
          @Backfill(method = "planOf") Plan plan) {

        public static Plan planOf(Team team) {
          return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.FREE;
        }
      }
      """);

  private static Compilation compile(String option, JavaFileObject... sources) {
    return Compilations.compile(List.of("-A" + GodwitProcessor.UNPUBLISHED + "=" + option), sources);
  }

  private static String services(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
            "META-INF/services/dev.godwit.runtime.MigrationProvider")
        .orElseThrow()
        .getCharContent(true)
        .toString();
  }

  @Test
  void generatesTheNextDeploysEntityBesideTheCurrentOneWithoutPublishingIt() throws IOException {
    Compilation compilation = compile("com.other, com.example.next", CURRENT, NEXT, Compilations.PLAN);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.next.TeamTable").contentsAsUtf8String()
        .contains(".narrowed(PLAN, TeamVerification.backfillPlan())");
    assertThat(compilation).generatedSourceFile("com.example.next.TeamMigrations")
        .contentsAsUtf8String().contains("Migration.on(TeamTable.TABLE, \"teams.backfillPlan\")");
    assertThat(compilation).generatedSourceFile("com.example.next.TeamMigrations")
        .contentsAsUtf8String().contains("teams.clearIsPro");
    assertEquals("com.example.TeamMigrations\n", services(compilation));
  }

  @Test
  void writesNoServiceFileWhenEveryEntityIsUnpublished() {
    Compilation compilation = compile("com.example.next", NEXT, Compilations.PLAN);

    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(false, compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/services/dev.godwit.runtime.MigrationProvider").isPresent());
  }

  @Test
  void stillRefusesTwoPublishedEntitiesOfOneTable() {
    Compilation compilation = compile("com.other", CURRENT, NEXT, Compilations.PLAN);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[GodwitDuplicateMigration] migration teams.backfillPlan is also"
            + " generated for com.example.Team, which maps the same table; map each table with one"
            + " entity, or name this one's table differently, or, for the next deploy's entity or a"
            + " test fixture, list its package in the processor option godwit.unpublished")
        .inFile(NEXT)
        .onLineContaining("@MigratedTable(\"teams\")");
  }
}
