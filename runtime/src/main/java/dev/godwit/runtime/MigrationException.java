package dev.godwit.runtime;

/**
 * A migration could not be run: the database could not be reached, the migration is already running
 * elsewhere, or a single-transaction run was refused. A failure inside a batch is not thrown: it is
 * recorded, and the run returns with state {@link MigrationState#FAILED}.
 */
public class MigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a one-sentence message.
   *
   * @param message says what went wrong
   */
  public MigrationException(String message) {
    super(message);
  }

  /**
   * An exception with a one-sentence message and its cause.
   *
   * @param message says what went wrong
   * @param cause the underlying error
   */
  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
