package dev.godwit.runtime.internal.engine;

import dev.godwit.runtime.Condition;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One batch of a migration, inside a transaction the caller commits or rolls back: read the next rows
 * with a row lock, migrate them, write the result with a constant number of statements.
 *
 * @param <T> the entity type of the table
 */
public interface BatchStep<T> {

  /**
   * Migrates the rows after {@code after} that match {@code where}, at most {@code limit} of them.
   *
   * @param after the id the batch starts after, or {@code null} for the first row
   * @param dryRun also describe up to ten changed rows before and after
   * @throws RowFailure if migrating one row failed
   */
  default BatchOutcome execute(Connection connection, Condition<T> where, Object after, int limit,
      boolean dryRun) throws SQLException, RowFailure {
    return execute(connection, where, after, null, limit, dryRun);
  }

  /**
   * Like {@link #execute(Connection, Condition, Object, int, boolean)}, over no key above {@code
   * upTo}: a range's inclusive upper bound, or {@code null} for none.
   */
  BatchOutcome execute(Connection connection, Condition<T> where, Object after, Object upTo,
      int limit, boolean dryRun) throws SQLException, RowFailure;
}
