package dev.godwit.runtime;

/**
 * The four phases a breaking change to a table moves through, in order. Every generated migration and
 * every schema step belongs to one:
 *
 * <ul>
 *   <li>{@link #EXPAND}: schema only, and always safe for the code running before and after it:
 *       {@code CREATE TABLE}, {@code ADD COLUMN} of a nullable column, {@code DROP NOT NULL} on a
 *       column the new code stops writing.
 *   <li>{@link #MIGRATE}: data only: backfills, online and batched, each verified.
 *   <li>{@link #NARROW}: schema only: {@code SET NOT NULL} on a column the new code requires, gated on
 *       the backfill that fills it being verified complete at that moment.
 *   <li>{@link #CONTRACT}: what destroys data: {@code DROP COLUMN} of a column no code maps any more,
 *       and the clears of deprecated columns. Never run by a run of "everything"; only on explicit
 *       request.
 * </ul>
 */
public enum Phase {
  /** Adds what the new code needs and relaxes what it stops writing. */
  EXPAND,
  /** Backfills the data the new code needs. */
  MIGRATE,
  /** Requires what the new code requires, once the data is there. */
  NARROW,
  /** Removes what no code maps any more. */
  CONTRACT;

  /**
   * The phase's name as the command line and the documentation write it: {@code expand},
   * {@code migrate}, {@code narrow}, {@code contract}.
   *
   * @return the lower-case name
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
