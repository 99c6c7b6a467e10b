package dev.godwit.runtime;

import java.util.Locale;

/**
 * The runtime's error catalogue: the stable code of every error the runtime reports with a {@link
 * MigrationException}, and the one-sentence template of its message, naming the cause and the fix,
 * as the processor's {@code Message} does for compile-time errors. The command line and framework
 * integrations switch on {@link MigrationException#code()}, never on the message's text, which may be
 * reworded. Codes are never renamed or reused; each constant says the situation and what fixes it.
 *
 * <p>The templates live on the codes themselves rather than in a companion enum so that a code and
 * its wording cannot drift apart, and so that a throw site names the code once: {@code
 * ErrorCode.ALREADY_RUNNING.message(name)}. No throw site writes message text of its own.
 */
public enum ErrorCode {
  /** Another runner holds a live lease on the migration; wait for it, or cancel it. */
  ALREADY_RUNNING("GodwitAlreadyRunning",
      // lower case and without a period since its first release; the command line prints it as is
      "migration %s is already running in another runner"),
  /** This runner's lease expired and another runner took the migration over; give it a longer lease. */
  LEASE_LOST("GodwitLeaseLost",
      "Migration %s was taken over by another runner after this runner's lease expired; its"
          + " uncommitted batch was rolled back, so give it a longer lease if its heartbeats cannot"
          + " keep up."),
  /**
   * The table does not match its mapping in the database's catalog; fix the table or the mapping.
   * The template heads the list of several problems (each one sentence, from {@link
   * SchemaMismatchException.Problem#message()}); a single problem is the whole message.
   */
  SCHEMA_MISMATCH("GodwitSchemaMismatch",
      "%d problems with table %s must be fixed before it is migrated:%s"),
  /** The database cannot be reached, or went away; check that it is up and the URL is right. */
  DATABASE_UNREACHABLE("GodwitDatabaseUnreachable",
      "Cannot reach the database %s (%s); check that it is running and that its URL and credentials"
          + " are right."),
  /** No registered dialect supports the database; use a supported one, or register a dialect. */
  UNSUPPORTED_DATABASE("GodwitUnsupportedDatabase",
      "The database is %s, which no registered Godwit dialect supports; use %s, or put a jar that"
          + " registers a %s for it on the class path."),
  /** The database refused a statement of the runtime (permissions, a missing schema...). */
  DATABASE_ERROR("GodwitDatabaseError", "Could not %s: %s."),
  /** The migration's name is recorded for another table; give each migration a name of its own. */
  NAME_TAKEN("GodwitNameTaken",
      "Migration %s is recorded as a migration of table %s, not of %s; give each migration a name of"
          + " its own."),
  /** The stored cursor is not a key of the table any more; run again with a reset. */
  CURSOR_MISMATCH("GodwitCursorMismatch",
      "Migration %s recorded the cursor %s, which is not a key of %s (%s), so the key changed since"
          + " it ran; run it again with RunOptions.defaults().withReset() to start over from the"
          + " first row."),
  /** A row has NULL in a key column; make the key NOT NULL and unique. */
  NULL_KEY("GodwitNullKey",
      "Table %s has a row with NULL in its key column%s (%s), which Godwit cannot visit in key order"
          + " or write back; make the key the table's primary key, or a unique key over NOT NULL"
          + " columns."),
  /** A single-transaction run would visit more rows than its limit; run in batches. */
  TOO_MANY_ROWS("GodwitTooManyRows",
      "Migration %s would visit %d rows of %s in one transaction, more than the limit of %d; run it"
          + " in batches, or raise the limit if the table is really small."),
  /** A decimal would be rounded to its column's scale; widen the column or round the value. */
  DECIMAL_SCALE("GodwitDecimalScale", "Migration %s is refused: %s."),
  /**
   * The run was interrupted; run it again to continue at its cursor. The second argument says what
   * the run was doing: {@link #WHILE_MIGRATING} or {@link #WHILE_WAITING_TO_RETRY}.
   */
  INTERRUPTED("GodwitInterrupted", "Migration %s was interrupted while %s; run it again to continue."),
  /**
   * A schema step's guard does not hold when it is applied: a narrow step over rows its backfill
   * has not filled, a contract step while narrow steps are pending. Arguments: the phase and what
   * the step changes ("Narrow of teams.plan"), why (which migration, how many rows are left), and
   * the fix without its period.
   */
  SCHEMA_STEP_REFUSED("GodwitSchemaStepRefused", "%s refused: %s; %s."),
  /**
   * A schema statement never got its lock within its lock timeout, in any of its tries. Arguments:
   * what the step changes, the table, the lock timeout, the tries, who held the lock (empty, or a
   * clause with a leading comma), and the phase.
   */
  SCHEMA_LOCK_TIMEOUT("GodwitSchemaLockTimeout",
      "Could not apply %s: table %s stayed locked past the lock timeout of %s in each of %d"
          + " tries%s; end or shorten the transaction holding the lock, then apply %s again, or"
          + " give it a longer lock timeout or more tries."),
  /**
   * The schema cannot be planned faithfully, such as a verification whose condition holds a value
   * that has no exact SQL literal. Arguments: the table, the cause and the fix without its period.
   */
  SCHEMA_NOT_PLANNABLE("GodwitSchemaNotPlannable", "Cannot plan the schema of %s: %s; %s."),
  /**
   * The code and the database disagree: {@link Migrator#check} found problems. The template heads
   * the list of several problems (each one sentence, with its fix); a single problem is the whole
   * message.
   */
  SCHEMA_CHECK_FAILED("GodwitSchemaCheckFailed",
      "%d problems between the code and the database must be fixed before the code is served:%s"),
  /**
   * A {@linkplain HealthSignal health signal} cannot see what it measures, found before the first
   * batch. Arguments: the migration, the cause naming the privilege, and the fix without its period.
   */
  HEALTH_SIGNAL_REFUSED("GodwitHealthSignalRefused", "Migration %s is refused: %s; %s."),
  /** An error without a more specific code; its message is given whole. */
  OTHER("GodwitError", "%s");

  /** What an {@link #INTERRUPTED} run was doing: migrating a batch. */
  public static final String WHILE_MIGRATING = "migrating a batch";

  /** What an {@link #INTERRUPTED} run was doing: waiting before it retried a batch. */
  public static final String WHILE_WAITING_TO_RETRY = "waiting to retry a batch";

  private final String tag;
  private final String template;

  ErrorCode(String tag, String template) {
    this.tag = tag;
    this.template = template;
  }

  /**
   * The code as logs and the command line print it, in the style of the processor's messages.
   *
   * @return for example {@code "GodwitAlreadyRunning"}
   */
  public String tag() {
    return tag;
  }

  /**
   * The message's template, a {@link String#format} pattern whose arguments are named in this
   * code's source, in order.
   *
   * @return for example {@code "migration %s is already running in another runner"}
   */
  public String template() {
    return template;
  }

  /**
   * The message for this error, formatted in {@link Locale#ROOT} so that numbers print the same
   * everywhere.
   *
   * @param arguments the template's arguments, in order; {@code null} prints as {@code null}
   * @return the message, one sentence naming the cause and the fix
   * @throws java.util.IllegalFormatException if the arguments do not fit the template
   */
  public String message(Object... arguments) {
    return String.format(Locale.ROOT, template, arguments);
  }
}
