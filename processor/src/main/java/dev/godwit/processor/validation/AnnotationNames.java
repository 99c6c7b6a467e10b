package dev.godwit.processor.validation;

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

  /** Spring Data's {@code @Column}, named by {@code value} or its alias {@code name}. */
  static final String SPRING_COLUMN = "org.springframework.data.relational.core.mapping.Column";

  /** Spring Data's {@code @Table}, named by {@code value} or its alias {@code name}. */
  static final String SPRING_TABLE = "org.springframework.data.relational.core.mapping.Table";

  /** JPA's entity markers: their {@code name} is the entity name, and JPA's defaults apply to fields. */
  static final List<String> ENTITIES = List.of(
      "jakarta.persistence.Entity",
      "javax.persistence.Entity");

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

  private AnnotationNames() {}
}
