package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

class FailureAndResumeTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void failureRecordsTheRowAndResumeNeverReappliesACommittedBatch(TestDatabase kind) {
    Db db = User.withAudit(kind, 100);
    AtomicBoolean failOnce = new AtomicBoolean(true);
    Migration<User> migration = User.audited("users.rename", (ctx, user) -> {
      if (user.id() == 57 && failOnce.getAndSet(false)) {
        throw new IllegalStateException("user 57 cannot be renamed\nyet");
      }
    });

    RunResult failed = db.migrator().run(migration);

    MigrationStatus status = failed.status();
    assertEquals(MigrationState.FAILED, status.state());
    assertEquals("IllegalStateException: user 57 cannot be renamed yet", status.error());
    assertEquals("57", status.errorRowId());
    assertEquals("50", status.cursor());
    assertEquals(50, status.rowsVisited());
    assertEquals(50, status.rowsChanged());
    assertNotNull(status.finishedAt());
    assertEquals(50, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(50, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE id > 50 AND name LIKE 'migrated%'"));

    RunResult resumed = db.migrator().run(migration);

    assertTrue(resumed.succeeded());
    assertEquals(100, resumed.status().rowsVisited());
    assertEquals(100, resumed.status().rowsChanged());
    assertNull(resumed.status().error());
    assertNull(resumed.status().errorRowId());
    assertEquals(100, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(100, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(100, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runAllKeepsOrderSkipsWhatSucceededAndStopsAtAFailureUntilTheNextCall(TestDatabase kind) {
    Db db = User.withAudit(kind, 30);
    List<String> calls = new ArrayList<>();
    AtomicBoolean failOnce = new AtomicBoolean(true);
    Migration<User> first = Migration.on(User.TABLE, "users.first").batchSize(100)
        .migrateOne((ctx, user) -> {
          calls.add("first");
          return null;
        });
    Migration<User> second = User.audited("users.second", (ctx, user) -> {
      calls.add("second");
      if (user.id() == 15 && failOnce.getAndSet(false)) {
        throw new IllegalArgumentException("no");
      }
    });
    Migration<User> third = Migration.on(User.TABLE, "users.third").batchSize(100)
        .migrateOne((ctx, user) -> {
          calls.add("third");
          return null;
        });
    Migrator migrator = db.migrator();

    List<RunResult> stopped = migrator.runAll(List.of(first, second, third));

    assertEquals(List.of(MigrationState.SUCCEEDED, MigrationState.FAILED),
        stopped.stream().map(result -> result.status().state()).toList());
    assertFalse(calls.contains("third"));
    assertTrue(migrator.status("users.third").isEmpty());
    calls.clear();

    List<RunResult> resumed = migrator.runAll(List.of(first, second, third));

    assertEquals(List.of(MigrationState.SUCCEEDED, MigrationState.SUCCEEDED,
            MigrationState.SUCCEEDED),
        resumed.stream().map(result -> result.status().state()).toList());
    assertFalse(calls.contains("first"));
    assertEquals(20, calls.stream().filter("second"::equals).count());
    assertEquals(30, calls.stream().filter("third"::equals).count());
    assertEquals(30, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(List.of("users.first", "users.second", "users.third"),
        migrator.status().stream().map(MigrationStatus::name).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailingWriteRollsTheBatchBackAndFailsTheRun(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR)");
    db.createWithIdentity(Audit.TABLE);
    db.insert(User.TABLE, User.some(15));
    Migration<User> clearNames = Migration.on(User.TABLE, "users.clearNames").batchSize(10)
        .migrateOne((ctx, user) -> {
          ctx.insert(Audit.TABLE, Audit.of(user.id(), "cleared"));
          return Patch.of(User.TABLE).set(User.NAME, null);
        });

    RunResult result = db.migrator().run(clearNames);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertNotNull(result.status().error());
    assertFalse(result.status().error().contains("\n"));
    assertNull(result.status().cursor());
    assertEquals(0, result.status().rowsVisited());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE name IS NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrateOneCallsRunAgainOnlyForTheBatchThatFailed(TestDatabase kind) {
    Db db = User.withAudit(kind, 20);
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean failOnce = new AtomicBoolean(true);
    Migration<User> migration = User.audited("users.rename", (ctx, user) -> {
      calls.incrementAndGet();
      if (user.id() == 20 && failOnce.getAndSet(false)) {
        throw new IllegalStateException("not now");
      }
    });

    db.migrator().run(migration);
    db.migrator().run(migration);

    assertEquals(30, calls.get());
    assertEquals(20, db.count("SELECT COUNT(*) FROM audit"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableIsRefusedInOneSentenceBeforeAnythingIsRecorded(TestDatabase kind) {
    Db db = new Db(kind);

    SchemaMismatchException refusal = assertThrows(SchemaMismatchException.class,
        () -> db.migrator().run(User.addDefaultRole()));

    assertEquals("Table users does not exist; create it before running users.addDefaultRole.",
        refusal.getMessage());
    assertNull(db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUnreachableDatabaseGivesOneSentenceNamingIt(TestDatabase kind) {
    DataSource nowhere;
    if (kind == TestDatabase.H2) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
      nowhere = h2;
    } else {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
      postgres.setConnectTimeout(2);
      nowhere = postgres;
    }

    MigrationException error = assertThrows(MigrationException.class,
        () -> Migrator.create(nowhere).run(User.addDefaultRole()));

    assertTrue(error.getMessage().startsWith("Cannot reach the database at jdbc:"),
        error.getMessage());
    assertTrue(error.getMessage().contains("127.0.0.1:1/nowhere"), error.getMessage());
    assertFalse(error.getMessage().contains("\n"), error.getMessage());
    assertThrows(MigrationException.class, () -> Migrator.create(nowhere).status());
  }
}
