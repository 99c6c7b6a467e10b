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
 *       row mapper, and a typed patch builder ({@code TeamTable.patch().plan(Plan.PRO)});
 *   <li>{@code TeamMigrations}: one migration per {@link Backfill @Backfill} (or group of them) and per
 *       field marked {@code @Deprecated(forRemoval = true)}, and {@code all()} in the order they must run;
 *   <li>{@code TeamDualRead}: for each {@link Widened @Widened} field, an accessor that gives the new
 *       value when the row has it and computes it from the old format otherwise;
 *   <li>{@code TeamVerification}: for each migration, the query that finds the rows still in the old
 *       format.
 * </ul>
 *
 * <p>Column names default to the snake_case of the field names; {@link Column @Column} and the
 * {@code @Table}, {@code @Column} and {@code @Id} annotations of Jakarta Persistence and Spring Data are
 * honoured, so an existing entity needs only the Godwit markers.
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
   * ({@code "\"Customers\""}, the SQL and JPA convention), used exactly as declared. When empty, the
   * name of a Jakarta Persistence or Spring Data {@code @Table} on the entity is used, else the JPA
   * entity name, and otherwise the snake_case of the entity's simple name.
   *
   * @return the table name, or empty to derive it
   */
  String value() default "";

  /**
   * The schema the table is in, written like {@link #value()}. When empty, the schema of a Jakarta
   * Persistence or Spring Data {@code @Table} is used, and otherwise the connection's current schema.
   * Generated migration names start with it ({@code billing.teams.backfillPlan}).
   *
   * @return the schema name, or empty for the default
   */
  String schema() default "";
}
