package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says how a row that lacks a field gets its value, by exactly one of:
 *
 * <ul>
 *   <li>{@link #value()}: a constant, written as text and checked against the field's type at compile
 *       time ({@code "FREE"} for an enum, {@code "true"}, {@code "42"}, {@code "2024-01-31"}): <i>add a
 *       required field with a default</i>;
 *   <li>{@link #from()}: a copy of another field of the same type: <i>rename a field</i>;
 *   <li>{@link #method()}: a static method of the entity that takes the entity and returns the value:
 *       <i>change a type</i>, or anything computed.
 * </ul>
 *
 * <pre>{@code
 * @Widened @Backfill(value = "FREE") Plan plan;                 // new required field
 * @Widened @Backfill(from = "name") String title;               // rename name -> title
 * @Widened @Backfill(method = "seatsOf") Integer seatCount;     // String seats -> Integer seatCount
 * }</pre>
 *
 * <p>The processor turns each backfill into an online migration over the rows where the field is
 * {@code NULL} (for {@code from}, where the source is not {@code NULL} either: those rows have nothing
 * to copy). Constants and copies are computed inside the database, one {@code UPDATE} per batch;
 * methods run in the JVM, row by row within each batch. The migration is named
 * {@code <table>.backfill<Field>} unless {@link #migration()} groups several fields into one. It belongs
 * to the migrate phase.
 *
 * <p>A field carries {@code @Backfill} in two deploys:
 *
 * <ul>
 *   <li>with {@link Widened @Widened} (deploy 1, the field is <i>widened</i>): optional while old rows
 *       lack it, read through the generated {@code XDualRead};
 *   <li>without it (deploy 2, the field is <i>narrowed</i>): required, and may now be a primitive. The
 *       backfill stays, because its verification is what gates {@code SET NOT NULL} in the narrow phase.
 *       The old fields its backfill reads may now be cleared: a field marked
 *       {@code @Deprecated(forRemoval = true)} gets its clear only once no {@code @Widened} field's
 *       backfill reads it, and that clear leaves every row where a narrowed field reading it is still
 *       {@code NULL} untouched.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Backfill {

  /**
   * A constant every old row gets, as text: a {@code String} as is, {@code "true"} or {@code "false"}, a
   * decimal number, an enum constant's name, a UUID, or an ISO-8601 {@code Instant}, {@code LocalDate}
   * or {@code LocalDateTime}.
   *
   * <p>The constant is the field's value, stored the way the field is: an enum constant's name is
   * written as its ordinal in a column JPA stores by ordinal, and {@code "true"} on a field with a JPA
   * converter is written as whatever the converter makes of {@code true} ({@code 'Y'}). A field whose
   * type has no text form (a list, a record, a converted type of another kind) takes no constant.
   *
   * @return the constant; set exactly one of {@code value}, {@code from} and {@code method}
   */
  String value() default "";

  /**
   * The name of another field of the entity, of a type assignable to this one, whose value old rows
   * copy. The copy is made inside the database, so it copies the stored value: both fields must store
   * values the same way (the same JPA converter, or both enums by name or both by ordinal).
   *
   * @return the source field's name; set exactly one of {@code value}, {@code from} and {@code method}
   */
  String from() default "";

  /**
   * The name of a static, non-private method of the entity that takes the entity and returns the value
   * (of the field's type), called for each old row: {@code static Plan planOf(Team team)}. It may read
   * any field, deprecated ones included, so every migration clearing a deprecated field runs after it.
   *
   * @return the method's name; set exactly one of {@code value}, {@code from} and {@code method}
   */
  String method() default "";

  /**
   * The name of the migration, to group several backfills of one entity into one migration that visits
   * each row once: fields with the same name here are filled together. A Java identifier such as
   * {@code "upgradeBilling"}; the migration is then {@code <table>.upgradeBilling}.
   *
   * @return the migration's name, or empty for {@code backfill<Field>}
   */
  String migration() default "";

  /**
   * Rows per batch, each batch being one transaction; the runtime's default (1000) when not set.
   *
   * @return a positive number of rows, or {@code 0} for the default
   */
  int batchSize() default 0;
}
