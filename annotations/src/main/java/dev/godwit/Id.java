package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the primary key of a {@link MigratedTable @MigratedTable} entity: exactly one field (or record
 * component) per entity. Its values must be unique and never null, because every generated migration
 * visits rows in the order of this column and stores its progress as the last id it committed.
 *
 * <p>Jakarta Persistence's, {@code javax.persistence}'s and Spring Data's {@code @Id} are honoured in its
 * place.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Id {}
