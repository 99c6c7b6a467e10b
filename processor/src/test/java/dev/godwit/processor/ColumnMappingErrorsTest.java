package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.assertError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The errors about how a field maps to its column (JPA converters, enums, version columns) and about
 * exact and schema names: one test per message.
 */
class ColumnMappingErrorsTest {

  /** {@code com.example.Team} with JPA's annotations and Godwit's markers imported. */
  static JavaFileObject jpa(String declaration) {
    return Compilations.source("com.example.Team", """
        package com.example;

        import dev.godwit.Backfill;
        import dev.godwit.MigratedTable;
        import dev.godwit.Widened;
        import jakarta.persistence.*;
        import java.util.List;

        """ + declaration);
  }

  /** A converter of Boolean to 'Y' and 'N', nested in an entity. */
  static final String YES_NO = """
        public static class YesNo implements AttributeConverter<Boolean, String> {
          public String convertToDatabaseColumn(Boolean value) { return value ? "Y" : "N"; }
          public Boolean convertToEntityAttribute(String text) { return text.equals("Y"); }
        }
      """;

  @Test
  void refusesAConvertThatNamesNoConverter() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert Boolean active;
            }
            """),
        "[GodwitConvert] @Convert on field active names no converter, and Godwit applies only"
            + " converters named by @Convert, never auto-applied ones; name it with"
            + " @Convert(converter = ...class)",
        "@Convert Boolean active");
  }

  @Test
  void refusesAConverterOnThePrimaryKey() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id @Convert(converter = Team.YesNo.class) Boolean id;
            """ + YES_NO + "}\n"),
        "[GodwitConvert] field id cannot have a converter, since it is the primary key (Jakarta"
            + " Persistence 3.1, section 11.1.10); remove @Convert",
        "Boolean id;");
  }

  @Test
  void refusesAConverterOnAnEnumeratedField() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Enumerated(EnumType.STRING) @Convert(converter = Team.YesNo.class) Boolean active;
            """ + YES_NO + "}\n"),
        "[GodwitConvert] field active cannot have a converter, since it is annotated @Enumerated",
        "Boolean active;");
  }

  @Test
  void refusesAConverterThatIsNoAttributeConverter() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(converter = String.class) Boolean active;
            }
            """),
        "[GodwitConverter] converter String of field active does not implement AttributeConverter with"
            + " type arguments, so the types it converts between are unknown; implement"
            + " AttributeConverter<Boolean, X>, X being the column's type",
        "Boolean active;");
  }

  @Test
  void refusesAConverterOfAnotherAttributeType() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(converter = Team.YesNo.class) String active;
            """ + YES_NO + "}\n"),
        "[GodwitConverter] converter YesNo converts Boolean, but field active has type String; name a"
            + " converter of String",
        "String active;");
  }

  @Test
  void refusesAConverterToATypeGodwitCannotStore() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(converter = Team.Bytes.class) String name;

              public static class Bytes implements AttributeConverter<String, byte[]> {
                public byte[] convertToDatabaseColumn(String value) { return value.getBytes(); }
                public String convertToEntityAttribute(byte[] bytes) { return new String(bytes); }
              }
            }
            """),
        "[GodwitConverter] converter Bytes of field name converts to byte[], which Godwit cannot store;"
            + " convert to String, Boolean, Integer, Long, Double, BigDecimal, UUID, Instant, LocalDate or"
            + " LocalDateTime",
        "String name;");
  }

  @Test
  void refusesAConverterGeneratedCodeCannotCreate() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(converter = Team.YesNo.class) Boolean active;

              public static class YesNo implements AttributeConverter<Boolean, String> {
                private YesNo() {}
                public String convertToDatabaseColumn(Boolean value) { return value ? "Y" : "N"; }
                public Boolean convertToEntityAttribute(String text) { return text.equals("Y"); }
              }
            }
            """),
        "[GodwitConverter] converter YesNo of field active cannot be created by generated code in"
            + " package com.example: its no-argument constructor is not visible from that package;"
            + " make it public",
        "Boolean active;");
  }

  @Test
  void refusesAConverterWithoutANoArgumentConstructorSayingSo() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(converter = Team.Prefixed.class) String code;

              public static class Prefixed implements AttributeConverter<String, String> {
                private final String prefix;
                public Prefixed(String prefix) { this.prefix = prefix; }
                public String convertToDatabaseColumn(String value) { return prefix + value; }
                public String convertToEntityAttribute(String text) { return text.substring(4); }
              }
            }
            """),
        "[GodwitConverter] converter Prefixed of field code cannot be created by generated code in"
            + " package com.example: it has no no-argument constructor; add one",
        "String code;");
  }

  @Test
  void refusesAnInnerConverterSayingSo() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(converter = Team.YesNo.class) Boolean active;

              public class YesNo implements AttributeConverter<Boolean, String> {
                public String convertToDatabaseColumn(Boolean value) { return value ? "Y" : "N"; }
                public Boolean convertToEntityAttribute(String text) { return text.equals("Y"); }
              }
            }
            """),
        "[GodwitConverter] converter YesNo of field active cannot be created by generated code in"
            + " package com.example: it is an inner class; make it static",
        "Boolean active;");
  }

  @Test
  void refusesAConstantForAConvertedTypeWithoutTextForm() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Widened @Backfill(value = "a,b") @Convert(converter = Team.Tags.class) List<String> tags;

              public static class Tags implements AttributeConverter<List<String>, String> {
                public String convertToDatabaseColumn(List<String> value) { return String.join(",", value); }
                public List<String> convertToEntityAttribute(String text) { return List.of(text.split(",")); }
              }
            }
            """),
        "[GodwitBackfillValue] @Backfill value cannot fill tags, whose type List<String> has no text"
            + " form to write a constant in; compute it with @Backfill(method = ...)",
        "value = \"a,b\"");
  }

  @Test
  void checksAConstantOfAConvertedFieldAgainstTheAttributeType() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Widened @Backfill(value = "Y") @Convert(converter = Team.YesNo.class) Boolean active;
            """ + YES_NO + "}\n"),
        "[GodwitBackfillValue] @Backfill value \"Y\" does not fit active, of type Boolean; use \"true\" or"
            + " \"false\"",
        "value = \"Y\"");
  }

  @Test
  void refusesACopyBetweenAnOrdinalAndANamedEnum() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Deprecated Plan oldPlan;
              @Widened @Backfill(from = "oldPlan") @Enumerated(EnumType.STRING) Plan plan;
            }
            """),
        "[GodwitBackfillFromType] field oldPlan is stored as the ordinal of a Plan constant and plan as"
            + " the name of a Plan constant, so copying the stored value inside the database would change"
            + " its meaning; store both the same way, or convert it with @Backfill(method = ...)",
        "from = \"oldPlan\"");
  }

  @Test
  void refusesACopyFromAConvertedFieldIntoAPlainOne() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Deprecated @Convert(converter = Team.YesNo.class) Boolean pro;
              @Widened @Backfill(from = "pro") Boolean paying;
            """ + YES_NO + "}\n"),
        "[GodwitBackfillFromType] field pro is stored as String by converter YesNo and paying as Boolean"
            + " without a converter, so copying",
        "from = \"pro\"");
  }

  @Test
  void refusesAVersionThatIsNotACounter() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Version java.time.Instant updated;
            }
            """),
        "[GodwitVersion] version field updated has type Instant, which Godwit cannot increment as a"
            + " counter; declare it as long, Long, int or Integer, or remove @Version",
        "@Version java.time.Instant updated");
  }

  @Test
  void refusesAShortVersion() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Version short version;
            }
            """),
        "[GodwitVersion] version field version has type short, which Godwit cannot increment",
        "@Version short version");
  }

  @Test
  void refusesGodwitMarkersOnTheVersion() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Widened @Backfill(value = "0") @Version Long version;
            }
            """),
        "[GodwitVersion] version field version cannot be @Widened, since only the optimistic-lock"
            + " increment may write it; remove @Widened",
        "@Version Long version");
  }

  @Test
  void refusesASpringDataVersionOnADeprecatedField() {
    JavaFileObject version = Compilations.source("org.springframework.data.annotation.Version", """
        package org.springframework.data.annotation;

        public @interface Version {}
        """);
    JavaFileObject team = Compilations.team("""
        @MigratedTable("teams")
        public record Team(
            @Id long id,
            @Deprecated @org.springframework.data.annotation.Version Long version) {}
        """);
    Compilation compilation = Compilations.compile(team, version);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[GodwitVersion] version field version cannot be @Deprecated, since only the"
            + " optimistic-lock increment may write it; remove @Deprecated or @Version")
        .inFile(team)
        .onLineContaining("Long version");
  }

  @Test
  void refusesTwoVersions() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Version Long version;
              @Version Integer revision;
            }
            """),
        "[GodwitVersion] Team has two version fields, version and revision; keep @Version on one of"
            + " them",
        "Integer revision");
  }

  @Test
  void refusesAnExactNameHoldingADoubleQuote() {
    assertError(jpa("""
            @MigratedTable @Entity
            @Table(name = "\\"Cus\\"tomers\\"")
            public class Team {
              @Id Long id;
            }
            """),
        "[GodwitExactName] table name \"Cus\"tomers\" cannot be used exactly as declared, since it holds a"
            + " double quote; between the quotes write 1 to 63 characters other than double quotes and"
            + " control characters",
        "@Table(name");
  }

  @Test
  void refusesAnEmptyExactColumnName() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Column(name = "``") String name;
            }
            """),
        "[GodwitExactName] column name `` cannot be used exactly as declared, since it is empty;",
        "@Column(name = \"``\")");
  }

  @Test
  void refusesASchemaNameThatIsNotAnIdentifier() {
    assertError(jpa("""
            @MigratedTable(schema = "billing dept")
            public record Team(@Id Long id) {}
            """),
        "[GodwitSchemaName] schema name \"billing dept\" is not a plain SQL identifier; use at most 63"
            + " letters, digits and underscores, starting with a letter or underscore, such as"
            + " \"billing_dept\", or write the exact name between double quotes",
        "schema = \"billing dept\"");
  }

  @Test
  void namesTheOnlyMappedFieldInsteadOfAnEmptyList() {
    assertError(jpa("""
            @MigratedTable
            public record Team(@Id @Widened @Backfill(from = "legacyId") Long id) {}
            """),
        "[GodwitBackfillFrom] @Backfill from \"legacyId\" names no mapped field of Team, which maps no"
            + " other field; map the field that old rows hold the value in, or compute the value with"
            + " @Backfill(method = ...)",
        "from = \"legacyId\"");
  }

  @Test
  void saysACopiedFieldIsNotMapped() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Transient String legacyName;
              @Widened @Backfill(from = "legacyName") String name;
            }
            """),
        "[GodwitBackfillFrom] @Backfill from \"legacyName\" names a field of Team that is not mapped to a"
            + " column, since it is marked @Transient; copy from a mapped field, or compute the value with"
            + " @Backfill(method = ...)",
        "from = \"legacyName\"");
  }

  @Test
  void saysACopiedFieldIsInheritedFromAClassThatIsNotMapped() {
    JavaFileObject base = Compilations.source("com.example.Named", """
        package com.example;

        public class Named {
          private String legacyName;
        }
        """);
    JavaFileObject team = jpa("""
        @MigratedTable @Entity
        public class Team extends Named {
          @Id Long id;
          @Widened @Backfill(from = "legacyName") String name;
        }
        """);
    Compilation compilation = Compilations.compile(team, base, Compilations.PLAN);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[GodwitBackfillFrom] @Backfill from \"legacyName\" names a field of Team"
            + " that is not mapped to a column, since it is inherited from Named, whose fields this"
            + " entity does not map;")
        .inFile(team)
        .onLineContaining("from = \"legacyName\"");
  }

  @Test
  void refusesTwoEntitiesOfOneTableNamedInAnotherCase() {
    JavaFileObject member = Compilations.source("com.example.Member", Compilations.IMPORTS + """

        @MigratedTable(value = "teams", schema = "billing")
        public record Member(
            @Id long id,
            @Widened @Backfill(value = "FREE") Plan plan) {}
        """);
    JavaFileObject team = Compilations.team("""
        @MigratedTable(value = "Teams", schema = "BILLING")
        public record Team(
            @Id long id,
            @Widened @Backfill(value = "PRO") Plan plan) {}
        """);
    Compilation compilation = Compilations.compile(member, team, Compilations.PLAN);
    assertThat(compilation)
        .hadErrorContaining("[GodwitDuplicateMigration] migration BILLING.Teams.backfillPlan is also"
            + " generated for com.example.Member, which maps the same table;")
        .inFile(team)
        .onLineContaining("@MigratedTable(value = \"Teams\"");
  }

  @Test
  void refusesACatalog() {
    assertError(jpa("""
            @MigratedTable @Entity
            @Table(name = "teams", catalog = "billing_db")
            public class Team {
              @Id Long id;
            }
            """),
        "[GodwitCatalog] @Table catalog \"billing_db\" names another database than the one the"
            + " migrations connect to, which Godwit cannot reach, so it would migrate a table of the same"
            + " name in the connected one; remove catalog and run the migrations on a connection to that"
            + " database",
        "catalog = \"billing_db\"");
  }

  @Test
  void refusesAColumnOfASecondaryTable() {
    assertError(jpa("""
            @MigratedTable @Entity
            @SecondaryTable(name = "team_details")
            public class Team {
              @Id Long id;
              @Column(name = "motto", table = "team_details") String motto;
            }
            """),
        "[GodwitSecondaryTable] field motto is stored in the secondary table team_details, which Godwit"
            + " does not map, so it would read and write a column of the same name in the table of Team;"
            + " map the secondary table with an entity of its own",
        "String motto");
  }

  @Test
  void refusesAConvertNamingAnAttributeOfABasicField() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Convert(attributeName = "value", converter = Team.YesNo.class) Boolean active;
            """ + YES_NO + "}\n"),
        "[GodwitConvert] @Convert on field active names attribute \"value\", but a basic field has no"
            + " attributes, so the converter's target is unclear; remove attributeName",
        "Boolean active");
  }

  @Test
  void refusesAConvertOnAnEmbeddedField() {
    assertError(jpa("""
            @MigratedTable @Entity
            public class Team {
              @Id Long id;
              @Embedded @Convert(attributeName = "active", converter = Team.YesNo.class) Settings settings;

              @Embeddable
              public static class Settings {
                Boolean active;
              }
            """ + YES_NO + "}\n"),
        "[GodwitConvert] @Convert on embedded field settings converts one of its components, which"
            + " Godwit reads only from the component's own field; move @Convert onto that field of"
            + " Settings",
        "Settings settings;");
  }
}
