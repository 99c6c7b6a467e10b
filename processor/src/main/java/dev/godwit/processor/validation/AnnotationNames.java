package dev.godwit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The qualified names of every annotation the processor reads. It reads them through mirrors, by name,
 * and never loads their classes, so it runs whatever else is (or is not) on the class path.
 */
public final class AnnotationNames {

  /** {@code @dev.godwit.MigratedTable}. */
  public static final String MIGRATED_TABLE = "dev.godwit.MigratedTable";
  /** {@code @dev.godwit.Id}. */
  public static final String ID = "dev.godwit.Id";
  /** {@code @dev.godwit.Column}. */
  public static final String COLUMN = "dev.godwit.Column";
  /** {@code @dev.godwit.Widened}. */
  public static final String WIDENED = "dev.godwit.Widened";
  /** {@code @dev.godwit.Backfill}. */
  public static final String BACKFILL = "dev.godwit.Backfill";
  /** {@code @java.lang.Deprecated}. */
  public static final String DEPRECATED = "java.lang.Deprecated";

  /** Godwit's own annotations, which the processor claims. */
  public static final Set<String> GODWIT = Set.of(MIGRATED_TABLE, ID, COLUMN, WIDENED, BACKFILL);

  /** Other frameworks' primary-key markers, honoured like {@code @Id}. */
  static final List<String> FOREIGN_IDS = List.of(
      "jakarta.persistence.Id",
      "javax.persistence.Id",
      "org.springframework.data.annotation.Id");

  /** Other frameworks' {@code @Column}s whose name is in {@code name}. */
  static final List<String> FOREIGN_COLUMNS_BY_NAME = List.of(
      "jakarta.persistence.Column",
      "javax.persistence.Column");

  /** Other frameworks' {@code @Table}s whose name is in {@code name}. */
  static final List<String> FOREIGN_TABLES_BY_NAME = List.of(
      "jakarta.persistence.Table",
      "javax.persistence.Table");

  /**
   * Bean Validation's {@code @NotNull}, which makes a column required: Hibernate ORM adds {@code NOT
   * NULL} to the column of a field carrying it when it creates the table (Hibernate Validator's
   * reference guide, "Hibernate ORM integration": {@code hibernate.validator.apply_to_ddl}, on by
   * default).
   */
  static final List<String> NOT_NULLS = List.of(
      "jakarta.validation.constraints.NotNull",
      "javax.validation.constraints.NotNull");

  /** Spring Data's {@code @Column}, named by {@code value} or its alias {@code name}. */
  static final String SPRING_COLUMN = "org.springframework.data.relational.core.mapping.Column";

  /** Spring Data's {@code @Table}, named by {@code value} or its alias {@code name}. */
  static final String SPRING_TABLE = "org.springframework.data.relational.core.mapping.Table";

  /** JPA's {@code @Enumerated}: how an enum attribute is stored ({@code EnumType.ORDINAL} by default). */
  static final List<String> ENUMERATED = List.of(
      "jakarta.persistence.Enumerated",
      "javax.persistence.Enumerated");

  /** JPA's {@code @Convert}: the {@code AttributeConverter} an attribute is stored through. */
  static final List<String> CONVERTS = List.of(
      "jakarta.persistence.Convert",
      "javax.persistence.Convert");

  /** JPA's converter interface, whose type arguments are the attribute's and the column's types. */
  static final Set<String> ATTRIBUTE_CONVERTERS = Set.of(
      "jakarta.persistence.AttributeConverter",
      "javax.persistence.AttributeConverter");

  /** Optimistic-lock version markers of JPA and Spring Data. */
  static final List<String> VERSIONS = List.of(
      "jakarta.persistence.Version",
      "javax.persistence.Version",
      "org.springframework.data.annotation.Version");

  /** Markers of fields that are not persisted. */
  static final List<String> TRANSIENTS = List.of(
      "jakarta.persistence.Transient",
      "javax.persistence.Transient",
      "org.springframework.data.annotation.Transient");

  /**
   * JPA's {@code @Entity}: its {@code name} is the entity name, JPA's defaults apply to its fields, and
   * a superclass carrying it means entity inheritance (JPA 3.1 §2.11).
   */
  static final List<String> ENTITIES = jpa("Entity");

  /** JPA's {@code @MappedSuperclass}: its fields are the entity's (JPA 3.1 §2.11.2). */
  static final List<String> MAPPED_SUPERCLASSES = jpa("MappedSuperclass");

  /** JPA's {@code @Inheritance}, whose {@code strategy} defaults to {@code SINGLE_TABLE}. */
  static final List<String> INHERITANCES = jpa("Inheritance");

  /** JPA's {@code @Access}: {@code PROPERTY} access maps getters, not fields (JPA 3.1 §2.3). */
  static final List<String> ACCESSES = jpa("Access");

  /** JPA's {@code @EmbeddedId}: an embeddable whose components are the primary key. */
  static final List<String> EMBEDDED_IDS = jpa("EmbeddedId");

  /** JPA's {@code @Embedded}. */
  static final List<String> EMBEDDEDS = jpa("Embedded");

  /** Spring Data's {@code @Embedded}, whose {@code onEmpty} is required, and its two shorthands. */
  static final String SPRING_EMBEDDED = "org.springframework.data.relational.core.mapping.Embedded";
  static final String SPRING_EMBEDDED_NULLABLE = SPRING_EMBEDDED + ".Nullable";
  static final String SPRING_EMBEDDED_EMPTY = SPRING_EMBEDDED + ".Empty";
  static final List<String> SPRING_EMBEDDEDS =
      List.of(SPRING_EMBEDDED, SPRING_EMBEDDED_NULLABLE, SPRING_EMBEDDED_EMPTY);

  /** JPA's {@code @Embeddable}, on the class of an embedded value. */
  static final List<String> EMBEDDABLES = jpa("Embeddable");

  /** JPA's {@code @AttributeOverride}, renaming one component's column. */
  static final List<String> ATTRIBUTE_OVERRIDES = jpa("AttributeOverride");

  /** JPA's {@code @AttributeOverrides}, the container of several. */
  static final List<String> ATTRIBUTE_OVERRIDE_LISTS = jpa("AttributeOverrides");

  /** JPA's {@code @AssociationOverride}, renaming an inherited relation's join column. */
  static final List<String> ASSOCIATION_OVERRIDES = jpa("AssociationOverride");

  /** JPA's {@code @AssociationOverrides}, the container of several. */
  static final List<String> ASSOCIATION_OVERRIDE_LISTS = jpa("AssociationOverrides");

  /** JPA's to-one relations: the owning side is a foreign-key column. */
  static final List<String> TO_ONES = jpa("ManyToOne", "OneToOne");

  /** JPA's collection-valued relations and element collections: no column of the entity's table. */
  static final List<String> TO_MANYS = jpa("OneToMany", "ManyToMany", "ElementCollection");

  /** Spring Data JDBC's {@code @MappedCollection}: rows of another table, no column of this one. */
  static final String SPRING_MAPPED_COLLECTION =
      "org.springframework.data.relational.core.mapping.MappedCollection";

  /** JPA's {@code @Basic}, whose {@code optional = false} makes its column {@code NOT NULL}. */
  static final List<String> BASICS = jpa("Basic");

  /** JPA's {@code @Lob}: a large object, whose column has no length Godwit could know. */
  static final List<String> LOBS = jpa("Lob");

  /** JPA's {@code @JoinColumn}. */
  static final List<String> JOIN_COLUMNS = jpa("JoinColumn");

  /** JPA's {@code @JoinColumns}: a composite foreign key. */
  static final List<String> JOIN_COLUMN_LISTS = jpa("JoinColumns");

  /** JPA's {@code @JoinTable}: a to-one through a join table, no column of the entity's table. */
  static final List<String> JOIN_TABLES = jpa("JoinTable");

  /** JPA's {@code @MapsId} and {@code @PrimaryKeyJoinColumn}: a to-one sharing the primary key's column. */
  static final List<String> SHARED_KEYS = jpa("MapsId", "PrimaryKeyJoinColumn");

  /** JPA's {@code @IdClass}. */
  static final List<String> ID_CLASSES = jpa("IdClass");

  private static List<String> jpa(String... simpleNames) {
    List<String> names = new ArrayList<>();
    for (String prefix : List.of("jakarta.persistence.", "javax.persistence.")) {
      for (String simpleName : simpleNames) {
        names.add(prefix + simpleName);
      }
    }
    return List.copyOf(names);
  }

  private AnnotationNames() {}
}
