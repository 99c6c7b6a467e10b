package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Narrow on PostgreSQL: {@code SET NOT NULL} through a check constraint added {@code NOT VALID} and
 * validated while writes go on, so no scan runs under an exclusive lock; and a narrow step that
 * stopped halfway continues from the constraint it left.
 */
class PostgresNarrowTest {

  private static final int ROWS = 200_000;

  @Test
  void aWriterKeepsWritingWhileNarrowValidatesA200000RowTable() throws Exception {
    Db db = new Db(TestDatabase.POSTGRES);
    filledTable(db, ROWS);
    Migrator migrator = db.migrator();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong writes = new AtomicLong();
    AtomicLong longestStall = new AtomicLong();
    AtomicBoolean sawValidated = new AtomicBoolean();
    CountDownLatch writing = new CountDownLatch(1);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (Connection connection = db.dataSource.getConnection();
          PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (id, name,"
              + " is_pro, plan) VALUES (?, 'new', TRUE, 'PRO')");
          PreparedStatement update = connection.prepareStatement(
              "UPDATE accounts SET name = 'renamed' WHERE id = ?")) {
        long next = ROWS + 1;
        while (!done.get()) {
          long start = System.nanoTime();
          insert.setLong(1, next++);
          insert.executeUpdate();
          update.setLong(1, 1 + next % ROWS);
          update.executeUpdate();
          longestStall.accumulateAndGet(System.nanoTime() - start, Math::max);
          writes.addAndGet(2);
          writing.countDown();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    // watches the catalog for the constraint in its validated state, between VALIDATE and DROP
    CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
      try (Connection connection = db.dataSource.getConnection();
          PreparedStatement query = connection.prepareStatement("SELECT convalidated FROM"
              + " pg_constraint WHERE conname = 'godwit_nn_plan'")) {
        while (!done.get()) {
          try (ResultSet rows = query.executeQuery()) {
            if (rows.next() && rows.getBoolean(1)) {
              sawValidated.set(true);
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(writing.await(30, TimeUnit.SECONDS));
    long writesBefore = writes.get();
    longestStall.set(0);

    ApplyResult narrow = migrator.apply(List.of(Accounts.DEPLOY_2), Phase.NARROW);
    long writesDuring = writes.get() - writesBefore;
    done.set(true);
    writer.get(60, TimeUnit.SECONDS);
    watcher.get(60, TimeUnit.SECONDS);

    System.out.printf("narrow of %d rows: the writer completed %d statements meanwhile; its longest"
        + " stall was %d ms%n", ROWS, writesDuring,
        TimeUnit.NANOSECONDS.toMillis(longestStall.get()));
    assertEquals(List.of(
        "ALTER TABLE \"accounts\" ADD CONSTRAINT \"godwit_nn_plan\" CHECK (\"plan\" IS NOT NULL)"
            + " NOT VALID",
        "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"godwit_nn_plan\"",
        "ALTER TABLE \"accounts\" ALTER COLUMN \"plan\" SET NOT NULL",
        "ALTER TABLE \"accounts\" DROP CONSTRAINT IF EXISTS \"godwit_nn_plan\""),
        narrow.applied().get(0).statements());
    assertTrue(sawValidated.get(), "the catalog never showed the constraint validated");
    assertTrue(writesDuring > 0, "the writer completed nothing while narrow ran");
    assertEquals("NO", db.rows("SELECT is_nullable FROM information_schema.columns WHERE"
        + " table_name = 'accounts' AND column_name = 'plan'").get(0).get("is_nullable"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM pg_constraint WHERE conname = 'godwit_nn_plan'"));
  }

  @Test
  void aNarrowStepThatStoppedHalfwayReusesItsConstraint() {
    Db db = new Db(TestDatabase.POSTGRES);
    filledTable(db, 10);
    Migrator migrator = db.migrator();
    db.execute("ALTER TABLE accounts ADD CONSTRAINT godwit_nn_plan CHECK (plan IS NOT NULL)"
        + " NOT VALID");

    assertEquals(List.of("ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"godwit_nn_plan\"",
        "ALTER TABLE \"accounts\" ALTER COLUMN \"plan\" SET NOT NULL",
        "ALTER TABLE \"accounts\" DROP CONSTRAINT IF EXISTS \"godwit_nn_plan\""),
        migrator.plan(List.of(Accounts.DEPLOY_2)).steps(Phase.NARROW).get(0).statements());

    db.execute("ALTER TABLE accounts VALIDATE CONSTRAINT godwit_nn_plan",
        "ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL");
    assertEquals(List.of("ALTER TABLE \"accounts\" DROP CONSTRAINT IF EXISTS \"godwit_nn_plan\""),
        migrator.plan(List.of(Accounts.DEPLOY_2)).steps(Phase.NARROW).get(0).statements());

    migrator.apply(List.of(Accounts.DEPLOY_2), Phase.NARROW);
    assertEquals(0, db.count("SELECT COUNT(*) FROM pg_constraint WHERE conname = 'godwit_nn_plan'"));
    assertTrue(migrator.plan(List.of(Accounts.DEPLOY_2)).isEmpty());
  }

  /**
   * The table as deploy 2 finds it once expand and the backfill are done: {@code plan} filled but
   * nullable, {@code is_pro} and {@code legacy_code} nullable, the backfill recorded.
   */
  private static void filledTable(Db db, int rows) {
    Accounts.createDeployZero(db, rows);
    Migrator migrator = db.migrator();
    migrator.apply(List.of(Accounts.DEPLOY_2), Phase.EXPAND);
    db.execute("UPDATE accounts SET plan = CASE WHEN is_pro THEN 'PRO' ELSE 'BASIC' END");
    assertTrue(migrator.run(Accounts.backfillPlan(1000)).succeeded());
  }
}
