package dev.godwit.processor;

import static dev.godwit.processor.Compilations.assertError;
import static dev.godwit.processor.Compilations.team;

import org.junit.jupiter.api.Test;

/**
 * The errors about JPA structure Godwit cannot map faithfully: entity inheritance, unmapped
 * superclasses, property access, relations and embeddables it cannot store, and accessors it cannot
 * use. One test per message, asserting its text and line.
 */
class StructureErrorsTest {

  @Test
  void refusesAnEntityExtendingAnEntityNamingTheDefaultStrategy() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Animal {
              @jakarta.persistence.Id Long id;
            }

            @MigratedTable("teams")
            @jakarta.persistence.Entity
            public class Team extends Animal {
              String name;
            }
            """),
        "[GodwitInheritance] Team extends the @Entity Animal, mapped with JPA's SINGLE_TABLE inheritance"
            + " strategy, whose rows Godwit cannot map faithfully; make Animal a @MappedSuperclass, or put"
            + " @MigratedTable on an entity that extends no @Entity",
        "public class Team extends Animal");
  }

  @Test
  void namesTheStrategyOfTheRootEntity() {
    assertError(team("""
            @jakarta.persistence.Entity
            @jakarta.persistence.Inheritance(strategy = jakarta.persistence.InheritanceType.JOINED)
            class Animal {
              @jakarta.persistence.Id Long id;
            }

            @MigratedTable("teams")
            public class Team extends Animal {
              String name;
            }
            """),
        "mapped with JPA's JOINED inheritance strategy",
        "public class Team extends Animal");
  }

  @Test
  void refusesAnEntityDeclaringInheritance() {
    assertError(team("""
            @MigratedTable("teams")
            @jakarta.persistence.Entity
            @jakarta.persistence.Inheritance(
                strategy = jakarta.persistence.InheritanceType.TABLE_PER_CLASS)
            public class Team {
              @Id Long id;
            }
            """),
        "[GodwitInheritance] Team declares JPA's TABLE_PER_CLASS inheritance strategy, whose rows Godwit"
            + " cannot map faithfully; remove @Inheritance and map each table with an entity whose"
            + " superclasses are @MappedSuperclass",
        "@jakarta.persistence.Inheritance(");
  }

  @Test
  void refusesASuperclassWhoseFieldsWouldStayNull() {
    assertError(team("""
            abstract class PersonBase {
              static int count;
              String firstName;
              transient String cached;
              String lastName;
            }

            @MigratedTable("teams")
            public class Team extends PersonBase {
              @Id Long id;
            }
            """),
        "[GodwitUnmappedSuperclass] Team extends PersonBase, whose fields firstName, lastName are neither"
            + " mapped nor transient, so they would stay null in every row Godwit reads; annotate"
            + " PersonBase with @MappedSuperclass, or move the fields into Team",
        "public class Team extends PersonBase");
  }

  @Test
  void namesTheInheritedFieldGeneratedCodeCannotRead() {
    assertError(team("""
            @jakarta.persistence.MappedSuperclass
            abstract class PersonBase {
              private String firstName;
            }

            @MigratedTable("teams")
            public class Team extends PersonBase {
              @Id Long id;
            }
            """),
        "[GodwitNoGetter] field firstName of PersonBase cannot be read by generated code; add a"
            + " non-private getter getFirstName() or make the field non-private",
        "private String firstName;");
  }

  @Test
  void refusesAnIdOnAGetter() {
    assertError(team("""
            @MigratedTable("teams")
            @jakarta.persistence.Entity
            public class Team {
              private Long id;

              @jakarta.persistence.Id
              public Long getId() { return id; }
            }
            """),
        "[GodwitPropertyAccess] Team uses JPA property access (@Id on getId()), but Godwit maps fields;"
            + " move the mapping annotations from the getters to their fields",
        "@jakarta.persistence.Id");
  }

  @Test
  void refusesPropertyAccessDeclaredOnTheClass() {
    assertError(team("""
            @MigratedTable("teams")
            @jakarta.persistence.Access(jakarta.persistence.AccessType.PROPERTY)
            public class Team {
              @Id Long id;
            }
            """),
        "[GodwitPropertyAccess] Team uses JPA property access (@Access(AccessType.PROPERTY) on Team), but"
            + " Godwit maps fields; move the mapping annotations from the getters to their fields, and"
            + " remove @Access(AccessType.PROPERTY)",
        "@jakarta.persistence.Access(");
  }

  @Test
  void refusesAMarkerOnARelation() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id Integer id;
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne
              @Widened @Backfill(value = "1") Kind kind;
            }
            """),
        "[GodwitRelationMarker] @Widened on relation kind is not supported, since Godwit maps a relation"
            + " only as its unchanged join column; remove @Widened, and migrate the join column with a"
            + " hand-written Migration",
        "@Widened @Backfill");
  }

  @Test
  void refusesAMarkerOnACollection() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.OneToMany(mappedBy = "team")
              @Deprecated(forRemoval = true) List<String> members;
            }
            """),
        "[GodwitRelationMarker] @Deprecated(forRemoval = true) on members does nothing, because members"
            + " is a @OneToMany collection, which is no column of this table; remove"
            + " @Deprecated(forRemoval = true)",
        "@Deprecated(forRemoval = true) List<String> members");
  }

  @Test
  void refusesACompositeForeignKey() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id Integer code;
              @jakarta.persistence.Id Integer version;
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne Kind kind;
            }
            """),
        "[GodwitCompositeForeignKey] relation kind refers to Kind through a composite foreign key (@Id"
            + " fields code, version), which Godwit cannot map; give Kind a single @Id, or map the join"
            + " columns as plain fields",
        "@jakarta.persistence.ManyToOne Kind kind");
  }

  @Test
  void refusesJoinColumns() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id Integer id;
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne
              @jakarta.persistence.JoinColumns({@jakarta.persistence.JoinColumn(name = "a")})
              Kind kind;
            }
            """),
        "[GodwitCompositeForeignKey] relation kind refers to Kind through a composite foreign key"
            + " (@JoinColumns)",
        "@jakarta.persistence.JoinColumns(");
  }

  @Test
  void refusesARelationToAClassWithoutId() {
    assertError(team("""
            class Kind {
              Integer id;
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.OneToOne Kind kind;
            }
            """),
        "[GodwitReferenceId] relation kind refers to Kind, which has no @Id field; mark the field of Kind"
            + " that holds its primary key with @Id",
        "@jakarta.persistence.OneToOne Kind kind");
  }

  @Test
  void refusesAJoinColumnReferencingAnotherColumn() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id Integer id;
              String code;
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne
              @jakarta.persistence.JoinColumn(name = "kind_code", referencedColumnName = "code")
              Kind kind;
            }
            """),
        "[GodwitReferenceColumn] @JoinColumn of kind references column \"code\", not the primary key"
            + " \"id\" of Kind, and Godwit stores the referenced entity's id; reference its primary key,"
            + " or map the column as a plain field",
        "referencedColumnName = \"code\"");
  }

  @Test
  void refusesAReferenceItCannotBuild() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id private Integer id;
              Kind(Integer id) { this.id = id; }
              public Integer getId() { return id; }
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne Kind kind;
            }
            """),
        "[GodwitReferenceAccess] generated code cannot build the Kind holding only its id that relation"
            + " kind reads into, because Kind has no no-argument constructor visible from package"
            + " com.example; make the no-argument constructor of Kind public",
        "@jakarta.persistence.ManyToOne Kind kind");
  }

  @Test
  void refusesAReferenceWhoseIdItCannotSet() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id private Integer id;
              public Integer getId() { return id; }
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne Kind kind;
            }
            """),
        "[GodwitReferenceAccess] generated code cannot build the Kind holding only its id that relation"
            + " kind reads into, because its id id has no setter and cannot be assigned; give Kind a"
            + " non-private setter setId(Integer), or make its field id non-private and non-final",
        "@jakarta.persistence.ManyToOne Kind kind");
  }

  @Test
  void refusesAReferenceWhoseIdItCannotRead() {
    assertError(team("""
            @jakarta.persistence.Entity
            class Kind {
              @jakarta.persistence.Id private Integer id;
              public void setId(Integer id) { this.id = id; }
              public Long getId() { return 0L; }
            }

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.ManyToOne Kind kind;
            }
            """),
        "[GodwitReferenceAccess] generated code cannot read the id of the Kind of relation kind, because"
            + " its getter getId() exists but returns Long; make it return Integer",
        "@jakarta.persistence.ManyToOne Kind kind");
  }

  @Test
  void refusesAMarkerOnAnEmbeddable() {
    assertError(team("""
            @jakarta.persistence.Embeddable
            record Place(String city) {}

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @Widened @Backfill(value = "x") Place place;
            }
            """),
        "[GodwitEmbeddedMarker] @Widened on embedded place is not supported, since Godwit maps each of"
            + " its components as a column; remove @Widened, and migrate the component columns with a"
            + " hand-written Migration",
        "@Widened @Backfill(value = \"x\") Place place");
  }

  @Test
  void refusesAMarkerOnAComponent() {
    assertError(team("""
            @jakarta.persistence.Embeddable
            record Place(@Deprecated(forRemoval = true) String city) {}

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              Place place;
            }
            """),
        "[GodwitEmbeddedMarker] @Deprecated(forRemoval = true) on component city of embeddable Place is"
            + " not supported, since Godwit reads its markers on the entity's own fields only; remove"
            + " @Deprecated(forRemoval = true)",
        "record Place(");
  }

  @Test
  void refusesANestedEmbeddable() {
    assertError(team("""
            @jakarta.persistence.Embeddable
            record Point(double x, double y) {}

            @jakarta.persistence.Embeddable
            record Place(String city, Point point) {}

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              Place place;
            }
            """),
        "[GodwitEmbeddedNested] component point of embeddable Place is itself an embeddable, which Godwit"
            + " cannot map inside an embeddable; move its fields into Place as plain fields",
        "record Place(");
  }

  @Test
  void refusesAnOverrideOfNoComponent() {
    assertError(team("""
            @jakarta.persistence.Embeddable
            record Place(String city, String street) {}

            @MigratedTable("teams")
            public class Team {
              @Id Long id;
              @jakarta.persistence.Embedded
              @jakarta.persistence.AttributeOverride(
                  name = "town", column = @jakarta.persistence.Column(name = "town"))
              Place place;
            }
            """),
        "[GodwitAttributeOverride] @AttributeOverride name \"town\" names no component of Place, so it"
            + " would rename nothing; name one of: city, street",
        "@jakarta.persistence.AttributeOverride(");
  }

  @Test
  void saysWhatIsWrongWithAGetterOfTheRightName() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id public Long id;
              private List<String> tags;

              public java.util.Collection<String> getTags() { return tags; }
            }
            """),
        "[GodwitNoGetter] field tags of Team cannot be read by generated code: getter getTags() exists"
            + " but returns Collection<String>; make it return List<String>, or make the field"
            + " non-private",
        "private List<String> tags;");
  }

  @Test
  void saysWhenAGetterOfTheRightNameIsPrivate() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id public Long id;
              private String name;

              private String getName() { return name; }
            }
            """),
        "[GodwitNoGetter] field name of Team cannot be read by generated code: getter getName() exists"
            + " but is private; make it non-private, or make the field non-private",
        "private String name;");
  }

  @Test
  void saysWhatIsWrongWithASetterOfTheRightName() {
    assertError(team("""
            @MigratedTable("teams")
            public class Team {
              @Id public Long id;
              private List<String> tags;

              public Team() {}
              public List<String> getTags() { return tags; }
              public void setTags(java.util.Collection<String> tags) {}
            }
            """),
        "[GodwitNoSetter] field tags of Team cannot be set by generated code: setter"
            + " setTags(Collection<String>) exists but takes Collection<String>; make it take"
            + " List<String>, or make the field non-private and non-final",
        "private List<String> tags;");
  }
}
