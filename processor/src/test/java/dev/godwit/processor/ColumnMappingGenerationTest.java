package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.assertContains;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What is generated for JPA's column mappings (enums, converters, version columns) and for schema and
 * exact names.
 */
class ColumnMappingGenerationTest {

  @Test
  void storesAnEnumOfAJpaEntityByOrdinalUnlessEnumeratedSaysString() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          Plan plan;
          @Enumerated(EnumType.ORDINAL) Plan oldPlan;
          @Enumerated(EnumType.STRING) Plan namedPlan;
          @Enumerated Plan defaultPlan;
        }
        """));
    assertContains(compilation, "TeamTable",
        "PLAN = Column.of(\"plan\",\n      ColumnType.enumOrdinal(Plan.class));");
    assertContains(compilation, "TeamTable",
        "OLD_PLAN = Column.of(\"old_plan\",\n      ColumnType.enumOrdinal(Plan.class));");
    assertContains(compilation, "TeamTable",
        "NAMED_PLAN = Column.of(\"named_plan\",\n      ColumnType.enumType(Plan.class));");
    assertContains(compilation, "TeamTable",
        "DEFAULT_PLAN = Column.of(\"default_plan\",\n      ColumnType.enumOrdinal(Plan.class));");
  }

  @Test
  void readsJavaxPersistenceLikeJakartaPersistence() {
    JavaFileObject entity = Compilations.source("javax.persistence.Entity", """
        package javax.persistence;

        public @interface Entity {
          String name() default "";
        }
        """);
    JavaFileObject table = Compilations.source("javax.persistence.Table", """
        package javax.persistence;

        public @interface Table {
          String name() default "";
          String schema() default "";
        }
        """);
    JavaFileObject version = Compilations.source("javax.persistence.Version", """
        package javax.persistence;

        public @interface Version {}
        """);
    Compilation compilation = compile(Compilations.team("""
        @MigratedTable
        @javax.persistence.Entity
        @javax.persistence.Table(name = "teams", schema = "legacy")
        public class Team {
          @Id long id;
          Plan plan;
          @javax.persistence.Version long version;
        }
        """), entity, table, version);
    assertContains(compilation, "TeamTable", "ColumnType.enumOrdinal(Plan.class)");
    assertContains(compilation, "TeamTable", ".schema(\"legacy\")");
    assertContains(compilation, "TeamTable", ".version(VERSION)");
  }

  @Test
  void keepsNamesForEnumsOfEntitiesThatAreNotJpaEntities() {
    Compilation compilation = compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(@Id long id, Plan plan) {}
        """));
    assertContains(compilation, "TeamTable",
        "PLAN = Column.of(\"plan\", ColumnType.enumType(Plan.class));");
  }

  @Test
  void writesAnOrdinalEnumConstantAsTheConstant() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @Widened @Backfill(value = "PRO") Plan plan;
        }
        """));
    assertContains(compilation, "TeamMigrations", ".migrateInDatabase(TeamTable.PLAN.setTo(Plan.PRO));");
  }

  @Test
  void storesAConvertedFieldThroughOneInstanceOfItsConverter() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @Widened @Backfill(value = "true") @Convert(converter = Team.YesNo.class) Boolean active;
        """ + ColumnMappingErrorsTest.YES_NO + "}\n"));
    assertContains(compilation, "TeamTable",
        "private static final Team.YesNo ACTIVE_CONVERTER = new Team.YesNo();");
    assertContains(compilation, "TeamTable",
        "public static final Column<Team, Boolean> ACTIVE = Column.of(\"active\",");
    assertContains(compilation, "TeamTable", "ColumnType.converted(ColumnType.STRING, Boolean.class,");
    assertContains(compilation, "TeamTable", "ACTIVE_CONVERTER::convertToDatabaseColumn,");
    assertContains(compilation, "TeamTable", "ACTIVE_CONVERTER::convertToEntityAttribute));");
    assertContains(compilation, "TeamMigrations", ".migrateInDatabase(TeamTable.ACTIVE.setTo(true));");
  }

  @Test
  void keepsTheConverterConstantApartFromAFieldOfTheSameName() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @Convert(converter = Team.YesNo.class) Boolean active;
          String activeConverter;
        """ + ColumnMappingErrorsTest.YES_NO + "}\n"));
    assertContains(compilation, "TeamTable",
        "private static final Team.YesNo ACTIVE_CONVERTER_2 = new Team.YesNo();");
  }

  @Test
  void findsTheConverterTypesThroughASuperclass() {
    JavaFileObject base = Compilations.source("com.example.TextConverter", """
        package com.example;

        public abstract class TextConverter<A> implements jakarta.persistence.AttributeConverter<A, String> {}
        """);
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @Convert(converter = Team.Tags.class) List<String> tags;

          public static class Tags extends TextConverter<List<String>> {
            public String convertToDatabaseColumn(List<String> value) { return String.join(",", value); }
            public List<String> convertToEntityAttribute(String text) { return List.of(text.split(",")); }
          }
        }
        """), base);
    assertContains(compilation, "TeamTable", "public static final Column<Team, List<String>> TAGS");
    assertContains(compilation, "TeamTable", "ColumnType.converted(ColumnType.STRING, List.class,");
  }

  @Test
  void buildsATableWithASchemaAndAVersionColumn() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity @Table(name = "teams", schema = "billing")
        public class Team {
          @Id Long id;
          @Version int version;
          @Widened @Backfill(value = "x") String name;
        }
        """));
    assertContains(compilation, "TeamTable", """
          public static final Table<Team> TABLE = Table.<Team>builder("teams")
              .schema("billing")
              .key(ID)
              .columns(List.of(ID, VERSION, NAME))
              .version(VERSION)
              .reader(TeamTable::read)
              .writer(TeamTable::write)
              .build();
        """);
    assertContains(compilation, "TeamMigrations",
        "Migration.on(TeamTable.TABLE, \"billing.teams.backfillName\")");
  }

  @Test
  void takesTheSchemaFromMigratedTable() {
    Compilation compilation = compile(Compilations.team("""
        @MigratedTable(value = "teams", schema = "billing")
        public record Team(@Id long id, @Widened @Backfill(value = "x") String name) {}
        """));
    assertContains(compilation, "TeamTable", ".schema(\"billing\")");
    assertContains(compilation, "TeamMigrations", "\"billing.teams.backfillName\"");
  }

  @Test
  void takesTheSchemaFromSpringDataTable() {
    JavaFileObject table = Compilations.source("org.springframework.data.relational.core.mapping.Table",
        """
        package org.springframework.data.relational.core.mapping;

        public @interface Table {
          String value() default "";
          String name() default "";
          String schema() default "";
        }
        """);
    Compilation compilation = compile(Compilations.team("""
        @MigratedTable
        @org.springframework.data.relational.core.mapping.Table(value = "teams", schema = "billing")
        public record Team(@Id long id) {}
        """), table);
    assertContains(compilation, "TeamTable", "Table.<Team>builder(\"teams\")\n      .schema(\"billing\")");
  }

  @Test
  void namesTheTableAfterTheJpaEntityName() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity(name = "LegacyOwner")
        public class Team {
          @Id Long id;
        }
        """));
    assertContains(compilation, "TeamTable", "Table.of(\"legacy_owner\", ID,");
  }

  @Test
  void usesQuotedAndBacktickedNamesExactly() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity @Table(name = "`Customers`")
        public class Team {
          @Id Long id;
          @Column(name = "\\"isPro\\"") Boolean isPro;
          @Widened @Backfill(value = "x") @Column(name = "`planName`") String planName;
        }
        """));
    assertContains(compilation, "TeamTable", "Column.of(\"\\\"isPro\\\"\", ColumnType.BOOLEAN)");
    assertContains(compilation, "TeamTable", "Column.of(\"\\\"planName\\\"\", ColumnType.STRING)");
    assertContains(compilation, "TeamTable", "Table.of(\"\\\"Customers\\\"\", ID,");
    assertContains(compilation, "TeamMigrations", "\"Customers.backfillPlanName\"");
  }

  @Test
  void acceptsTheExactNameFormOnGodwitsAnnotations() {
    Compilation compilation = compile(Compilations.team("""
        @MigratedTable("\\"Teams\\"")
        public record Team(@Id long id, @Column("\\"isPro\\"") Boolean isPro) {}
        """));
    assertContains(compilation, "TeamTable", "Table.of(\"\\\"Teams\\\"\", ID,");
  }

  @Test
  void acceptsTheSameTableNameInTwoSchemas() {
    JavaFileObject clinic = ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity @Table(name = "owners", schema = "clinic")
        public class Team {
          @Id Long id;
          @Widened @Backfill(value = "x") String name;
        }
        """);
    JavaFileObject archive = Compilations.source("com.example.ArchivedOwner", """
        package com.example;

        @dev.godwit.MigratedTable(value = "owners", schema = "archive")
        public record ArchivedOwner(
            @dev.godwit.Id long id,
            @dev.godwit.Widened @dev.godwit.Backfill(value = "x") String name) {}
        """);
    Compilation compilation = Compilations.compile(clinic, archive, Compilations.PLAN);
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamMigrations", "\"clinic.owners.backfillName\"");
    assertContains(compilation, "ArchivedOwnerMigrations", "\"archive.owners.backfillName\"");
  }

  @Test
  void mapsTheComponentsOfAnEmbeddableLikeFields() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @Embedded Settings settings;

          @Embeddable
          public static class Settings {
            Plan plan;
            @Convert(converter = Team.YesNo.class) Boolean active;
            @Column(name = "`Motto`") String motto;
          }
        """ + ColumnMappingErrorsTest.YES_NO + "}\n"));
    assertContains(compilation, "TeamTable", "ColumnType.enumOrdinal(Plan.class)");
    assertContains(compilation, "TeamTable",
        "private static final Team.YesNo SETTINGS_ACTIVE_CONVERTER = new Team.YesNo();");
    assertContains(compilation, "TeamTable", "SETTINGS_ACTIVE_CONVERTER::convertToDatabaseColumn");
    assertContains(compilation, "TeamTable", "SETTINGS_MOTTO = Column.of(\"\\\"Motto\\\"\",");
  }

  @Test
  void usesAnExactJoinColumnName() {
    Compilation compilation = compile(ColumnMappingErrorsTest.jpa("""
        @MigratedTable @Entity
        public class Team {
          @Id Long id;
          @ManyToOne @JoinColumn(name = "\\"OwnerId\\"") Team owner;
        }
        """));
    assertContains(compilation, "TeamTable", "Column.of(\"\\\"OwnerId\\\"\", ColumnType.LONG)");
  }

  private static Compilation compile(JavaFileObject... sources) {
    JavaFileObject[] all = java.util.Arrays.copyOf(sources, sources.length + 1);
    all[sources.length] = Compilations.PLAN;
    Compilation compilation = Compilations.compile(all);
    assertThat(compilation).succeeded();
    return compilation;
  }
}
