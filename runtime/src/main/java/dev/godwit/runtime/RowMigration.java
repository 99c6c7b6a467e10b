package dev.godwit.runtime;

/**
 * The {@code migrateOne} function of a migration: called once for each row of a batch, inside the
 * batch's transaction.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface RowMigration<T> {

  /**
   * Migrates one row.
   *
   * @param context writes and reads in the batch's transaction
   * @param row the row as an entity, read under a row lock
   * @return the columns to change on this row, or {@code null} (or an empty patch) to change nothing
   * @throws Exception to fail the migration: the batch is rolled back and the error is recorded with
   *     this row's id
   */
  Patch<T> migrate(MigrationContext context, T row) throws Exception;
}
