package dev.godwit.cli;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to keep a connection whose statement only gave up waiting for a lock.
 * HikariCP evicts, and closes under its user, any connection whose statement failed with a {@link
 * java.sql.SQLTimeoutException}, which is how H2 reports a lock timeout (error 50200, SQLState
 * {@code HYT00}): a schema step retrying after its lock timeout, or a batch retrying a lock conflict,
 * would find its connection closed. The connection is sound; only the statement timed out.
 *
 * <p>Public with a no-argument constructor because HikariCP instantiates it by name.
 */
public final class KeepConnectionOnLockTimeout implements SQLExceptionOverride {

  /** H2's {@code LOCK_TIMEOUT_1}. */
  private static final int H2_LOCK_TIMEOUT = 50200;

  /** The override HikariCP creates. */
  public KeepConnectionOnLockTimeout() {}

  /**
   * Keeps the connection after a lock timeout; lets the pool decide for every other error.
   *
   * @param error what a statement failed with
   * @return {@code DO_NOT_EVICT} for H2's lock timeout, {@code CONTINUE_EVICT} otherwise
   */
  // java.lang's: the interface's own nested type is named Override too
  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException error) {
    return error.getErrorCode() == H2_LOCK_TIMEOUT
        ? SQLExceptionOverride.Override.DO_NOT_EVICT
        : SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
