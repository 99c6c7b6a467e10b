package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParallelAndSingleTransactionTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrateOneRunsOnSeveralThreadsAndItsWritesStillCommitTogetherInRowOrder(TestDatabase kind) {
    Db db = User.withAudit(kind, 60);
    CyclicBarrier twoAtOnce = new CyclicBarrier(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Migration<User> parallel = Migration.on(User.TABLE, "users.parallel").batchSize(20).parallel()
        .migrateOne((ctx, user) -> {
          if (user.id() <= 2) {
            // both first rows must be inside migrateOne at the same time, or this times out
            twoAtOnce.await(30, TimeUnit.SECONDS);
          }
          threads.add(Thread.currentThread().getName());
          boolean admin = ctx.exists(User.TABLE, User.ID.eq(user.id()).and(User.ROLE.eq("admin")));
          ctx.insert(Audit.TABLE, Audit.of(user.id(), admin ? "admin" : "user"));
          return Patch.of(User.TABLE).set(User.NAME, "migrated " + user.id());
        });

    RunResult result = db.migrator().run(parallel);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertTrue(threads.size() > 1, threads::toString);
    assertEquals(60, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
    assertEquals(20, db.count("SELECT COUNT(*) FROM audit WHERE note = 'admin'"));
    List<Long> auditOrder = new ArrayList<>();
    for (Map<String, Object> row : db.rows("SELECT row_id FROM audit ORDER BY id")) {
      auditOrder.add(Long.parseLong((String) row.get("row_id")));
    }
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList(), auditOrder);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aParallelBatchThatFailsReportsItsFirstFailingRow(TestDatabase kind) {
    Db db = User.withAudit(kind, 30);
    Migration<User> failing = User.audited("users.failing", (ctx, user) -> {
      if (user.id() == 14 || user.id() == 17) {
        throw new IllegalStateException("row " + user.id());
      }
    });

    RunResult result = db.migrator().run(failing, RunOptions.defaults().withParallelism(4));

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("14", result.status().errorRowId());
    assertEquals("IllegalStateException: row 14", result.status().error());
    assertEquals(10, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSmallTableMigratesInOneTransaction(TestDatabase kind) {
    Db db = User.withAudit(kind, 35);
    List<MigrationStatus> seen = new ArrayList<>();

    RunResult result = db.migrator().run(User.audited("users.small", (ctx, user) -> {}),
        RunOptions.defaults().withSingleTransaction(35).withListener(seen::add));

    assertTrue(result.succeeded());
    assertEquals(35, result.status().rowsVisited());
    assertEquals(35, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(List.of(35L, 35L), seen.stream().map(MigrationStatus::rowsVisited).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailureAtTheLastRowOfASingleTransactionKeepsNothing(TestDatabase kind) {
    Db db = User.withAudit(kind, 35);
    AtomicInteger calls = new AtomicInteger();

    RunResult result = db.migrator().run(User.audited("users.small", (ctx, user) -> {
      calls.incrementAndGet();
      if (user.id() == 35) {
        throw new IllegalStateException("the last row");
      }
    }), RunOptions.defaults().withSingleTransaction(100));

    assertEquals(35, calls.get());
    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("35", result.status().errorRowId());
    assertNull(result.status().cursor());
    assertEquals(0, result.status().rowsVisited());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSingleTransactionIsRefusedOnATableOverItsLimitBeforeAnythingChanges(TestDatabase kind) {
    Db db = User.withAudit(kind, 35);
    var users = db.snapshot("users");

    MigrationException refused = assertThrows(MigrationException.class,
        () -> db.migrator().run(User.audited("users.small", (ctx, user) -> {}),
            RunOptions.defaults().withSingleTransaction(34)));

    assertEquals("Migration users.small would visit 35 rows of users in one transaction, more"
        + " than the limit of 34; run it in batches, or raise the limit if the table is really"
        + " small.", refused.getMessage());
    assertEquals(users, db.snapshot("users"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    assertNull(db.stateSnapshot());
  }
}
