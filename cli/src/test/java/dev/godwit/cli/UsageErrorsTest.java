package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every kind of bad usage exits with 2 and one sentence that names the problem, before any database
 * is contacted (the URL below points at nothing).
 */
class UsageErrorsTest {

  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nothing";

  private static void assertUsageError(String sentence, String... args) {
    Cli.Result result = Cli.run(args);
    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals(sentence + "\n", result.err(), result::toString);
  }

  @Test
  void runWithNeitherNamesNorAll() {
    assertUsageError("godwit run: say which migrations to run: name them, or give --all; "
        + "'godwit list' shows them", "run", "--url", NOWHERE);
  }

  @Test
  void runWithNamesAndAll() {
    assertUsageError("godwit run: give either migration names or --all, not both",
        "run", "teams.backfillPlan", "--all", "--url", NOWHERE);
  }

  @Test
  void unknownMigrationNameSuggestsTheClosestOne() {
    assertUsageError("godwit run: unknown migration 'teams.backfilPlan'; did you mean "
        + "'teams.backfillPlan'?", "run", "teams.backfilPlan", "--url", NOWHERE);
  }

  @Test
  void unknownMigrationNameFarFromEveryOne() {
    assertUsageError("godwit verify: unknown migration 'orders.split'; 'godwit list' shows the "
        + "migrations found", "verify", "orders.split", "--url", NOWHERE);
  }

  @Test
  void includeDestructiveWithoutAll() {
    assertUsageError("godwit run: --include-destructive goes with --all: a migration named always "
        + "runs", "run", "teams.clearIsPro", "--include-destructive", "--url", NOWHERE);
  }

  @Test
  void batchSizeThatIsNotPositive() {
    assertUsageError("godwit run: --batch-size must be a positive number of rows, not 0",
        "run", "--all", "--batch-size", "0", "--url", NOWHERE);
  }

  @Test
  void workersBelowOne() {
    assertUsageError("godwit run: --workers must be at least 1, not 0",
        "run", "--all", "--workers", "0", "--url", NOWHERE);
  }

  @Test
  void batchSizeThatIsNotANumber() {
    assertUsageError("godwit run: invalid value for option '--batch-size': 'many' is not an int",
        "run", "--all", "--batch-size", "many", "--url", NOWHERE);
  }

  @Test
  void pauseThatIsNotADuration() {
    assertUsageError("godwit run: invalid value for option '--pause': 'soon' is not a duration; "
        + "write it like 250ms, 2s, 5m or 1h", "run", "--all", "--pause", "soon", "--url", NOWHERE);
  }

  @Test
  void unknownOptionSuggestsTheClosestOne() {
    assertUsageError("godwit run: unknown option '--bach-size'; did you mean '--batch-size'?",
        "run", "--all", "--bach-size", "5", "--url", NOWHERE);
  }

  @Test
  void unknownCommandSuggestsTheClosestOne() {
    assertUsageError("godwit: unknown command 'lsit'; did you mean 'list'?", "lsit");
  }

  @Test
  void passwordIsNeverAnArgument() {
    assertUsageError("godwit status: the password is never an argument, so that it stays out of the "
        + "shell history and the process list; set the GODWIT_PASSWORD environment variable instead",
        "status", "--url", NOWHERE, "--password", "secret");
  }

  @Test
  void missingUrl() {
    assertUsageError("godwit status: missing option '--url'; name the database, for example "
        + "--url jdbc:postgresql://localhost:5432/app or --url jdbc:h2:./data/app", "status");
  }

  @Test
  void urlThatIsNotJdbc() {
    assertUsageError("godwit status: --url must be a JDBC URL such as "
        + "jdbc:postgresql://localhost:5432/app or jdbc:h2:./data/app, not 'localhost:5432/app'",
        "status", "--url", "localhost:5432/app");
  }

  @Test
  void urlNoBundledDriverAccepts() {
    assertUsageError("godwit status: no JDBC driver accepts --url 'jdbc:mysql://db/app?password=***'; "
        + "godwit bundles the H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...) drivers",
        "status", "--url", "jdbc:mysql://db/app?password=secret");
  }

  @Test
  void cancelWithoutAName() {
    assertUsageError("godwit cancel: missing NAME; run with --help to see what this command takes",
        "cancel", "--url", NOWHERE);
  }

  @Test
  void cancelWithTwoNames() {
    assertUsageError("godwit cancel: unexpected argument 'slow.touch'; run with --help to see what "
        + "this command takes", "cancel", "teams.backfillPlan", "slow.touch", "--url", NOWHERE);
  }

  @Test
  void verifyOfAMigrationWithoutVerification() {
    assertUsageError("godwit verify: migration 'teams.clearIsPro' has no verification; 'godwit list' "
        + "shows which migrations have one", "verify", "teams.clearIsPro", "--url", NOWHERE);
  }

  @Test
  void watchIntervalOfZero() {
    assertUsageError("godwit status: --interval must be longer than zero, such as 500ms or 2s",
        "status", "--watch", "--interval", "0s", "--url", NOWHERE);
  }

  @Test
  void noCommandPrintsTheUsage() {
    Cli.Result result = Cli.run();

    assertEquals(Godwit.EXIT_USAGE, result.exitCode());
    assertTrue(result.err().startsWith("Usage: godwit [-hV] COMMAND"), result::toString);
    assertTrue(result.err().contains("GODWIT_PASSWORD"), result::toString);
  }

  /** Every command's path below the root, the {@code help} command aside, in the tree's order. */
  static Stream<List<String>> commandPaths() {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    List<List<String>> paths = new ArrayList<>();
    collect(new Godwit(sink, sink, Map.of(), false).commandLine(), List.of(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      List<String> subPath = new ArrayList<>(path);
      subPath.add(sub.getKey());
      paths.add(subPath);
      collect(sub.getValue(), subPath, paths);
    }
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyCommandPrintsItsOwnHelpWithDashDashHelpAndDashH(List<String> path) {
    for (String option : List.of("--help", "-h")) {
      List<String> args = new ArrayList<>(path);
      args.add(option);
      Cli.Result result = Cli.run(args.toArray(String[]::new));

      assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
      assertTrue(result.out().startsWith("Usage: godwit " + String.join(" ", path) + " "),
          result::toString);
      assertEquals("", result.err());
    }
  }

  @Test
  void helpIsNotAnError() {
    Cli.Result result = Cli.run("run", "--help");

    assertEquals(Godwit.EXIT_DONE, result.exitCode());
    assertTrue(result.out().contains("--dry-run"), result::toString);
    assertEquals("", result.err());
  }
}
