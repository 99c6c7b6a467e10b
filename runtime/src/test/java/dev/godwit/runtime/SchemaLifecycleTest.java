package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Accounts.Account;
import dev.godwit.runtime.SchemaMismatchException.Code;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deploy lifecycle from the genuinely old schema: plan and apply expand, backfill under a
 * concurrent writer, narrow refused while a row lacks the value and then applied, contract, and
 * check passing exactly when the code may be served, with every step recorded once.
 */
class SchemaLifecycleTest {

  private static final int ROWS = 300;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theTableMovesFromTheOldSchemaThroughEveryPhase(TestDatabase kind) throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, ROWS);
    Migrator migrator = db.migrator();
    List<TableSchema<?>> deploy1 = List.of(Accounts.DEPLOY_1);
    List<TableSchema<?>> deploy2 = List.of(Accounts.DEPLOY_2);
    List<TableSchema<?>> deploy3 = List.of(Accounts.DEPLOY_3);

    // deploy 1's code cannot be served on the old schema
    assertEquals(List.of(Code.COLUMN_MISSING, Code.EXPAND_PENDING), codes(migrator, deploy1));

    SchemaPlan plan = migrator.plan(deploy1);
    boolean mySql = kind == TestDatabase.MARIADB;
    assertEquals(List.of(
        "ALTER TABLE " + q(db, "accounts") + " ADD COLUMN " + q(db, "plan") + " VARCHAR(10)"
            + (mySql ? ", ALGORITHM=INSTANT" : ""),
        "ALTER TABLE " + q(db, "accounts") + (mySql
            ? " MODIFY COLUMN `legacy_code` varchar(20) NULL, ALGORITHM=INPLACE, LOCK=NONE"
            : " ALTER COLUMN " + q(db, "legacy_code") + " DROP NOT NULL")),
        plan.steps(Phase.EXPAND).stream().flatMap(step -> step.statements().stream()).toList());
    assertEquals(List.of(SchemaStep.Kind.ADD_COLUMN, SchemaStep.Kind.DROP_NOT_NULL),
        plan.steps(Phase.EXPAND).stream().map(SchemaStep::kind).toList());
    assertTrue(plan.steps(Phase.CONTRACT).isEmpty());
    assertEquals(mySql, plan.steps(Phase.EXPAND).get(1).description().contains("On MySQL/MariaDB"
        + " this rebuilds the table in place (ALGORITHM=INPLACE, LOCK=NONE)"),
        plan.steps(Phase.EXPAND).get(1).description());

    ApplyResult dryRun = migrator.apply(deploy1, Phase.EXPAND, ApplyOptions.dryRun());
    assertEquals(2, dryRun.wouldRun().size());
    assertTrue(dryRun.applied().isEmpty());
    assertEquals(0, db.count(columnCount(db, "plan")), "a dry run ran a statement");

    ApplyResult expand = migrator.apply(deploy1, Phase.EXPAND);
    assertEquals(2, expand.applied().size());
    assertEquals(List.of(1, 1), expand.steps().stream().map(ApplyResult.StepResult::tries).toList());
    assertDoesNotThrow(() -> migrator.check(deploy1));
    assertTrue(migrator.apply(deploy1, Phase.EXPAND).isEmpty(), "applying twice is not a no-op");
    assertTrue(migrator.plan(deploy1).isEmpty());

    // deploy 2 needs its own expand step (is_pro stops being written) and the backfill
    SchemaMismatchException early = assertThrows(SchemaMismatchException.class,
        () -> migrator.check(deploy2));
    assertEquals(List.of(Code.EXPAND_PENDING, Code.REQUIRED_HOLDS_NULL), codes(early));
    assertEquals("Column accounts.plan holds NULL in " + ROWS + " rows, but the code requires a"
        + " value; run accounts.backfillPlan, which fills it, before serving this code.",
        early.problems().get(1).message());
    MigrationException notExpanded = assertThrows(MigrationException.class,
        () -> migrator.apply(deploy2, Phase.NARROW));
    assertEquals(ErrorCode.SCHEMA_STEP_REFUSED, notExpanded.code());
    assertEquals("Narrow of accounts.plan refused: the expand step of accounts.is_pro is pending"
        + " (let accounts.is_pro hold NULL: the new code may stop writing it); apply expand, then"
        + " apply narrow again.", notExpanded.getMessage());
    assertEquals(1, migrator.apply(deploy2, Phase.EXPAND).applied().size());

    MigrationException unfilled = assertThrows(MigrationException.class,
        () -> migrator.apply(deploy2, Phase.NARROW));
    assertEquals("Narrow of accounts.plan refused: accounts.backfillPlan has " + ROWS + " rows left"
        + " (verification accounts.backfillPlan); run it, then apply narrow again.",
        unfilled.getMessage());

    long writes = backfillUnderAWriter(db, migrator);
    assertTrue(writes > 0, "the writer never wrote");
    assertDoesNotThrow(() -> migrator.check(deploy2), "a narrow step whose data is ready");

    // an old instance still running writes one row without a plan
    db.execute("INSERT INTO accounts (id, name, is_pro, legacy_code) VALUES (100000, 'late',"
        + " TRUE, 'L')");
    assertEquals(List.of(Code.REQUIRED_HOLDS_NULL), codes(migrator, deploy2));
    MigrationException straggler = assertThrows(MigrationException.class,
        () -> migrator.apply(deploy2, Phase.NARROW));
    assertEquals("Narrow of accounts.plan refused: accounts.backfillPlan has 1 row left"
        + " (verification accounts.backfillPlan); run it, then apply narrow again.",
        straggler.getMessage());
    assertEquals(straggler.getMessage(), assertThrows(MigrationException.class,
        () -> migrator.apply(deploy2, Phase.NARROW, ApplyOptions.dryRun())).getMessage(),
        "a dry run checks the guards");

    // deploy 3's code cannot be served, nor contracted, before narrow
    assertEquals(List.of(Code.REQUIRED_HOLDS_NULL, Code.NARROW_PENDING), codes(migrator, deploy3));
    MigrationException tooSoon = assertThrows(MigrationException.class,
        () -> migrator.apply(deploy3, Phase.CONTRACT));
    assertTrue(tooSoon.getMessage().startsWith("Contract of accounts.legacy_code refused: the"
        + " narrow step of accounts.plan is pending"), tooSoon.getMessage());

    assertTrue(migrator.run(Accounts.backfillPlan(50), RunOptions.defaults().withReset())
        .succeeded());
    List<String> narrowSql = migrator.plan(deploy2).steps(Phase.NARROW).get(0).statements();
    if (mySql) {
      assertEquals(List.of("ALTER TABLE `accounts` MODIFY COLUMN `plan` varchar(10) NOT NULL,"
          + " ALGORITHM=INPLACE, LOCK=NONE"), narrowSql);
    }
    ApplyResult narrow = migrator.apply(deploy2, Phase.NARROW);
    assertEquals(List.of(SchemaStep.Kind.SET_NOT_NULL),
        narrow.applied().stream().map(SchemaStep::kind).toList());
    assertEquals(kind == TestDatabase.POSTGRES ? 4 : 1, narrow.applied().get(0).statements().size());
    assertEquals("NO", db.rows(nullable(db, "plan")).get(0).values().iterator().next());
    assertDoesNotThrow(() -> migrator.check(deploy2));
    assertDoesNotThrow(() -> migrator.check(deploy3), "a pending contract step is no problem");
    assertTrue(migrator.apply(deploy2, Phase.NARROW).isEmpty());

    ApplyResult contract = migrator.apply(deploy3, Phase.CONTRACT);
    assertEquals(List.of("ALTER TABLE " + q(db, "accounts") + " DROP COLUMN " + q(db, "legacy_code")
        + (mySql ? ", ALGORITHM=INSTANT" : "")),
        contract.applied().get(0).statements());
    assertEquals(0, db.count(columnCount(db, "legacy_code")));
    assertDoesNotThrow(() -> migrator.check(deploy3));
    assertTrue(migrator.plan(deploy3).isEmpty());
    assertTrue(migrator.apply(deploy3, Phase.CONTRACT).isEmpty());

    List<String> history = db.rows("SELECT phase, table_name, column_name, kind, applied_by,"
        + " statements FROM godwit_schema_history ORDER BY applied_at")
        .stream().map(row -> row.get("phase") + " " + row.get("table_name") + "."
            + row.get("column_name") + " " + row.get("kind") + " by " + row.get("applied_by"))
        .toList();
    String worker = "pid " + ProcessHandle.current().pid();
    assertEquals(List.of(
        "expand accounts.plan ADD_COLUMN by " + worker,
        "expand accounts.legacy_code DROP_NOT_NULL by " + worker,
        "expand accounts.is_pro DROP_NOT_NULL by " + worker,
        "narrow accounts.plan SET_NOT_NULL by " + worker,
        "contract accounts.legacy_code DROP_COLUMN by " + worker), history);
  }

  /**
   * Runs the backfill while a writer inserts rows the way deploy 1's code does (both columns) and
   * renames random rows; returns how many statements the writer completed.
   */
  private static long backfillUnderAWriter(Db db, Migrator migrator) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong writes = new AtomicLong();
    CountDownLatch writing = new CountDownLatch(1);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (Connection connection = db.dataSource.getConnection();
          PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (id, name,"
              + " is_pro, plan, legacy_code) VALUES (?, 'new', TRUE, 'PRO', NULL)");
          PreparedStatement rename = connection.prepareStatement(
              "UPDATE accounts SET name = ? WHERE id = ?")) {
        long next = 10_000;
        while (!done.get()) {
          insert.setLong(1, next++);
          insert.executeUpdate();
          rename.setString(1, "renamed " + next);
          rename.setLong(2, ThreadLocalRandom.current().nextLong(1, ROWS + 1));
          try {
            rename.executeUpdate();
          } catch (SQLException e) {
            // a lock timeout against a batch leaves the row as it was
          }
          writes.addAndGet(2);
          writing.countDown();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(writing.await(30, TimeUnit.SECONDS));
    RunResult result = migrator.run(Accounts.backfillPlan(20));
    done.set(true);
    writer.get(60, TimeUnit.SECONDS);
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(0, db.count("SELECT COUNT(*) FROM accounts WHERE plan IS NULL"));
    return writes.get();
  }

  private static List<Code> codes(Migrator migrator, List<TableSchema<?>> schemas) {
    return codes(assertThrows(SchemaMismatchException.class, () -> migrator.check(schemas)));
  }

  private static List<Code> codes(SchemaMismatchException refusal) {
    return refusal.problems().stream().map(Problem::code).toList();
  }

  /** A name as this database's plan quotes it. */
  private static String q(Db db, String name) {
    char quote = db.kind == TestDatabase.MARIADB ? '`' : '"';
    return quote + (db.kind == TestDatabase.H2 ? name.toUpperCase(Locale.ROOT) : name) + quote;
  }

  private static String columnCount(Db db, String column) {
    return "SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'accounts'"
        + " AND LOWER(column_name) = '" + column + "'" + thisDatabase(db);
  }

  private static String nullable(Db db, String column) {
    return "SELECT is_nullable FROM information_schema.columns WHERE LOWER(table_name) ="
        + " 'accounts' AND LOWER(column_name) = '" + column + "'" + thisDatabase(db);
  }

  /** On MariaDB, the catalog shows every database of the server: this test's only. */
  private static String thisDatabase(Db db) {
    return db.kind == TestDatabase.MARIADB ? " AND table_schema = DATABASE()" : "";
  }
}
