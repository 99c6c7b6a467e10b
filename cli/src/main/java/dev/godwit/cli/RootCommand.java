package dev.godwit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code godwit} itself, which only dispatches to its subcommands. */
@Command(
    name = "godwit",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Runs, watches, cancels and verifies the online migrations of an application, and "
        + "plans, applies, exports and checks the schema steps of each phase.",
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  done",
        "  1  a migration failed, a verification found rows left, a schema step was refused, check "
            + "found problems, or the database could not be reached",
        "  2  bad usage: unknown option, bad value, unknown migration name",
        "  3  a run stopped on request (canceled or interrupted); run it again to continue",
        "",
        "The password is read from the " + Godwit.PASSWORD_VARIABLE + " environment variable.",
        "Put the application's jar on the class path to find its migrations:",
        "  java -cp godwit-cli.jar:app.jar dev.godwit.cli.Godwit list",
        "  java -jar godwit-cli.jar list --class-path app.jar"})
final class RootCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Godwit.EXIT_USAGE;
  }
}
