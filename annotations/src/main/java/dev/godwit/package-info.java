/**
 * The annotations that make a breaking schema change safe: put them on the entity classes that describe
 * your tables, and Godwit's annotation processor generates the typed migrations, dual-read accessors and
 * verification queries the change needs.
 *
 * <h2>The workflow: expand, migrate, narrow, contract</h2>
 *
 * <p>A breaking change (a new required field, a renamed field, a field of another type) never happens in
 * one deploy, because old rows and old application instances still speak the old format:
 *
 * <ol>
 *   <li><b>Widen</b> (deploy 1, with the expand phase's schema steps). Add the new field as
 *       {@link dev.godwit.Widened @Widened}: nullable while old rows lack it. Say how an old row gets
 *       it with {@link dev.godwit.Backfill @Backfill}: a constant, a copy of another field, or a static
 *       method. Mark the old field with Java's own {@link java.lang.Deprecated @Deprecated}. Read the new value through the generated
 *       {@code XDualRead} accessor, which falls back to the old format exactly as the backfill would,
 *       and write both formats.
 *   <li><b>Migrate</b> (between deploys). Run the generated {@code XMigrations.backfillField()} with the
 *       runtime's {@code Migrator}: online, in batches, resumable, with a dry run first.
 *   <li><b>Verify</b>. The generated {@code XVerification.backfillField()} proves that no row is left in
 *       the old format; a migration records success only once it finds none.
 *   <li><b>Narrow</b> (deploy 2). Drop {@code @Widened} and keep {@code @Backfill}: the field is now
 *       required, and the narrow phase sets its column {@code NOT NULL} once the backfill's verification
 *       finds no row left. Mark the old field {@code @Deprecated(forRemoval = true)}; the processor then
 *       generates {@code XMigrations.clearOldField()}, in the contract phase, which empties it on
 *       explicit request, never in a row the backfill has not filled. No clear is generated while a
 *       {@code @Widened} field's backfill still reads the old field.
 *   <li><b>Contract</b> (a later deploy). Remove the old field and name its column in
 *       {@code @MigratedTable(removed = ...)}: the contract phase drops it.
 * </ol>
 *
 * <pre>{@code
 * @MigratedTable("teams")
 * public record Team(
 *     @Id long id,
 *     @Deprecated(forRemoval = true) Boolean isPro,
 *     @Widened @Backfill(method = "planOf") Plan plan) {
 *
 *   static Plan planOf(Team team) {
 *     return Boolean.TRUE.equals(team.isPro()) ? Plan.PRO : Plan.FREE;
 *   }
 * }
 * }</pre>
 *
 * <p>Every annotation here has source retention: the processor reads it while compiling, and nothing of
 * Godwit's annotations is needed at run time.
 */
package dev.godwit;
