package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that is temporarily optional: the <b>widen</b> step of a breaking change. New code writes
 * it, but rows written before it existed (or by application instances still on the old version) lack
 * it, so its column is nullable and the field must be a reference type ({@code Integer}, not
 * {@code int}).
 *
 * <p>A widened field carries a {@link Backfill @Backfill} saying how an old row gets its value. The
 * processor then generates:
 *
 * <ul>
 *   <li>{@code XDualRead.field(x)}: the field's value when present, otherwise computed from the old
 *       format exactly as the backfill would; read through it until the migration is verified;
 *   <li>{@code XMigrations.backfillField()}: the online migration that fills the rows lacking it;
 *   <li>{@code XVerification.backfillField()}: the query proving that none is left.
 * </ul>
 *
 * <p>Once the migration is verified, <b>narrow</b>: remove {@code @Widened} and {@code @Backfill} (the
 * field is now required, and may become a primitive) and retire the old field with
 * {@code @Deprecated(forRemoval = true)}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Widened {}
