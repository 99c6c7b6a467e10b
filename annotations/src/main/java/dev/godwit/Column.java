package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column a field (or record component) maps to, when it is not the snake_case of the field
 * name ({@code isPro} maps to {@code is_pro} by default), and says whether every row must hold a value,
 * for entities without JPA: {@code @Column(nullable = false) Plan plan}.
 *
 * <p>The {@code @Column(name = ..., nullable = ...)} of Jakarta Persistence and {@code
 * javax.persistence}, and Spring Data's {@code @Column("...")}, are honoured in its place. The default
 * is Spring Boot's default naming strategy for a field without a name.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Column {

  /**
   * The column name: letters, digits and underscores, starting with a letter or underscore, which each
   * database folds to the case it stores unquoted names in; or an exact name between double quotes
   * ({@code "\"isPro\""}), used exactly as declared on every database: up to 63 characters, none of
   * them a double quote or a control character. In JPA's {@code @Column(name = ...)} Hibernate's
   * backticks ({@code "`isPro`"}) also make an exact name.
   *
   * @return the column name; empty (the default) for the snake_case of the field's name
   */
  String value() default "";

  /**
   * Whether the column accepts {@code NULL}, as JPA's {@code @Column(nullable)} (Jakarta Persistence
   * 3.1, section 11.1.9). {@code false} makes the column required in the generated {@code
   * XTable.SCHEMA}: the narrow phase sets it {@code NOT NULL}, and the check refuses a table where it
   * holds {@code NULL}. A {@code @Widened} field cannot say {@code false}: old rows lack it until its
   * backfill has run; the deploy that narrows the field drops {@code @Widened} and may say it then.
   *
   * @return {@code true} (the default) to leave the column's nullability as the database has it
   */
  boolean nullable() default true;
}
