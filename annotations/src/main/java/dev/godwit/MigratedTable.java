package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts an entity into Godwit and names its table. The entity is a record, a class with a constructor
 * taking every field in declaration order and a getter per field, or a class with a no-argument
 * constructor and a setter per field; exactly one of its fields carries {@link Id @Id}.
 *
 * <p>For an entity {@code Team} the processor generates, in the same package:
 *
 * <ul>
 *   <li>{@code TeamTable}: the table, one typed column constant per field ({@code TeamTable.PLAN}), the
 *       row mapper, a typed patch builder ({@code TeamTable.patch().plan(Plan.PRO)}), and
 *       {@code SCHEMA}, what the code expects of the table: each column's role in the lifecycle
 *       (required, optional, widened, narrowed, deprecated, retiring), its size, and the columns
 *       declared {@link #removed() removed};
 *   <li>{@code TeamMigrations}: one migration per {@link Backfill @Backfill} (or group of them), in the
 *       migrate phase, and one clear per field marked {@code @Deprecated(forRemoval = true)} that no
 *       {@link Widened @Widened} field's backfill reads, in the contract phase (it destroys data, and runs
 *       only on explicit request); {@code all()} in the order they must run, and {@code SCHEMA}
 *       published for the runtime's schema plan and check;
 *   <li>{@code TeamDualRead}: for each {@link Widened @Widened} field, an accessor that gives the new
 *       value when the row has it and computes it from the old format otherwise;
 *   <li>{@code TeamVerification}: for each migration, the query that finds the rows still in the old
 *       format.
 * </ul>
 *
 * <p>Column names default to the snake_case of the field names, table names to the snake_case of the
 * JPA entity name or the class's simple name, as Spring Boot's default naming strategy derives them;
 * {@link Column @Column} and the {@code @Table}, {@code @Column} and {@code @Id} annotations of Jakarta
 * Persistence and Spring Data are honoured, so an existing entity needs only the Godwit markers.
 *
 * <p>A column is required in {@code SCHEMA} when it is part of the key, holds a primitive, or JPA declares
 * it {@code NOT NULL} ({@code @Column(nullable = false)}, {@code @Basic(optional = false)},
 * {@code @JoinColumn(nullable = false)}, {@code @ManyToOne(optional = false)} and
 * {@code @OneToOne(optional = false)}). Sizes are JPA's {@code @Column(length, precision, scale)}; a JPA
 * entity's columns without one get Hibernate's (255 characters, decimals of precision 38 and scale 2).
 *
 * <p>Fields are stored as the application's framework stores them:
 *
 * <ul>
 *   <li>an enum by the name of its constant, except in a JPA {@code @Entity}, where
 *       {@code @Enumerated(EnumType.STRING)} stores the name and {@code @Enumerated(EnumType.ORDINAL)},
 *       or no {@code @Enumerated}, the ordinal (JPA's default, Jakarta Persistence 3.1 section
 *       11.1.18); enums inside JSON values are always stored by name;
 *   <li>a field with JPA's {@code @Convert(converter = X.class)} through the application's
 *       {@code AttributeConverter} X, in both directions. X must convert the field's type to a type
 *       Godwit stores (String, a number, a boolean, a UUID, a date or time) and have a no-argument
 *       constructor visible from the entity's package. A converter marked
 *       {@code @Converter(autoApply = true)} is applied only where {@code @Convert} names it;
 *   <li>a field with JPA's or Spring Data's {@code @Version} (an {@code int}, {@code long} or their
 *       boxes) is the optimistic-lock version, which every row Godwit writes increments.
 * </ul>
 *
 * @see dev.godwit
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface MigratedTable {

  /**
   * The table name: letters, digits and underscores, starting with a letter or underscore, which each
   * database folds to the case it stores unquoted names in; or an exact name between double quotes
   * ({@code "\"Customers\""}, the SQL and JPA convention), used exactly as declared on every database:
   * up to 63 characters, none of them a double quote or a control character. When empty, the name of a
   * Jakarta Persistence or Spring Data {@code @Table} on the entity is used (where Hibernate's backticks,
   * {@code "`Customers`"}, also make an exact name), else the snake_case of the JPA entity name
   * ({@code @Entity(name = "LegacyOwner")} gives {@code legacy_owner}), and otherwise the snake_case of
   * the entity's simple name.
   *
   * @return the table name, or empty to derive it
   */
  String value() default "";

  /**
   * The schema the table is in, written like {@link #value()}. When empty, the schema of a Jakarta
   * Persistence or Spring Data {@code @Table} is used, and otherwise the connection's current schema.
   * Generated migration names start with it ({@code billing.teams.backfillPlan}; exact names without
   * their quotes), so entities of tables of the same name in two schemas have distinct migrations.
   *
   * @return the schema name, or empty for the default
   */
  String schema() default "";

  /**
   * Columns of the table that no field maps any more and that the contract phase drops
   * ({@code ALTER TABLE ... DROP COLUMN}), written like {@link #value()}. Naming a column here is the
   * code's declaration that its data may go: a column that is merely unmapped is never dropped. A
   * name that a field still maps is a compile error.
   *
   * @return the removed columns' names, empty for none
   */
  String[] removed() default {};
}
