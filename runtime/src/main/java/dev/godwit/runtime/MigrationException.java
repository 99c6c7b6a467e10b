package dev.godwit.runtime;

/**
 * A migration could not be run: the database could not be reached, the migration is already running
 * elsewhere, or a single-transaction run was refused. A failure inside a batch is not thrown: it is
 * recorded, and the run returns with state {@link MigrationState#FAILED}.
 */
public class MigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * An exception with a one-sentence message and no specific code ({@link ErrorCode#OTHER}).
   *
   * @param message says what went wrong
   */
  public MigrationException(String message) {
    this(ErrorCode.OTHER, message, null);
  }

  /**
   * An exception with a one-sentence message and its cause, and no specific code.
   *
   * @param message says what went wrong
   * @param cause the underlying error
   */
  public MigrationException(String message, Throwable cause) {
    this(ErrorCode.OTHER, message, cause);
  }

  /**
   * An exception with its code and a one-sentence message.
   *
   * @param code the stable code
   * @param message says what went wrong and how to fix it
   */
  public MigrationException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /**
   * An exception with its code, a one-sentence message and its cause.
   *
   * @param code the stable code
   * @param message says what went wrong and how to fix it
   * @param cause the underlying error, or {@code null}
   */
  public MigrationException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = java.util.Objects.requireNonNull(code, "code");
  }

  /**
   * What went wrong, as a stable code to switch on.
   *
   * @return the code
   */
  public ErrorCode code() {
    return code;
  }
}
