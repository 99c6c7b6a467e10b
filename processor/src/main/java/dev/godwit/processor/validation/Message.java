package dev.godwit.processor.validation;

import java.util.Locale;

/**
 * Every error the processor reports, in one place, and the notes about schema snapshots. Each starts
 * with a stable tag ({@code [GodwitNoId]}) that tests and users can search for, says what is wrong (or,
 * for a note, what was done) in one sentence, and says the fix (or what to do next).
 */
public enum Message {
  ENTITY_KIND("GodwitEntityKind",
      "@MigratedTable needs a record or a concrete class, but %s is %s; declare it as a record or a"
          + " non-abstract class"),
  ENTITY_PRIVATE("GodwitEntityAccess",
      "%s is private, so the code generated beside it cannot use it; make it package-private or public"),
  ENTITY_INNER("GodwitEntityAccess",
      "%s is an inner class, so generated code cannot create it without an enclosing instance; make it"
          + " static"),
  ENTITY_GENERIC("GodwitEntityGeneric",
      "%s has type parameters, which a table cannot fill; map a class without type parameters"),
  NOT_AN_ENTITY("GodwitNotAnEntity",
      "@%s on %s does nothing, because %s has no @MigratedTable; add @MigratedTable to %s"),
  NO_RUNTIME("GodwitNoRuntime",
      "the code generated for %s needs dev.godwit.runtime, which is not on the compile class path; add"
          + " the dependency dev.godwit:godwit-runtime"),
  NO_ID("GodwitNoId",
      "%s has no primary key; mark the field that holds it with @Id"),
  ID_TYPE("GodwitIdType",
      "primary key %s has type %s, which cannot order the rows of a migration; use a String, a number, a"
          + " UUID, a date or a time"),
  TABLE_NAME("GodwitTableName",
      "table name \"%s\" is not a plain SQL identifier; use at most 63 letters, digits and underscores,"
          + " starting with a letter or underscore, such as \"%s\", or write the exact name between"
          + " double quotes"),
  SCHEMA_NAME("GodwitSchemaName",
      "schema name \"%s\" is not a plain SQL identifier; use at most 63 letters, digits and"
          + " underscores, starting with a letter or underscore, such as \"%s\", or write the exact name"
          + " between double quotes"),
  REMOVED_NAME("GodwitRemovedColumn",
      "removed column name \"%s\" is not a plain SQL identifier; use at most 63 letters, digits and"
          + " underscores, starting with a letter or underscore, such as \"%s\", or write the exact name"
          + " between double quotes"),
  REMOVED_STILL_MAPPED("GodwitRemovedColumn",
      "column \"%s\" is declared removed, but field %s still maps it, and the contract phase would drop"
          + " the column under it; remove field %s first, or take the column out of removed"),
  COLUMN_NAME("GodwitColumnName",
      "column name \"%s\" of field %s is not a plain SQL identifier; use at most 63 letters, digits and"
          + " underscores, starting with a letter or underscore, such as @Column(\"%s\"), or write the"
          + " exact name between double quotes"),
  CATALOG("GodwitCatalog",
      "@Table catalog \"%s\" names another database than the one the migrations connect to, which"
          + " Godwit cannot reach, so it would migrate a table of the same name in the connected one;"
          + " remove catalog and run the migrations on a connection to that database"),
  SECONDARY_TABLE("GodwitSecondaryTable",
      "field %s is stored in the secondary table %s, which Godwit does not map, so it would read and"
          + " write a column of the same name in %s; map the secondary table with an entity of its own"),
  EXACT_NAME("GodwitExactName",
      "%s name %s cannot be used exactly as declared, since %s; between the quotes write 1 to 63"
          + " characters other than double quotes and control characters"),
  DUPLICATE_COLUMN("GodwitDuplicateColumn",
      "fields %s and %s both map to column \"%s\"; give one of them another column with @Column(\"...\")"),
  DUPLICATE_CONSTANT("GodwitDuplicateConstant",
      "fields %s and %s would both become the constant %s.%s; rename one of them"),
  RESERVED_CONSTANT("GodwitDuplicateConstant",
      "field %s would become the constant %s.TABLE, which holds the table itself; rename the field and"
          + " keep its column with @Column(\"%s\")"),
  UNSUPPORTED_TYPE("GodwitUnsupportedType",
      "field %s has type %s%s, which Godwit cannot store; use String, boolean, int, long, double or their"
          + " boxes, BigDecimal, an enum, UUID, Instant, LocalDate, LocalDateTime, a record of these, or a"
          + " List of these"),
  TYPE_NOT_ACCESSIBLE("GodwitTypeAccess",
      "field %s has type %s, and %s is not visible from package %s, so generated code cannot use it; make"
          + " it public, or move it into that package"),
  WIDENED_PRIMITIVE("GodwitWidenedPrimitive",
      "@Widened field %s has the primitive type %s, which cannot be NULL in old rows; declare it as %s"),
  WIDENED_WITHOUT_BACKFILL("GodwitWidenedWithoutBackfill",
      "@Widened field %s does not say how old rows get a value; add @Backfill(value = ...),"
          + " @Backfill(from = ...) or @Backfill(method = ...)"),
  WIDENED_NOT_NULL("GodwitWidenedNotNull",
      "@Widened field %s is declared NOT NULL by %s, but old rows lack it until its backfill has run;"
          + " remove that until the deploy that narrows the field, which drops @Widened"),
  BACKFILL_NO_SOURCE("GodwitBackfillSource",
      "@Backfill on %s names no source; set exactly one of value (a constant), from (another field) or"
          + " method (a static method)"),
  BACKFILL_TWO_SOURCES("GodwitBackfillSource",
      "@Backfill on %s sets both %s and %s; keep exactly one of value, from and method"),
  BACKFILL_VALUE("GodwitBackfillValue",
      "@Backfill value \"%s\" does not fit %s, of type %s; use %s"),
  BACKFILL_VALUE_JSON("GodwitBackfillValue",
      "@Backfill value cannot fill %s, whose type %s is stored as JSON; compute it with"
          + " @Backfill(method = ...)"),
  BACKFILL_VALUE_NO_TEXT("GodwitBackfillValue",
      "@Backfill value cannot fill %s, whose type %s has no text form to write a constant in; compute"
          + " it with @Backfill(method = ...)"),
  CONVERT_NO_CONVERTER("GodwitConvert",
      "@Convert on field %s names no converter, and Godwit applies only converters named by @Convert,"
          + " never auto-applied ones; name it with @Convert(converter = ...class)"),
  CONVERT_ATTRIBUTE_NAME("GodwitConvert",
      "@Convert on field %s names attribute \"%s\", but a basic field has no attributes, so the"
          + " converter's target is unclear; remove attributeName"),
  CONVERT_ON_EMBEDDED("GodwitConvert",
      "@Convert on embedded field %s converts one of its components, which Godwit reads only from the"
          + " component's own field; move @Convert onto that field of %s"),
  CONVERT_NOT_ALLOWED("GodwitConvert",
      "field %s cannot have a converter, since it is %s (Jakarta Persistence 3.1, section 11.1.10);"
          + " remove @Convert"),
  CONVERTER_NOT_CONVERTER("GodwitConverter",
      "converter %s of field %s does not implement AttributeConverter with type arguments, so the types"
          + " it converts between are unknown; implement AttributeConverter<%s, X>, X being the column's"
          + " type"),
  CONVERTER_ATTRIBUTE_TYPE("GodwitConverter",
      "converter %s converts %s, but field %s has type %s; name a converter of %s"),
  CONVERTER_STORED_TYPE("GodwitConverter",
      "converter %s of field %s converts to %s, which Godwit cannot store; convert to String, Boolean,"
          + " Integer, Long, Double, BigDecimal, UUID, Instant, LocalDate or LocalDateTime"),
  CONVERTER_CLASS("GodwitConverter",
      "converter %s of field %s cannot be created by generated code in package %s: %s"),
  VERSION_TYPE("GodwitVersion",
      "version field %s has type %s, which Godwit cannot increment as a counter; declare it as long,"
          + " Long, int or Integer, or remove @Version"),
  VERSION_MARKER("GodwitVersion",
      "version field %s cannot be %s, since only the optimistic-lock increment may write it; remove %s"),
  TWO_VERSIONS("GodwitVersion",
      "%s has two version fields, %s and %s; keep @Version on one of them"),
  BACKFILL_FROM_MISSING("GodwitBackfillFrom",
      "@Backfill from \"%s\" names no mapped field of %s; name one of: %s"),
  BACKFILL_FROM_NOTHING("GodwitBackfillFrom",
      "@Backfill from \"%s\" names no mapped field of %s, which maps no other field; map the field"
          + " that old rows hold the value in, or compute the value with @Backfill(method = ...)"),
  BACKFILL_FROM_UNMAPPED("GodwitBackfillFrom",
      "@Backfill from \"%s\" names a field of %s that is not mapped to a column, since it is %s; copy"
          + " from a mapped field, or compute the value with @Backfill(method = ...)"),
  BACKFILL_FROM_STORED_FORM("GodwitBackfillFromType",
      "field %s is stored as %s and %s as %s, so copying the stored value inside the database would"
          + " change its meaning; store both the same way, or convert it with @Backfill(method = ...)"),
  BACKFILL_FROM_NOT_A_VALUE("GodwitBackfillFrom",
      "@Backfill from \"%s\" names %s, not a column holding the value to copy; copy from a plain field,"
          + " or compute the value with @Backfill(method = ...)"),
  BACKFILL_FROM_SELF("GodwitBackfillFrom",
      "@Backfill from \"%s\" names the field itself; name the field that old rows hold the value in"),
  BACKFILL_FROM_TYPE("GodwitBackfillFromType",
      "field %s has type %s, which cannot be copied into %s of type %s; copy from a field of type %s, or"
          + " convert it with @Backfill(method = ...)"),
  BACKFILL_METHOD_MISSING("GodwitBackfillMethod",
      "%s has no method %s; declare static %s %s(%s %s) in %s"),
  BACKFILL_METHOD_SIGNATURE("GodwitBackfillMethod",
      "method %s of %s takes or returns other types than a backfill of %s needs; declare it as static"
          + " %s %s(%s %s)"),
  BACKFILL_METHOD_NOT_STATIC("GodwitBackfillMethod",
      "method %s of %s is not static, but a backfill has no instance to call it on; declare it as static"
          + " %s %s(%s %s)"),
  BACKFILL_METHOD_PRIVATE("GodwitBackfillMethod",
      "method %s of %s is not visible from package %s, so generated code cannot call it; make it"
          + " package-private or public"),
  BATCH_SIZE("GodwitBatchSize",
      "batchSize %d is not a number of rows; use a positive number, or leave it out for the default of"
          + " %s"),
  BATCH_SIZE_CONFLICT("GodwitBatchSize",
      "migration %s gets batch size %d from field %s and %d from field %s; set batchSize on one of its"
          + " fields only"),
  CLEAR_PRIMITIVE("GodwitClearPrimitive",
      "%s has the primitive type %s, which cannot be cleared to NULL; declare it as %s before marking it"
          + " @Deprecated(forRemoval = true)"),
  RETIRING_NOT_NULL("GodwitRetiringNotNull",
      "%s is marked @Deprecated(forRemoval = true), so new code may stop writing it, but %s declares it"
          + " NOT NULL; remove that, so that its column accepts NULL before the code stops writing it"),
  CLEAR_ID("GodwitClearId",
      "the primary key %s cannot be cleared; remove forRemoval = true from its @Deprecated"),
  MIGRATION_NAME("GodwitMigrationName",
      "migration name \"%s\" cannot be the name of a generated method; use a Java identifier other than"
          + " all, migrations and the methods of Object, such as \"upgradePlans\""),
  DUPLICATE_MIGRATION("GodwitDuplicateMigration",
      "two migrations are named %s; give this one another name with @Backfill(migration = \"...\")"),
  DUPLICATE_CLEAR("GodwitDuplicateMigration",
      "two migrations are named %s; rename field %s"),
  DUPLICATE_TABLE_MIGRATION("GodwitDuplicateMigration",
      "migration %s is also generated for %s, which maps the same table; map each table with one entity,"
          + " or name this one's table differently, or, for the next deploy's entity or a test fixture,"
          + " list its package in the processor option godwit.unpublished"),
  DUPLICATE_TABLE("GodwitDuplicateTable",
      "table %s is also mapped by %s, and each entity publishes what its code expects of the table,"
          + " which would contradict each other; map each table with one entity, or, for the next deploy's"
          + " entity or a test fixture, list its package in the processor option godwit.unpublished"),
  MIGRATION_CYCLE("GodwitMigrationCycle",
      "migrations %s read fields that another of them fills, so none can run first; let one of them"
          + " compute its value from fields no backfill fills"),
  NO_CONSTRUCTOR("GodwitNoConstructor",
      "%s cannot be built from a row; give it a non-private constructor taking (%s) in this order, or a"
          + " no-argument constructor and a setter for %s"),
  ENTITY_INHERITANCE("GodwitInheritance",
      "%s extends the @Entity %s, mapped with JPA's %s inheritance strategy, whose rows Godwit cannot"
          + " map faithfully; make %s a @MappedSuperclass, or put @MigratedTable on an entity that extends"
          + " no @Entity"),
  INHERITANCE_ROOT("GodwitInheritance",
      "%s declares JPA's %s inheritance strategy, whose rows Godwit cannot map faithfully; remove"
          + " @Inheritance and map each table with an entity whose superclasses are @MappedSuperclass"),
  UNMAPPED_SUPERCLASS("GodwitUnmappedSuperclass",
      "%s extends %s, whose fields %s are neither mapped nor transient, so they would stay null in every"
          + " row Godwit reads; annotate %s with @MappedSuperclass, or move the fields into %s"),
  PROPERTY_ACCESS("GodwitPropertyAccess",
      "%s uses JPA property access (%s), but Godwit maps fields; move the mapping annotations from the"
          + " getters to their fields%s"),
  RELATION_MARKER("GodwitRelationMarker",
      "@%s on relation %s is not supported, since Godwit maps a relation only as its unchanged join"
          + " column; remove @%s, and migrate the join column with a hand-written Migration"),
  NOT_A_COLUMN_MARKER("GodwitRelationMarker",
      "@%s on %s does nothing, because %s is %s, which is no column of this table; remove @%s"),
  COMPOSITE_FOREIGN_KEY("GodwitCompositeForeignKey",
      "relation %s refers to %s through a composite foreign key (%s), which Godwit cannot map; give %s"
          + " a single @Id, or map the join columns as plain fields"),
  REFERENCE_NO_ID("GodwitReferenceId",
      "relation %s refers to %s, which has no @Id field; mark the field of %s that holds its primary key"
          + " with @Id"),
  REFERENCE_COLUMN("GodwitReferenceColumn",
      "@JoinColumn of %s references column \"%s\", not the primary key \"%s\" of %s, and Godwit stores"
          + " the referenced entity's id; reference its primary key, or map the column as a plain field"),
  REFERENCE_NOT_BUILDABLE("GodwitReferenceAccess",
      "generated code cannot build the %s holding only its id that relation %s reads into, because %s;"
          + " %s"),
  REFERENCE_ID_NOT_READABLE("GodwitReferenceAccess",
      "generated code cannot read the id of the %s of relation %s, because %s; %s"),
  EMBEDDED_MARKER("GodwitEmbeddedMarker",
      "@%s on embedded %s is not supported, since Godwit maps each of its components as a column; remove"
          + " @%s, and migrate the component columns with a hand-written Migration"),
  EMBEDDED_COMPONENT_MARKER("GodwitEmbeddedMarker",
      "@%s on component %s of embeddable %s is not supported, since Godwit reads its markers on the"
          + " entity's own fields only; remove @%s"),
  EMBEDDED_NESTED("GodwitEmbeddedNested",
      "component %s of embeddable %s is %s, which Godwit cannot map inside an embeddable; move its fields"
          + " into %s as plain fields"),
  ATTRIBUTE_OVERRIDE_UNKNOWN("GodwitAttributeOverride",
      "@AttributeOverride name \"%s\" names no component of %s, so it would rename nothing; name one"
          + " of: %s"),
  INHERITED_OVERRIDE_UNKNOWN("GodwitAttributeOverride",
      "@%s name \"%s\" on %s names no %s that %s inherits from a mapped superclass, so it would rename"
          + " nothing; name one of: %s"),
  GETTER_MISMATCH("GodwitNoGetter",
      "field %s of %s cannot be read by generated code: %s; %s, or make the field non-private"),
  SETTER_MISMATCH("GodwitNoSetter",
      "field %s of %s cannot be set by generated code: %s; %s, or make the field non-private and"
          + " non-final"),
  NO_GETTER("GodwitNoGetter",
      "field %s of %s cannot be read by generated code; add a non-private getter %s() or make the field"
          + " non-private"),
  UNRESOLVED_TYPES("GodwitUnresolvedType",
      "%s refers to types that do not exist, so nothing was generated for it; fix the other errors"
          + " reported for it"),
  SNAPSHOT_NEW_REQUIRED("GodwitNewRequiredField",
      "field %s is new and required, but the rows already in %s have no value for it; add it in this"
          + " deploy as @Widened @Backfill(value = \"...\") %s %s (or @Backfill(from = \"...\") or"
          + " @Backfill(method = \"...\")), and drop @Widened in the next deploy"),
  SNAPSHOT_TYPE_CHANGED("GodwitTypeChanged",
      "field %s was %s (%s) in the last deploy and is now %s (%s), which the rows already written and"
          + " the instances still running cannot read; keep %s %s, and add a new field"
          + " @Widened @Backfill(method = \"%sOf\") %s %sNew, marking %s"
          + " @Deprecated(forRemoval = true)"),
  SNAPSHOT_SIZE_NARROWED("GodwitSizeNarrowed",
      "field %s held up to %s in the last deploy and now declares %s, which values already written and"
          + " the instances still running may exceed; keep %s, or add a new field @Widened"
          + " @Backfill(method = \"%sOf\") %s %sNew of the smaller size, marking %s"
          + " @Deprecated(forRemoval = true)"),
  SNAPSHOT_COLUMN_RENAMED("GodwitColumnRenamed",
      "field %s mapped column %s in the last deploy and now maps %s, which holds none of its values;"
          + " keep %s on column %s as @Deprecated(forRemoval = true), and add a new field for %s:"
          + " @Widened @Backfill(from = \"%s\")"),
  SNAPSHOT_FIELD_RENAMED("GodwitColumnRenamed",
      "field %s replaces field %s (column %s) of the last deploy, a rename in place that leaves the"
          + " old column's values behind; keep %s as @Deprecated(forRemoval = true) and declare"
          + " @Widened @Backfill(from = \"%s\") %s %s"),
  SNAPSHOT_FIELD_REMOVED("GodwitFieldRemoved",
      "field %s (column %s) of the last deploy is gone, but that deploy did not mark it"
          + " @Deprecated(forRemoval = true), so its instances still write and read it; restore it as"
          + " @Deprecated(forRemoval = true) %s %s for one deploy, then remove it"),
  SNAPSHOT_NARROWED_UNFILLED("GodwitNarrowedUnfilled",
      "field %s is now required, but the last deploy never backfilled it, so rows where %s is NULL"
          + " may remain; mark it @Widened with a @Backfill in this deploy, and narrow it in the next"),
  SNAPSHOT_KEY_CHANGED("GodwitKeyChanged",
      "the primary key of %s was (%s) in the last deploy and is now (%s), which Godwit cannot change"
          + " in place; keep @Id on %s, and add any new unique column as an ordinary field"),
  SNAPSHOT_TABLE_RENAMED("GodwitTableRenamed",
      "%s mapped table %s in the last deploy and now maps %s, which holds none of its rows; keep"
          + " @MigratedTable(\"%s\"), or, to start a new table and copy the rows yourself, delete"
          + " %s"),
  SNAPSHOT_UNREADABLE("GodwitSnapshot",
      "schema snapshot %s cannot be used: %s; restore it from version control, or delete it to take"
          + " the current schema as the baseline"),
  REMEMBERED_METHOD_GONE("GodwitRememberedBackfill",
      "field %s was filled by method %s in the last deploy, and %s, which that method may read, is"
          + " still to be cleared; keep static method %s until %s is removed, so that the clear keeps"
          + " every row %s still lacks"),
  SNAPSHOT_WRITTEN("GodwitSnapshot",
      "no baseline for table %s yet: wrote %s; commit it, since it is what the next build checks"
          + " this deploy's changes against"),
  SNAPSHOT_ACCEPTED("GodwitSnapshot",
      "accepted the schema of table %s as its new baseline in %s; commit it with this deploy"),
  SNAPSHOT_CHANGED("GodwitSnapshot",
      "the schema of table %s differs from its baseline %s in safe ways only; once this deploy is"
          + " out, accept it as the new baseline with -Agodwit.acceptSchema=true"),
  INTERNAL_ERROR("GodwitInternalError",
      "generating code for %s failed unexpectedly; please report this with its stack trace: %s");

  private final String tag;
  private final String template;

  Message(String tag, String template) {
    this.tag = tag;
    this.template = template;
  }

  /**
   * The stable tag, without brackets.
   *
   * @return the tag, such as {@code GodwitNoId}
   */
  public String tag() {
    return tag;
  }

  /**
   * The message with its tag, its blanks filled in, independent of the default locale.
   *
   * @param arguments the values of the blanks, in order
   * @return the text to report
   */
  public String format(Object... arguments) {
    return "[" + tag + "] " + String.format(Locale.ROOT, template, arguments);
  }
}
