package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.AccountDeploys;
import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.cli.testing.CliProcess;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code godwit schema plan|apply|export} and {@code godwit check} taking an {@code accounts} table
 * from its old schema through every phase, with each deploy's code on the class path as an operator
 * puts its jar there; the commands that gate a phase run in a JVM of their own, as a deploy job runs
 * them.
 */
class SchemaCommandsTest {

  @TempDir Path folder;

  private String[] with(CliDatabase database, Class<? extends dev.godwit.runtime.MigrationProvider>
      deploy, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(database.args(args)));
    all.addAll(List.of("--class-path", AccountDeploys.classPath(folder, deploy)));
    return all.toArray(String[]::new);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void planApplyAndCheckTakeATableThroughEveryPhase(TestDatabase kind) throws Exception {
    try (CliDatabase database = CliDatabase.shared(kind, folder)) {
      AccountDeploys.createDeployZero(database, 12);
      Class<AccountDeploys.Deploy1> deploy1 = AccountDeploys.Deploy1.class;
      Class<AccountDeploys.Deploy2> deploy2 = AccountDeploys.Deploy2.class;
      Class<AccountDeploys.Deploy3> deploy3 = AccountDeploys.Deploy3.class;

      Cli.Result plan = Cli.run(with(database, deploy1, "schema", "plan"));
      assertEquals(Godwit.EXIT_DONE, plan.exitCode(), plan::toString);
      List<String> planLines = plan.out().lines().toList();
      assertTrue(planLines.contains("-- expand: 2 steps ('godwit schema apply --phase expand')"),
          plan::toString);
      assertTrue(planLines.contains("-- narrow: no step pending"), plan::toString);
      assertTrue(planLines.stream().anyMatch(line -> line.startsWith("ALTER TABLE")
          && line.contains("ADD COLUMN") && line.toLowerCase().contains("plan")), plan::toString);

      Cli.Result early = Cli.run(with(database, deploy1, "check"));
      assertEquals(Godwit.EXIT_FAILED, early.exitCode(), early::toString);
      assertTrue(early.out().startsWith("the code and the database disagree: "), early::toString);
      assertTrue(early.out().contains("--phase expand"), early::toString);

      Cli.Result dryRun = Cli.run(with(database, deploy1, "schema", "apply", "--phase", "expand",
          "--dry-run"));
      assertEquals(Godwit.EXIT_DONE, dryRun.exitCode(), dryRun::toString);
      assertTrue(dryRun.out().startsWith("expand, dry run: 2 steps would run, every guard holding "
          + "now; nothing was changed"), dryRun::toString);
      assertEquals(Godwit.EXIT_FAILED, Cli.run(with(database, deploy1, "check")).exitCode());

      Cli.Result expand = CliProcess.run(with(database, deploy1, "schema", "apply", "--phase",
          "expand"));
      assertEquals(Godwit.EXIT_DONE, expand.exitCode(), expand::toString);
      assertTrue(expand.out().startsWith("expand: applied 2 steps\n"), expand::toString);
      Cli.Result again = Cli.run(with(database, deploy1, "schema", "apply", "--phase", "expand"));
      assertEquals("expand: nothing to apply, the database already matches the code\n",
          again.out(), again::toString);
      Cli.Result checked = Cli.run(with(database, deploy1, "check"));
      assertEquals(Godwit.EXIT_DONE, checked.exitCode(), checked::toString);
      assertEquals("the database matches the code: 1 table checked\n", checked.out());

      // deploy 2 before its backfill: narrow is refused in one sentence naming the backfill
      assertEquals(Godwit.EXIT_DONE,
          Cli.run(with(database, deploy2, "schema", "apply", "--phase", "expand")).exitCode());
      Cli.Result refused = CliProcess.run(with(database, deploy2, "schema", "apply", "--phase",
          "narrow"));
      assertEquals(Godwit.EXIT_FAILED, refused.exitCode(), refused::toString);
      assertEquals("godwit schema apply: Narrow of accounts.plan refused: accounts.backfillPlan has "
          + "12 rows left (verification accounts.backfillPlan); run it, then apply narrow again.\n",
          refused.err(), refused::toString);
      assertEquals(12, database.count("SELECT COUNT(*) FROM accounts WHERE plan IS NULL"));

      Cli.Result backfill = Cli.run(with(database, deploy2, "run", AccountDeploys.BACKFILL));
      assertEquals(Godwit.EXIT_DONE, backfill.exitCode(), backfill::toString);
      Cli.Result narrow = CliProcess.run(with(database, deploy2, "schema", "apply", "--phase",
          "narrow"));
      assertEquals(Godwit.EXIT_DONE, narrow.exitCode(), narrow::toString);
      assertTrue(narrow.out().startsWith("narrow: applied 1 step\n"), narrow::toString);
      assertEquals(Godwit.EXIT_DONE, Cli.run(with(database, deploy2, "check")).exitCode());

      Cli.Result contractPlan = Cli.run(with(database, deploy3, "schema", "plan", "--phase",
          "contract"));
      assertTrue(contractPlan.out().contains("DROP COLUMN"), contractPlan::toString);
      assertFalse(contractPlan.out().contains("-- expand"), contractPlan::toString);
      Cli.Result contract = CliProcess.run(with(database, deploy3, "schema", "apply", "--phase",
          "contract"));
      assertEquals(Godwit.EXIT_DONE, contract.exitCode(), contract::toString);
      assertEquals(0, database.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE "
          + "LOWER(TABLE_NAME) = 'accounts' AND LOWER(COLUMN_NAME) = 'legacy_code'"
          // MariaDB's catalog shows every database of the server: this test's only
          + (kind == TestDatabase.MARIADB ? " AND TABLE_SCHEMA = DATABASE()" : "")));
      Cli.Result done = Cli.run(with(database, deploy3, "schema", "plan"));
      assertEquals("-- the database matches the code: no schema step is pending\n", done.out(),
          done::toString);
      assertEquals(Godwit.EXIT_DONE, Cli.run(with(database, deploy3, "check")).exitCode());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void applyGivesUpAfterItsTriesWhileATransactionHoldsTheTable(TestDatabase kind) throws Exception {
    try (CliDatabase database = CliDatabase.shared(kind, folder)) {
      AccountDeploys.createDeployZero(database, 3);
      try (Connection holder = database.dataSource().getConnection();
          Statement statement = holder.createStatement()) {
        holder.setAutoCommit(false);
        statement.executeUpdate("UPDATE accounts SET name = 'held' WHERE id = 1");

        Cli.Result result = CliProcess.run(with(database, AccountDeploys.Deploy1.class, "schema",
            "apply", "--phase", "expand", "--lock-timeout", "200ms", "--max-tries", "2"));

        assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
        // the retry is a warning, the refusal one sentence
        List<String> lines = result.err().lines().toList();
        assertEquals(2, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("WARN expand step on accounts: lock not granted within "
            + "200 ms (try 1 of 2)"), result::toString);
        assertTrue(lines.get(1).startsWith("godwit schema apply: Could not apply "), result::toString);
        assertTrue(lines.get(1).contains("table accounts stayed locked past the lock timeout of "
            + "200 ms in each of 2 tries"), result::toString);
        holder.rollback();
      }
      Cli.Result released = Cli.run(with(database, AccountDeploys.Deploy1.class, "schema", "apply",
          "--phase", "expand", "--lock-timeout", "200ms"));
      assertEquals(Godwit.EXIT_DONE, released.exitCode(), released::toString);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void exportWritesOneFlywayFilePerPhaseAndNeverOverwritesOne(TestDatabase kind) throws Exception {
    try (CliDatabase database = CliDatabase.create(kind, folder)) {
      AccountDeploys.createDeployZero(database, 3);
      Path out = folder.resolve("db/migration");

      Cli.Result first = Cli.run(with(database, AccountDeploys.Deploy1.class, "schema", "export",
          "--format", "flyway", "--dir", out.toString(), "--version", "5"));
      Cli.Result second = Cli.run(with(database, AccountDeploys.Deploy1.class, "schema", "export",
          "--format", "flyway", "--dir", out.toString(), "--version", "5"));
      Cli.Result liquibase = Cli.run(with(database, AccountDeploys.Deploy1.class, "schema",
          "export", "--format", "liquibase", "--dir", out.toString(), "--version", "5"));

      assertEquals(Godwit.EXIT_DONE, first.exitCode(), first::toString);
      assertEquals("wrote " + out.resolve("V5.1__godwit_expand.sql") + ": expand, 2 steps\n",
          first.out());
      assertTrue(Files.readString(out.resolve("V5.1__godwit_expand.sql")).contains("ADD COLUMN"));
      assertEquals(Godwit.EXIT_USAGE, second.exitCode(), second::toString);
      assertEquals("godwit schema export: " + out.resolve("V5.1__godwit_expand.sql") + " exists "
          + "already, and an exported file is never overwritten; give another --version\n",
          second.err());
      assertEquals(Godwit.EXIT_DONE, liquibase.exitCode(), liquibase::toString);
      try (Stream<Path> files = Files.list(out)) {
        assertEquals(List.of("V5.1__godwit_expand.sql", "godwit_5_expand.sql"),
            files.map(path -> path.getFileName().toString()).sorted().toList());
      }
      assertTrue(Files.readString(out.resolve("godwit_5_expand.sql"))
          .startsWith("--liquibase formatted sql\n"));
    }
  }

  @Test
  void schemaCommandsFindNoSchemaWithoutTheApplicationsJar() {
    Cli.Result result = Cli.run("check", "--url", "jdbc:postgresql://127.0.0.1:1/nothing");

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit check: no table schema was found; " + Migrations.CLASS_PATH_HINT
        + ", compiled with Godwit's processor, which publishes each XTable.SCHEMA\n", result.err());
  }

  @Test
  void theMigratePhaseHoldsNoSchemaStep() {
    Cli.Result result = Cli.run("schema", "apply", "--phase", "migrate", "--url",
        "jdbc:postgresql://127.0.0.1:1/nothing");

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit schema apply: invalid value for option '--phase': the migrate phase holds "
        + "no schema step, only migrations, which 'godwit run' runs; give expand, narrow or "
        + "contract\n", result.err());
  }

  @Test
  void applyNeedsAPhase() {
    Cli.Result result = Cli.run("schema", "apply", "--url", "jdbc:postgresql://127.0.0.1:1/nothing");

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit schema apply: missing option '--phase'; run with --help to see what it "
        + "takes\n", result.err());
  }

  @Test
  void exportFormatIsFlywayOrLiquibase() {
    Cli.Result result = Cli.run("schema", "export", "--format", "sqitch", "--dir", "out", "--url",
        "jdbc:postgresql://127.0.0.1:1/nothing");

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit schema export: --format must be flyway or liquibase, not 'sqitch'\n",
        result.err());
  }
}
