package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.assertContains;
import static dev.godwit.processor.Compilations.assertError;
import static dev.godwit.processor.Compilations.team;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Columns required without JPA: Godwit's {@code @Column(nullable = false)} and Bean Validation's
 * {@code @NotNull} make a column REQUIRED in the generated {@code SCHEMA}, as JPA's {@code
 * nullable = false} does, and are refused on a {@code @Widened} field.
 */
class RequiredColumnsTest {

  /** Bean Validation's {@code @NotNull} as its jar declares it: on fields and on type uses. */
  private static JavaFileObject notNull(String packageName) {
    return Compilations.source(packageName + ".NotNull", "package " + packageName + ";\n\n"
        + "import java.lang.annotation.*;\n\n"
        + "@Retention(RetentionPolicy.RUNTIME)\n"
        + "@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE,"
        + " ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})\n"
        + "public @interface NotNull {}\n");
  }

  @Test
  void columnNotNullableMakesAPlainFieldRequiredAndKeepsItsDerivedName() {
    Compilation compilation = Compilations.compile(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Column(nullable = false) Plan plan,
                @Column(value = "label", nullable = false) String name,
                String motto) {}
            """), Compilations.PLAN);
    assertThat(compilation).succeededWithoutWarnings();
    assertContains(compilation, "TeamTable", "Column.of(\"plan\"");
    assertContains(compilation, "TeamTable", "Column.of(\"label\"");
    assertContains(compilation, "TeamTable", ".required(PLAN)");
    assertContains(compilation, "TeamTable", ".required(NAME)");
    assertContains(compilation, "TeamTable", ".optional(MOTTO)");
  }

  @Test
  void columnNullableByDefaultLeavesTheFieldOptional() {
    Compilation compilation = Compilations.compile(team("""
            @MigratedTable("teams")
            public record Team(@Id long id, @Column("label") String name) {}
            """), Compilations.PLAN);
    assertThat(compilation).succeededWithoutWarnings();
    assertContains(compilation, "TeamTable", ".optional(NAME)");
  }

  @Test
  void beanValidationNotNullMakesAFieldRequired() {
    for (String packageName : new String[] {
        "jakarta.validation.constraints", "javax.validation.constraints"}) {
      Compilation compilation = Compilations.compile(team("""
              @MigratedTable("teams")
              public record Team(
                  @Id long id,
                  @%s.NotNull Plan plan,
                  String motto) {}
              """.formatted(packageName)), Compilations.PLAN, notNull(packageName));
      assertThat(compilation).succeededWithoutWarnings();
      assertContains(compilation, "TeamTable", ".required(PLAN)");
      assertContains(compilation, "TeamTable", ".optional(MOTTO)");
    }
  }

  @Test
  void narrowedFieldDeclaredNotNullableIsNarrowed() {
    Compilation compilation = Compilations.compile(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Backfill(value = "PRO") @Column(nullable = false) Plan plan) {}
            """), Compilations.PLAN);
    assertThat(compilation).succeededWithoutWarnings();
    assertContains(compilation, "TeamTable", ".narrowed(PLAN, TeamVerification.backfillPlan())");
  }

  @Test
  void refusesAWidenedFieldThatColumnDeclaresNotNullable() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "PRO")
                @Column(nullable = false) Plan plan) {}
            """),
        "[GodwitWidenedNotNull] @Widened field plan is declared NOT NULL by @Column, but old rows lack"
            + " it until its backfill has run; remove that until the deploy that narrows the field,"
            + " which drops @Widened",
        "@Column(nullable = false) Plan plan");
  }

  @Test
  void refusesAWidenedFieldThatBeanValidationDeclaresNotNull() {
    JavaFileObject team = team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "PRO")
                @jakarta.validation.constraints.NotNull Plan plan) {}
            """);
    Compilation compilation = Compilations.compile(
        team, Compilations.PLAN, notNull("jakarta.validation.constraints"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[GodwitWidenedNotNull] @Widened field plan is declared NOT NULL by"
            + " @NotNull, but old rows lack it until its backfill has run")
        .inFile(team)
        .onLineContaining("@jakarta.validation.constraints.NotNull Plan plan");
  }
}
