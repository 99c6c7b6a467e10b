package dev.godwit.cli;

/**
 * Ends a command with an exit code and a one-sentence message that says what went wrong and how to
 * fix it.
 */
final class CommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CommandException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad usage: an argument the user has to change. */
  static CommandException usage(String message) {
    return new CommandException(Godwit.EXIT_USAGE, message, null);
  }

  /** The command could not do its work, for a reason outside its arguments. */
  static CommandException failure(String message, Throwable cause) {
    return new CommandException(Godwit.EXIT_FAILED, message, cause);
  }

  int exitCode() {
    return exitCode;
  }
}
