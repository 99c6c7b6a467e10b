package dev.godwit.processor;

import static dev.godwit.processor.Compilations.assertError;
import static dev.godwit.processor.Compilations.team;

import org.junit.jupiter.api.Test;

/** The errors about {@code @Widened}, {@code @Backfill} and {@code @Deprecated} fields. */
class BackfillErrorsTest {

  @Test
  void refusesAWidenedPrimitiveNamingTheBox() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "3") int seats) {}
            """),
        "[GodwitWidenedPrimitive] @Widened field seats has the primitive type int, which cannot be NULL"
            + " in old rows; declare it as Integer",
        "int seats");
  }

  @Test
  void refusesAWidenedFieldWithoutBackfill() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened Plan plan) {}
            """),
        "[GodwitWidenedWithoutBackfill] @Widened field plan does not say how old rows get a value; add"
            + " @Backfill(value = ...), @Backfill(from = ...) or @Backfill(method = ...)",
        "@Widened Plan plan");
  }

  @Test
  void refusesANarrowedFieldWhoseBackfillCopiesAFieldThatNoLongerExists() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Backfill(from = "name") String title) {}
            """),
        "[GodwitBackfillFrom] @Backfill from \"name\" names no mapped field of Team; name one of: id",
        "@Backfill(from = \"name\") String title");
  }

  @Test
  void refusesAWidenedFieldThatJpaDeclaresNotNull() {
    assertError(ColumnMappingErrorsTest.jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Widened @Backfill(value = "5")
              @Column(nullable = false) Integer seats;
            }
            """),
        "[GodwitWidenedNotNull] @Widened field seats is declared NOT NULL by @Column, but old rows lack"
            + " it until its backfill has run; remove that until the deploy that narrows the field,"
            + " which drops @Widened",
        "@Column(nullable = false) Integer seats;");
  }

  @Test
  void refusesAWidenedFieldThatBasicDeclaresNotOptional() {
    assertError(ColumnMappingErrorsTest.jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Widened @Backfill(value = "5")
              @Basic(optional = false) Integer seats;
            }
            """),
        "[GodwitWidenedNotNull] @Widened field seats is declared NOT NULL by @Basic",
        "@Basic(optional = false) Integer seats;");
  }

  @Test
  void refusesARetiringFieldThatJpaDeclaresNotNull() {
    assertError(ColumnMappingErrorsTest.jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Deprecated(forRemoval = true)
              @Column(name = "is_pro", nullable = false) Boolean isPro;
            }
            """),
        "[GodwitRetiringNotNull] isPro is marked @Deprecated(forRemoval = true), so new code may stop"
            + " writing it, but @Column declares it NOT NULL; remove that, so that its column accepts"
            + " NULL before the code stops writing it",
        "@Column(name = \"is_pro\", nullable = false) Boolean isPro;");
  }

  @Test
  void refusesARemovedColumnThatAFieldStillMaps() {
    assertError(team("""
            @MigratedTable(value = "teams",
                removed = {"legacy", "IS_PRO"})
            public record Team(
                @Id long id,
                @Deprecated(forRemoval = true) Boolean isPro) {}
            """),
        "[GodwitRemovedColumn] column \"IS_PRO\" is declared removed, but field isPro still maps it,"
            + " and the contract phase would drop the column under it; remove field isPro first, or take"
            + " the column out of removed",
        "removed = {\"legacy\", \"IS_PRO\"})");
  }

  @Test
  void refusesARemovedColumnNameThatIsNoSqlName() {
    assertError(team("""
            @MigratedTable(value = "teams",
                removed = "is-pro")
            public record Team(
                @Id long id) {}
            """),
        "[GodwitRemovedColumn] removed column name \"is-pro\" is not a plain SQL identifier; use at most"
            + " 63 letters, digits and underscores, starting with a letter or underscore, such as"
            + " \"is_pro\", or write the exact name between double quotes",
        "removed = \"is-pro\")");
  }

  @Test
  void refusesAnExactRemovedColumnNameThatCannotBeUsed() {
    assertError(team("""
            @MigratedTable(value = "teams",
                removed = "\\"is\\"pro\\"")
            public record Team(
                @Id long id) {}
            """),
        "[GodwitExactName] removed column name \"is\"pro\" cannot be used exactly as declared",
        "removed = ");
  }

  @Test
  void refusesABackfillWithoutSource() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(batchSize = 10) Plan plan) {}
            """),
        "[GodwitBackfillSource] @Backfill on plan names no source; set exactly one of value (a constant),"
            + " from (another field) or method (a static method)",
        "@Backfill(batchSize = 10)");
  }

  @Test
  void refusesABackfillWithTwoSources() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                String oldPlan,
                @Widened
                @Backfill(value = "FREE",
                    from = "oldPlan")
                Plan plan) {}
            """),
        "[GodwitBackfillSource] @Backfill on plan sets both value and from; keep exactly one of value,"
            + " from and method",
        "from = \"oldPlan\"");
  }

  @Test
  void refusesMaybeForABoolean() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "maybe") Boolean active) {}
            """),
        "[GodwitBackfillValue] @Backfill value \"maybe\" does not fit active, of type Boolean; use"
            + " \"true\" or \"false\"",
        "Boolean active");
  }

  @Test
  void refusesAConstantTheEnumDoesNotHave() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "GOLD") Plan plan) {}
            """),
        "[GodwitBackfillValue] @Backfill value \"GOLD\" does not fit plan, of type Plan; use one of"
            + " FREE, PRO",
        "\"GOLD\"");
  }

  @Test
  void refusesTextForAnInteger() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "x") Integer seats) {}
            """),
        "[GodwitBackfillValue] @Backfill value \"x\" does not fit seats, of type Integer; use a whole"
            + " number from -2147483648 to 2147483647, such as \"42\"",
        "Integer seats");
  }

  @Test
  void refusesAConstantForAJsonField() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "[]") List<String> tags) {}
            """),
        "[GodwitBackfillValue] @Backfill value cannot fill tags, whose type List<String> is stored as"
            + " JSON; compute it with @Backfill(method = ...)",
        "List<String> tags");
  }

  @Test
  void refusesACopyFromNoField() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                String name,
                @Widened @Backfill(from = "nmae") String title) {}
            """),
        "[GodwitBackfillFrom] @Backfill from \"nmae\" names no mapped field of Team; name one of: id,"
            + " name",
        "String title");
  }

  @Test
  void refusesACopyFromTheFieldItself() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(from = "title") String title) {}
            """),
        "[GodwitBackfillFrom] @Backfill from \"title\" names the field itself; name the field that old"
            + " rows hold the value in",
        "String title");
  }

  @Test
  void refusesACopyFromAFieldOfAnotherType() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                String seats,
                @Widened @Backfill(from = "seats") Integer seatCount) {}
            """),
        "[GodwitBackfillFromType] field seats has type String, which cannot be copied into seatCount of"
            + " type Integer; copy from a field of type Integer, or convert it with"
            + " @Backfill(method = ...)",
        "Integer seatCount");
  }

  @Test
  void refusesAMissingMethodShowingItsDeclaration() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(method = "planOf") Plan plan) {}
            """),
        "[GodwitBackfillMethod] Team has no method planOf; declare static Plan planOf(Team team) in Team",
        "Plan plan)");
  }

  @Test
  void refusesAMethodThatIsNotStatic() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(method = "planOf") Plan plan) {
              Plan planOf(Team team) {
                return Plan.FREE;
              }
            }
            """),
        "[GodwitBackfillMethod] method planOf of Team is not static, but a backfill has no instance to"
            + " call it on; declare it as static Plan planOf(Team team)",
        "Plan plan)");
  }

  @Test
  void refusesAMethodWithAnotherSignature() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(method = "planOf") Plan plan) {
              static String planOf(Team team) {
                return "FREE";
              }
            }
            """),
        "[GodwitBackfillMethod] method planOf of Team takes or returns other types than a backfill of"
            + " plan needs; declare it as static Plan planOf(Team team)",
        "Plan plan)");
  }

  @Test
  void refusesAMethodGeneratedCodeCannotCall() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Widened @Backfill(method = "planOf") Plan plan) {
              private static Plan planOf(Team team) {
                return Plan.FREE;
              }
            }
            """),
        "[GodwitBackfillMethod] method planOf of Team is not visible from package com.example, so"
            + " generated code cannot call it; make it package-private or public",
        "Plan plan)");
  }

  @Test
  void refusesGodwitAnnotationsOutsideAnEntity() {
    assertError(team("""
            public record Team(
                @Id long id,
                @Widened @Backfill(value = "FREE") Plan plan) {}
            """),
        "[GodwitNotAnEntity] @Widened on plan does nothing, because Team has no @MigratedTable; add"
            + " @MigratedTable to Team",
        "Plan plan)");
  }

  @Test
  void refusesToClearAPrimitive() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id long id;
              @Deprecated(forRemoval = true) boolean isPro;
            }
            """),
        "[GodwitClearPrimitive] isPro has the primitive type boolean, which cannot be cleared to NULL;"
            + " declare it as Boolean before marking it @Deprecated(forRemoval = true)",
        "boolean isPro");
  }

  @Test
  void refusesToClearThePrimaryKey() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Deprecated(forRemoval = true) @Id Long id;
            }
            """),
        "[GodwitClearId] the primary key id cannot be cleared; remove forRemoval = true from its"
            + " @Deprecated",
        "Long id");
  }
}
