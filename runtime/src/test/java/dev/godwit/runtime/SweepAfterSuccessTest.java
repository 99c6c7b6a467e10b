package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backfill recorded SUCCEEDED meets rows an older instance wrote in the old format after it
 * finished: a run of the series runs it again and sweeps them, and skips it only while its
 * verification finds nothing left.
 */
class SweepAfterSuccessTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSeriesRunsASucceededBackfillAgainWhileItsVerificationFindsRowsLeft(TestDatabase kind) {
    // MariaDB: the schema steps this test takes the table through are not written for MySQL
    org.junit.jupiter.api.Assumptions.assumeTrue(kind != TestDatabase.MARIADB,
        "schema steps are not written for MySQL");
    Db db = new Db(kind);
    Accounts.createDeployZero(db, 50);
    Migrator migrator = db.migrator();
    migrator.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND);
    assertTrue(migrator.runAll(List.of(Accounts.backfillPlan(20))).get(0).succeeded());

    // an instance still on deploy 0 writes a row without a plan
    db.execute("INSERT INTO accounts (id, name, is_pro) VALUES (51, 'late', TRUE)");
    assertFalse(migrator.verify(Accounts.PLAN_FILLED).complete());

    RunResult again = migrator.runAll(List.of(Accounts.backfillPlan(20))).get(0);

    assertTrue(again.succeeded(), String.valueOf(again.status().error()));
    assertNull(again.skipped(), "the series skipped a backfill with rows left");
    assertTrue(migrator.verify(Accounts.PLAN_FILLED).complete());
    assertEquals(1, db.count("SELECT COUNT(*) FROM accounts WHERE id = 51 AND plan = 'PRO'"));

    RunResult skipped = migrator.runAll(List.of(Accounts.backfillPlan(20))).get(0);
    assertEquals(RunResult.Skip.DONE, skipped.skipped());
  }
}
