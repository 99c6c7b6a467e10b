package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that is temporarily optional: the <b>widen</b> step of a breaking change. New code writes
 * it, but rows written before it existed (or by application instances still on the old version) lack
 * it, so its column must accept {@code NULL} (the expand phase adds it nullable; Godwit's and JPA's
 * {@code @Column(nullable = false)}, JPA's {@code @Basic(optional = false)} and Bean Validation's
 * {@code @NotNull} are refused on it) and the field must be a reference type ({@code Integer}, not
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
 * <p>While a widened field's backfill reads an old field, that old field gets no clear, even if marked
 * {@code @Deprecated(forRemoval = true)}: the application may still be rolled back to the code that
 * reads it.
 *
 * <p>Once the migration is verified, <b>narrow</b> in the next deploy: remove {@code @Widened} and keep
 * {@code @Backfill}. The field is now required (and may become a primitive); the narrow phase sets its
 * column {@code NOT NULL} once the backfill's verification finds no row left. Retire the old field with
 * {@code @Deprecated(forRemoval = true)}: its clear is then generated, in the contract phase, and runs
 * only on explicit request. Once no code reads the old field, remove it and name its column in
 * {@link MigratedTable#removed()}, which the contract phase drops.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Widened {}
