package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two processes apply the same phase at once, as two application instances starting together do:
 * both have planned the same step before either runs it, so the second's statement fails because
 * the first already made the change. Both applies succeed, and the change is made once.
 */
class ConcurrentApplyTest {

  private static final ApplyOptions OPTIONS = ApplyOptions.builder()
      .lockTimeout(Duration.ofMillis(300)).maxTries(30).initialBackoff(Duration.ofMillis(50))
      .build();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void twoAppliersOfOnePhaseBothSucceedAndTheColumnIsAddedOnce(TestDatabase kind)
      throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, 10);
    Migrator first = db.migrator();
    Migrator second = db.migrator();
    ApplyResult[] results = new ApplyResult[2];
    try (Connection holder = db.dataSource.getConnection()) {
      // both appliers plan the ADD COLUMN, then wait on this transaction's lock, retrying
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.executeUpdate("UPDATE accounts SET name = 'held' WHERE id = 1");
      }
      CompletableFuture<Void> one = CompletableFuture.runAsync(() ->
          results[0] = first.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND, OPTIONS));
      CompletableFuture<Void> two = CompletableFuture.runAsync(() ->
          results[1] = second.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND, OPTIONS));
      // MySQL's lock_wait_timeout is in whole seconds: there each try waits a second
      Thread.sleep(kind == TestDatabase.MARIADB ? 3000 : 1500);
      holder.rollback();
      one.get(60, TimeUnit.SECONDS);
      two.get(60, TimeUnit.SECONDS);
    }

    for (ApplyResult result : results) {
      assertEquals(List.of(SchemaStep.Kind.ADD_COLUMN, SchemaStep.Kind.DROP_NOT_NULL),
          result.steps().stream().map(step -> step.step().kind()).toList());
    }
    assertEquals(1, db.count("SELECT COUNT(*) FROM information_schema.columns"
        + " WHERE LOWER(table_name) = 'accounts' AND LOWER(column_name) = 'plan'"
        + (kind == TestDatabase.MARIADB ? " AND table_schema = DATABASE()" : "")));
    assertEquals(true, db.migrator().plan(List.of(Accounts.DEPLOY_1)).steps().stream()
        .noneMatch(step -> step.phase() == Phase.EXPAND));
  }
}
