package dev.godwit.cli;

import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one sentence on standard error, prefixed with the command that failed, and
 * into the exit code that tells scripts what happened. The stack trace follows only with
 * {@code --verbose}.
 */
final class ErrorReporter {

  private ErrorReporter() {}

  /** Picocli's handler for arguments it could not parse: always bad usage. */
  static int reportUsageError(ParameterException error, String[] args) {
    report(error.getCommandLine(), sentence(error), null);
    return Godwit.EXIT_USAGE;
  }

  /** Picocli's handler for exceptions thrown by a command. */
  static int reportFailure(Exception error, CommandLine commandLine, ParseResult parseResult) {
    boolean verbose = commandLine.getCommand() instanceof GodwitCommand command && command.verbose();
    Throwable trace = verbose ? error : null;
    if (error instanceof CommandException failure) {
      report(commandLine, failure.getMessage(), trace);
      return failure.exitCode();
    }
    if (error instanceof MigrationException) {
      report(commandLine, firstLine(error.getMessage()), trace);
      return Godwit.EXIT_FAILED;
    }
    String what = error.getMessage() == null
        ? error.getClass().getName()
        : error.getClass().getName() + ": " + firstLine(error.getMessage());
    report(commandLine, "unexpected " + what
        + (verbose ? "" : "; run again with --verbose to see where it came from"), trace);
    return Godwit.EXIT_FAILED;
  }

  private static void report(CommandLine commandLine, String sentence, Throwable trace) {
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getCommandSpec().qualifiedName() + ": " + sentence);
    if (trace != null) {
      trace.printStackTrace(err);
    }
    err.flush();
  }

  /** Picocli's messages, rephrased as our sentences where they can say more. */
  private static String sentence(ParameterException error) {
    if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return unmatched(unmatched);
    }
    if (error instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      return missing(missing.getMissing());
    }
    return uncapitalized(firstLine(error.getMessage()));
  }

  private static String unmatched(UnmatchedArgumentException error) {
    String argument = error.getUnmatched().get(0);
    if (argument.startsWith("--password") || argument.equals("-p")) {
      return "the password is never an argument, so that it stays out of the shell history and the "
          + "process list; set the " + Godwit.PASSWORD_VARIABLE + " environment variable instead";
    }
    if (error.isUnknownOption()) {
      List<String> suggestions = error.getSuggestions();
      return "unknown option '" + argument + "'" + (suggestions.isEmpty()
          ? "; run with --help to see the options"
          : "; did you mean '" + suggestions.get(0) + "'?");
    }
    Set<String> commands = error.getCommandLine().getSubcommands().keySet();
    if (!commands.isEmpty()) {
      return "unknown command '" + argument + "'" + MigrationRegistry.closest(argument, commands)
          .map(closest -> "; did you mean '" + closest + "'?")
          .orElse("; the commands are " + String.join(", ", commands));
    }
    return "unexpected argument '" + argument + "'; run with --help to see what this command takes";
  }

  private static String missing(List<ArgSpec> missing) {
    ArgSpec first = missing.get(0);
    if (first instanceof OptionSpec option) {
      return "missing option '" + option.longestName() + "'; run with --help to see what it takes";
    }
    return "missing " + first.paramLabel() + "; run with --help to see what this command takes";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  private static String uncapitalized(String message) {
    if (message.isEmpty() || message.length() > 1 && Character.isUpperCase(message.charAt(1))) {
      return message;
    }
    return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }
}
