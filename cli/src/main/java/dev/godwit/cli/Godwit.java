package dev.godwit.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code godwit} command line: runs, watches, cancels, verifies and lists the migrations published
 * on its class path (through {@link dev.godwit.runtime.MigrationProvider}), and plans, applies,
 * exports and checks the schema steps of their tables' lifecycle, against the database named by
 * {@code --url}.
 *
 * <pre>{@code
 * export GODWIT_PASSWORD=...
 * java -cp godwit-cli.jar:app.jar dev.godwit.cli.Godwit run --all --url jdbc:postgresql://db:5432/app --user app
 * }</pre>
 *
 * <p>Every command ends with one of the exit codes below. Every error is one sentence on standard
 * error; its stack trace follows only with {@code --verbose}.
 */
public final class Godwit {

  /** Exit code: everything asked was done. */
  public static final int EXIT_DONE = 0;

  /**
   * Exit code: a migration failed, a verification found rows left, or the database could not be
   * reached.
   */
  public static final int EXIT_FAILED = 1;

  /** Exit code: bad usage, such as an unknown option, a bad value or an unknown migration name. */
  public static final int EXIT_USAGE = 2;

  /**
   * Exit code: a run stopped on request (canceled, or paused by an interrupt) before it was done;
   * running it again continues where it stopped.
   */
  public static final int EXIT_STOPPED = 3;

  /** The environment variable the database password is read from; it is never an argument. */
  public static final String PASSWORD_VARIABLE = "GODWIT_PASSWORD";

  private final Context context;

  /**
   * A command line writing to the given streams.
   *
   * @param out where results and progress go
   * @param err where errors go
   * @param environment the environment variables, for {@value #PASSWORD_VARIABLE}
   * @param interactive whether {@code out} is a terminal: progress bars and a refreshing screen if
   *     so, plain lines if not
   */
  public Godwit(PrintStream out, PrintStream err, Map<String, String> environment, boolean interactive) {
    this.context = new Context(out, err, Map.copyOf(environment), interactive);
  }

  /**
   * Runs the command line with the process's streams and environment, and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Logging.configure(Arrays.asList(args).contains("--verbose"));
    int exitCode = new Godwit(System.out, System.err, System.getenv(), isTerminal()).execute(args);
    System.exit(exitCode);
  }

  /** Whether standard output is a terminal that can redraw lines. */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      // From Java 22 a console exists for redirected output too, and says so through isTerminal().
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException olderJava) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Runs one command.
   *
   * @param args the arguments, as on the command line
   * @return the exit code: {@link #EXIT_DONE}, {@link #EXIT_FAILED}, {@link #EXIT_USAGE} or
   *     {@link #EXIT_STOPPED}
   */
  public int execute(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The picocli command line, with every subcommand, writing to this instance's streams.
   *
   * @return a new command line, ready to {@link CommandLine#execute(String...) execute} once
   */
  public CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new RootCommand());
    commandLine.addSubcommand(new RunCommand(context));
    commandLine.addSubcommand(new StatusCommand(context));
    commandLine.addSubcommand(new CancelCommand(context));
    commandLine.addSubcommand(new VerifyCommand(context));
    commandLine.addSubcommand(new ListCommand(context));
    commandLine.addSubcommand(new CheckCommand(context));
    commandLine.addSubcommand(new CommandLine(new SchemaCommand())
        .addSubcommand(new SchemaPlanCommand(context))
        .addSubcommand(new SchemaApplyCommand(context))
        .addSubcommand(new SchemaExportCommand(context)));
    commandLine.addSubcommand(new CommandLine.HelpCommand());
    // Set last: these settings reach only the subcommands already added.
    commandLine.setOut(new PrintWriter(context.out(), true));
    commandLine.setErr(new PrintWriter(context.err(), true));
    commandLine.setParameterExceptionHandler(ErrorReporter::reportUsageError);
    commandLine.setExecutionExceptionHandler(ErrorReporter::reportFailure);
    return commandLine;
  }
}
