package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.assertError;
import static dev.godwit.processor.Compilations.team;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The errors about an entity's shape, its names and its field types: one test per message. */
class EntityErrorsTest {

  @Test
  void refusesAnInterface() {
    assertError(team("""
            @MigratedTable("teams")
            public interface Team {
              long id();
            }
            """),
        "[GodwitEntityKind] @MigratedTable needs a record or a concrete class, but Team is an interface;"
            + " declare it as a record or a non-abstract class",
        "public interface Team");
  }

  @Test
  void refusesAnEnum() {
    assertError(team("""
            @MigratedTable("teams")
            public enum Team { RED, BLUE }
            """),
        "[GodwitEntityKind] @MigratedTable needs a record or a concrete class, but Team is an enum;",
        "public enum Team");
  }

  @Test
  void refusesAnAbstractClass() {
    assertError(team("""
            @MigratedTable("teams")
            public abstract class Team {
              @Id long id;
            }
            """),
        "[GodwitEntityKind] @MigratedTable needs a record or a concrete class, but Team is an abstract"
            + " class;",
        "public abstract class Team");
  }

  @Test
  void refusesAPrivateEntity() {
    assertError(team("""
            public class Team {
              @MigratedTable("members")
              private record Member(@Id long id) {}
            }
            """),
        "[GodwitEntityAccess] Member is private, so the code generated beside it cannot use it; make it"
            + " package-private or public",
        "private record Member");
  }

  @Test
  void refusesAnInnerClass() {
    assertError(team("""
            public class Team {
              @MigratedTable("members")
              public class Member {
                @Id long id;
              }
            }
            """),
        "[GodwitEntityAccess] Member is an inner class, so generated code cannot create it without an"
            + " enclosing instance; make it static",
        "public class Member");
  }

  @Test
  void refusesAGenericEntity() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team<T>(@Id long id) {}
            """),
        "[GodwitEntityGeneric] Team has type parameters, which a table cannot fill; map a class without"
            + " type parameters",
        "public record Team<T>");
  }

  @Test
  void refusesAnEntityWithoutId() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(long id, String name) {}
            """),
        "[GodwitNoId] Team has no primary key; mark the field that holds it with @Id",
        "public record Team(");
  }

  @Test
  void refusesAJsonId() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(@Id List<Long> ids) {}
            """),
        "[GodwitIdType] primary key ids has type List<Long>, which cannot order the rows of a migration;",
        "@Id List<Long> ids");
  }

  @Test
  void refusesATableNameThatIsNotAPlainIdentifier() {
    assertError(team("""
            @MigratedTable("team-members")
            public record Team(@Id long id) {}
            """),
        "[GodwitTableName] table name \"team-members\" is not a plain SQL identifier; use at most 63"
            + " letters, digits and underscores, starting with a letter or underscore, such as"
            + " \"team_members\"",
        "@MigratedTable(\"team-members\")");
  }

  @Test
  void checksATableNameGivenByJakartaPersistence() {
    assertError(team("""
            @MigratedTable
            @jakarta.persistence.Table(name = "team members")
            public record Team(@Id long id) {}
            """),
        "[GodwitTableName] table name \"team members\" is not a plain SQL identifier;",
        "name = \"team members\"");
  }

  @Test
  void refusesAColumnNameThatIsNotAPlainIdentifier() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @Column("is-pro") Boolean isPro) {}
            """),
        "[GodwitColumnName] column name \"is-pro\" of field isPro is not a plain SQL identifier; use at"
            + " most 63 letters, digits and underscores, starting with a letter or underscore, such as"
            + " @Column(\"is_pro\")",
        "@Column(\"is-pro\")");
  }

  @Test
  void refusesTwoFieldsMappingToOneColumn() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                String title,
                @jakarta.persistence.Column(name = "TITLE") String name) {}
            """),
        "[GodwitDuplicateColumn] fields title and name both map to column \"TITLE\"; give one of them"
            + " another column with @Column(\"...\")",
        "(name = \"TITLE\")");
  }

  @Test
  void refusesAFieldWhoseConstantWouldHideTheTable() {
    assertError(team("""
            @MigratedTable("bookings")
            public record Team(
                @Id long id,
                Integer table) {}
            """),
        "[GodwitDuplicateConstant] field table would become the constant TeamTable.TABLE, which holds"
            + " the table itself; rename the field and keep its column with @Column(\"table\")",
        "Integer table");
  }

  @Test
  void refusesTwoFieldsWithTheSameConstant() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                String fooBar,
                @Column("foo_bar_2") String foo_bar) {}
            """),
        "[GodwitDuplicateConstant] fields fooBar and foo_bar would both become the constant"
            + " TeamTable.FOO_BAR; rename one of them",
        "String foo_bar");
  }

  @Test
  void refusesAnUnsupportedTypeListingTheSupportedOnes() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                Map<String, Integer> scores) {}
            """),
        "[GodwitUnsupportedType] field scores has type Map<String, Integer>, which Godwit cannot store;"
            + " use String, boolean, int, long, double or their boxes, BigDecimal, an enum, UUID, Instant,"
            + " LocalDate, LocalDateTime, a record of these, or a List of these",
        "Map<String, Integer> scores");
  }

  @Test
  void namesTheUnsupportedComponentOfANestedRecord() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                List<Address> addresses) {
              public record Address(String street, Object geo) {}
            }
            """),
        "[GodwitUnsupportedType] field addresses has type List<Address>, whose component geo of Address"
            + " has type Object, which Godwit cannot store;",
        "List<Address> addresses");
  }

  @Test
  void refusesATypeGeneratedCodeCannotSee() {
    assertError(team("""
            @MigratedTable("teams")
            public record Team(
                @Id long id,
                Tier tier) {
              private enum Tier { LOW, HIGH }
            }
            """),
        "[GodwitTypeAccess] field tier has type Tier, and Tier is not visible from package com.example,"
            + " so generated code cannot use it; make it public, or move it into that package",
        "Tier tier");
  }

  @Test
  void refusesAClassItCannotBuild() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id private final long id;
              private final String name;

              public Team(long id) {
                this.id = id;
                this.name = "";
              }

              public long getId() { return id; }
              public String getName() { return name; }
            }
            """),
        "[GodwitNoConstructor] Team cannot be built from a row; give it a non-private constructor taking"
            + " (long id, String name) in this order, or a no-argument constructor and a setter for each"
            + " field",
        "public class Team");
  }

  @Test
  void namesTheSettersAClassLacks() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id private long id;
              private String name;

              public long getId() { return id; }
              public void setId(long id) { this.id = id; }
              public String getName() { return name; }
            }
            """),
        "or a no-argument constructor and a setter for name",
        "public class Team");
  }

  @Test
  void refusesAFieldItCannotRead() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id private long id;
              private String name;

              public Team(long id, String name) {
                this.id = id;
                this.name = name;
              }

              public long getId() { return id; }
            }
            """),
        "[GodwitNoGetter] field name of Team cannot be read by generated code; add a non-private getter"
            + " getName() or make the field non-private",
        "private String name");
  }

  @Test
  void reportsEveryProblemOfAnEntityAtOnce() {
    JavaFileObject team = team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Column("a b") String name,
            Map<String, String> tags) {}
        """);
    assertThat(Compilations.compile(team)).hadErrorCount(2);
  }

  @Test
  void refusesAnEntityWhoseTypesNeverAppear() {
    JavaFileObject team = team("""
        @MigratedTable("teams")
        public record Team(@Id long id, Missing missing) {}
        """);
    assertThat(Compilations.compile(team))
        .hadErrorContaining("[GodwitUnresolvedType] com.example.Team refers to types that do not"
            + " exist, so nothing was generated for it; fix the other errors reported for it")
        .inFile(team)
        .onLineContaining("public record Team");
  }
}
