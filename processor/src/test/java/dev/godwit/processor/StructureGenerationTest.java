package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.annotation;
import static dev.godwit.processor.Compilations.assertContains;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What is generated for JPA's structural shapes: generic mapped superclasses, {@code javax.persistence}
 * as well as Jakarta, fields that are no column, and composite keys. Their behaviour on a database is
 * tested in {@code behaviour}.
 */
class StructureGenerationTest {

  @Test
  void resolvesTheTypeVariablesOfAGenericMappedSuperclass() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.Team", """
        package com.example;

        @jakarta.persistence.MappedSuperclass
        abstract class Identified<K extends java.io.Serializable> {
          @jakarta.persistence.Id private K id;
          public K getId() { return id; }
          public void setId(K id) { this.id = id; }
        }

        @dev.godwit.MigratedTable("teams")
        @jakarta.persistence.Entity
        public class Team extends Identified<Long> {
          String name;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "Column<Team, Long> ID = Column.of(\"id\", ColumnType.LONG)");
    assertContains(compilation, "TeamTable", "team.setId(row.get(ID));");
    assertContains(compilation, "TeamTable", ".id(team.getId())");
  }

  @Test
  void readsJavaxPersistenceByName() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.Team", """
            package com.example;

            @javax.persistence.MappedSuperclass
            abstract class Identified {
              @javax.persistence.Id public Long id;
            }

            @javax.persistence.Embeddable
            record Place(String city, String street) {}

            @dev.godwit.MigratedTable("teams")
            public class Team extends Identified {
              @javax.persistence.Embedded
              @javax.persistence.AttributeOverrides({
                  @javax.persistence.AttributeOverride(
                      name = "city", column = @javax.persistence.Column(name = "town"))})
              public Place place;
              @javax.persistence.OneToMany public java.util.List<Team> others;
            }
            """),
        annotation("javax.persistence", "MappedSuperclass", ""),
        annotation("javax.persistence", "Id", ""),
        annotation("javax.persistence", "Embeddable", ""),
        annotation("javax.persistence", "Embedded", ""),
        annotation("javax.persistence", "OneToMany", "String mappedBy() default \"\";"),
        annotation("javax.persistence", "Column", "String name() default \"\";"),
        annotation("javax.persistence", "AttributeOverride", "String name(); Column column();"),
        annotation("javax.persistence", "AttributeOverrides", "AttributeOverride[] value();"));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "Table.of(\"teams\", ID, List.of(ID, PLACE_CITY,");
    assertContains(compilation, "TeamTable", "PLACE_CITY = Column.of(\"town\"");
    assertContains(compilation, "TeamTable", "No column of this table: {@code others} (a @OneToMany collection)");
  }

  @Test
  void leavesASpringDataMappedCollectionOutOfTheColumns() {
    Compilation compilation = Compilations.compile(Compilations.team("""
            record Player(String name) {}

            @MigratedTable("teams")
            public record Team(
                @Id long id,
                @org.springframework.data.relational.core.mapping.MappedCollection(idColumn = "team")
                java.util.Set<Player> players) {}
            """),
        annotation("org.springframework.data.relational.core.mapping", "MappedCollection",
            "String idColumn() default \"\";"));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "Table.of(\"teams\", ID, List.of(ID),");
    assertContains(compilation, "TeamTable", "return new Team(\n        row.get(ID),\n        null);");
  }

  @Test
  void passesNullForAFieldThatIsNoColumnToAConstructor() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("teams")
        public class Team {
          @Id private final long id;
          @jakarta.persistence.OneToMany(mappedBy = "team") private final List<Team> members;

          public Team(long id, List<Team> members) {
            this.id = id;
            this.members = members;
          }

          public long getId() { return id; }
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "return new Team(\n        row.get(ID),\n        null);");
  }

  @Test
  void leavesAToOneSharingTheKeyOrAnotherFieldsColumnToThatField() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @jakarta.persistence.Entity
        class Kind {
          @jakarta.persistence.Id public Integer id;
        }

        @MigratedTable("teams")
        public class Team {
          @Id public Integer id;
          @jakarta.persistence.OneToOne @jakarta.persistence.MapsId public Kind self;
          @Column("kind_id") public Integer kindId;
          @jakarta.persistence.ManyToOne
          @jakarta.persistence.JoinColumn(name = "kind_id", insertable = false, updatable = false)
          public Kind kind;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "List.of(ID, KIND_ID)");
  }

  @Test
  void buildsACompositeKeyWithTheTableBuilder() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @MigratedTable("order_lines")
        public record Team(@Id long orderId, @Id int lineNo, String item) {}
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "TABLE = Table.<Team>builder(\"order_lines\")");
    assertContains(compilation, "TeamTable", ".key(ORDER_ID, LINE_NO)");
    assertContains(compilation, "TeamTable", ".columns(List.of(ORDER_ID, LINE_NO, ITEM))");
    assertContains(compilation, "TeamTable", "Column {@code line_no}, of field {@code lineNo}, in the primary key.");
  }

  @Test
  void namesAJoinColumnByJpasDefaultOrByGodwitsColumn() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @jakarta.persistence.Entity
        class Kind {
          @jakarta.persistence.Id @jakarta.persistence.Column(name = "code") public String id;
        }

        @MigratedTable("teams")
        public class Team {
          @Id public Integer id;
          @jakarta.persistence.ManyToOne public Kind mainKind;
          @jakarta.persistence.OneToOne @Column("spare") public Kind spareKind;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "Column<Team, String> MAIN_KIND = Column.of(\"main_kind_code\",");
    assertContains(compilation, "TeamTable", "SPARE_KIND = Column.of(\"spare\"");
  }

  @Test
  void renamesInheritedColumnsByTheSubclassesOverrides() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @jakarta.persistence.Entity
        class Kind {
          @jakarta.persistence.Id public Integer id;
        }

        @jakarta.persistence.Embeddable
        record Place(String city, String street) {}

        @jakarta.persistence.MappedSuperclass
        abstract class Base {
          @jakarta.persistence.Id public Integer id;
          public String name;
          @jakarta.persistence.ManyToOne public Kind kind;
          public Place place;
        }

        @MigratedTable("teams")
        @jakarta.persistence.AttributeOverride(
            name = "id", column = @jakarta.persistence.Column(name = "team_id"))
        @jakarta.persistence.AttributeOverride(
            name = "place.city", column = @jakarta.persistence.Column(name = "town"))
        @jakarta.persistence.AssociationOverride(
            name = "kind", joinColumns = @jakarta.persistence.JoinColumn(name = "kind_ref"))
        public class Team extends Base {
          public String motto;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "ID = Column.of(\"team_id\"");
    assertContains(compilation, "TeamTable", "NAME = Column.of(\"name\"");
    assertContains(compilation, "TeamTable", "KIND = Column.of(\"kind_ref\"");
    assertContains(compilation, "TeamTable", "PLACE_CITY = Column.of(\"town\"");
    assertContains(compilation, "TeamTable", "PLACE_STREET = Column.of(\"street\"");
  }

  @Test
  void refusesAnOverrideOfNoInheritedField() {
    Compilations.assertError(Compilations.team("""
            @jakarta.persistence.MappedSuperclass
            abstract class Base {
              @jakarta.persistence.Id public Integer id;
              public String name;
            }

            @MigratedTable("teams")
            @jakarta.persistence.AttributeOverride(
                name = "title", column = @jakarta.persistence.Column(name = "team_title"))
            public class Team extends Base {
              public String title;
            }
            """),
        "[GodwitAttributeOverride] @AttributeOverride name \"title\" on Team names no field that Team"
            + " inherits from a mapped superclass, so it would rename nothing; name one of: id, name",
        "@jakarta.persistence.AttributeOverride(");
  }

  @Test
  void buildsEmbeddablesBySettersOrFieldsWhenNoConstructorTakesEveryComponent() {
    Compilation compilation = Compilations.compile(Compilations.team("""
        @jakarta.persistence.Embeddable
        class Place {
          private String city;
          public String getCity() { return city; }
          public void setCity(String city) { this.city = city; }
        }

        @jakarta.persistence.Embeddable
        class Point {
          public double x;
          public double y;
        }

        @MigratedTable("teams")
        public record Team(@Id long id, Place place, Point point) {}
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "place.setCity(placeCity);");
    assertContains(compilation, "TeamTable", "point.x = pointX;");
    assertContains(compilation, "TeamTable", ".pointY(point == null ? null : point.y)");
  }

  @Test
  void storesASpringDataAggregateReferenceAsTheReferencedId() {
    Compilation compilation = Compilations.compile(Compilations.team("""
            class Club {}

            @MigratedTable("teams")
            public record Team(
                @Id long id,
                org.springframework.data.jdbc.core.mapping.AggregateReference<Club, Integer> club,
                @Column("coach_ref")
                org.springframework.data.jdbc.core.mapping.AggregateReference<Club, String> coach) {}
            """),
        Compilations.source("org.springframework.data.jdbc.core.mapping.AggregateReference", """
            package org.springframework.data.jdbc.core.mapping;

            public interface AggregateReference<T, ID> {
              static <T, ID> AggregateReference<T, ID> to(ID id) {
                return () -> id;
              }

              ID getId();
            }
            """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable",
        "Column<Team, Integer> CLUB = Column.of(\"club\", ColumnType.INTEGER)");
    assertContains(compilation, "TeamTable", "COACH = Column.of(\"coach_ref\"");
    assertContains(compilation, "TeamTable", "return id == null ? null : AggregateReference.to(id);");
    assertContains(compilation, "TeamTable", ".club(club == null ? null : club.getId())");
  }

  @Test
  void readsSeveralIdsOfAnIdClassAsACompositeKey() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.Team", """
        package com.example;

        record TeamKey(Long club, Integer season) {}

        @dev.godwit.MigratedTable("teams")
        @jakarta.persistence.Entity
        @jakarta.persistence.IdClass(TeamKey.class)
        public class Team {
          @jakarta.persistence.Id public Long club;
          public String name;
          @jakarta.persistence.Id public Integer season;
        }
        """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", ".key(CLUB, SEASON)");
    assertContains(compilation, "TeamTable", ".columns(List.of(CLUB, NAME, SEASON))");
  }

  @Test
  void refusesToCopyFromAFieldThatIsNoColumn() {
    Compilations.assertError(Compilations.team("""
            @MigratedTable("teams")
            public class Team {
              @Id public Long id;
              @jakarta.persistence.ElementCollection public List<String> tags;
              @Widened @Backfill(from = "tags") public List<String> labels;
            }
            """),
        "[GodwitBackfillFrom] @Backfill from \"tags\" names a @ElementCollection collection, not a column"
            + " holding the value to copy; copy from a plain field, or compute the value with"
            + " @Backfill(method = ...)",
        "@Backfill(from = \"tags\")");
  }

  @Test
  void prefixesTheColumnsOfASpringDataEmbeddedAndHonoursOnEmpty() {
    Compilation compilation = Compilations.compile(Compilations.source("com.example.Team", """
            package com.example;

            import org.springframework.data.relational.core.mapping.Embedded;

            record Place(String city, String street) {}

            @dev.godwit.MigratedTable("teams")
            public record Team(
                @dev.godwit.Id long id,
                @Embedded.Nullable(prefix = "home_") Place home,
                @Embedded(onEmpty = Embedded.OnEmpty.USE_EMPTY, prefix = "work_") Place work) {}
            """),
        Compilations.source("org.springframework.data.relational.core.mapping.Embedded", """
            package org.springframework.data.relational.core.mapping;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;

            @Retention(RetentionPolicy.RUNTIME)
            public @interface Embedded {
              OnEmpty onEmpty();
              String value() default "";
              String prefix() default "";

              enum OnEmpty { USE_NULL, USE_EMPTY }

              @Retention(RetentionPolicy.RUNTIME)
              @interface Nullable {
                String value() default "";
                String prefix() default "";
              }
            }
            """));
    assertThat(compilation).succeeded();
    assertContains(compilation, "TeamTable", "HOME_CITY = Column.of(\"home_city\"");
    assertContains(compilation, "TeamTable", "WORK_STREET = Column.of(\"work_street\"");
    assertContains(compilation, "TeamTable", "if (homeCity == null && homeStreet == null) {");
    assertThat(compilation).generatedSourceFile("com.example.TeamTable").contentsAsUtf8String()
        .doesNotContain("workCity == null");
    assertContains(compilation, "TeamTable", "return new Place(workCity, workStreet);");
  }
}
