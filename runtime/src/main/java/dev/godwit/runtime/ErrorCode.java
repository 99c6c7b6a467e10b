package dev.godwit.runtime;

/**
 * The stable code of every error the runtime reports with a {@link MigrationException}, so that the
 * command line and framework integrations switch on {@link MigrationException#code()}, never on the
 * message's text, which may be reworded. Codes are never renamed or reused; each constant says the
 * situation and what fixes it.
 */
public enum ErrorCode {
  /** Another runner holds a live lease on the migration; wait for it, or cancel it. */
  ALREADY_RUNNING("GodwitAlreadyRunning"),
  /** This runner's lease expired and another runner took the migration over; give it a longer lease. */
  LEASE_LOST("GodwitLeaseLost"),
  /** The table does not match its mapping in the database's catalog; fix the table or the mapping. */
  SCHEMA_MISMATCH("GodwitSchemaMismatch"),
  /** The database cannot be reached, or went away; check that it is up and the URL is right. */
  DATABASE_UNREACHABLE("GodwitDatabaseUnreachable"),
  /** No registered dialect supports the database; use a supported one, or register a dialect. */
  UNSUPPORTED_DATABASE("GodwitUnsupportedDatabase"),
  /** The database refused a statement of the runtime (permissions, a missing schema...). */
  DATABASE_ERROR("GodwitDatabaseError"),
  /** The migration's name is recorded for another table; give each migration a name of its own. */
  NAME_TAKEN("GodwitNameTaken"),
  /** The stored cursor is not a key of the table any more; run again with a reset. */
  CURSOR_MISMATCH("GodwitCursorMismatch"),
  /** A row has NULL in a key column; make the key NOT NULL and unique. */
  NULL_KEY("GodwitNullKey"),
  /** A single-transaction run would visit more rows than its limit; run in batches. */
  TOO_MANY_ROWS("GodwitTooManyRows"),
  /** A decimal would be rounded to its column's scale; widen the column or round the value. */
  DECIMAL_SCALE("GodwitDecimalScale"),
  /** The run was interrupted; run it again to continue at its cursor. */
  INTERRUPTED("GodwitInterrupted"),
  /** An error without a more specific code. */
  OTHER("GodwitError");

  private final String tag;

  ErrorCode(String tag) {
    this.tag = tag;
  }

  /**
   * The code as logs and the command line print it, in the style of the processor's messages.
   *
   * @return for example {@code "GodwitAlreadyRunning"}
   */
  public String tag() {
    return tag;
  }
}
