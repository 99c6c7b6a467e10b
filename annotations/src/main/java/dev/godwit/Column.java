package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column a field (or record component) maps to, when it is not the snake_case of the field
 * name ({@code isPro} maps to {@code is_pro} by default).
 *
 * <p>The {@code @Column(name = ...)} of Jakarta Persistence and {@code javax.persistence}, and Spring
 * Data's {@code @Column("...")}, are honoured in its place. The default is Spring Boot's default naming
 * strategy for a field without a name.
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
   * @return the column name
   */
  String value();
}
