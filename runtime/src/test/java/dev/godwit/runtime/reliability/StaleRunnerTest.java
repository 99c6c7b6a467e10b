package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationAlreadyRunningException;
import dev.godwit.runtime.MigrationContext;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.User;
import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A runner stops in the middle of a batch: frozen and cut off, or merely slow. */
class StaleRunnerTest {

  private static final int ROWS = 100;
  private static final String NAME = "users.rename";

  /** The row whose migration the first runner stops at, in its fourth batch of ten. */
  private static final long FROZEN_ROW = 31;

  @RegisterExtension final Databases databases = new Databases();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRunnerWhoseHeartbeatStoppedIsTakenOverAfterItsLeaseAndCanCommitNothingAfter(
      TestDatabase kind) throws Exception {
    Db db = withUsers(kind);
    RunOptions options = RunOptions.defaults().withLeaseDuration(Duration.ofSeconds(2));
    Freeze freeze = new Freeze();
    Migration<User> migration = User.audited(NAME, freeze::atFrozenRow);
    WatchedDataSource cutOff = new WatchedDataSource(db.dataSource);
    CompletableFuture<RunResult> stale =
        CompletableFuture.supplyAsync(() -> Migrator.create(cutOff).run(migration, options));
    freeze.awaitFrozen();
    String staleOwner = owner(db);
    cutOff.sever();
    // a beat runs to its end before the next starts, so a refused one means none is under way
    Await.until("a heartbeat of the frozen runner to be refused", () -> cutOff.refused() > 0);

    AtomicInteger refusals = new AtomicInteger();
    CompletableFuture<RunResult> successor = CompletableFuture.supplyAsync(
        () -> Await.runOnceFree(db.migrator(), migration, options, refusals::incrementAndGet));
    Await.until("the migration to be taken over", () -> !staleOwner.equals(owner(db)));

    assertTrue(refusals.get() > 0, "the successor was never refused while the lease was live");
    assertFalse(stale.isDone(), "the frozen runner ended before it was taken over");
    freeze.thaw();
    CompletionException lost = assertThrows(CompletionException.class, stale::join);
    assertInstanceOf(MigrationException.class, lost.getCause());
    assertTrue(lost.getCause().getMessage().startsWith(
        "Migration " + NAME + " was taken over by another runner"), lost.getCause().getMessage());
    RunResult result = successor.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertTrue(result.succeeded(), result.status().error());
    assertEquals(ROWS, result.status().rowsVisited());
    assertMigratedOnce(db);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLiveRunnersMigrationIsNeverTakenWhileOneOfItsBatchesOutlastsManyLeases(TestDatabase kind)
      throws Exception {
    Db db = withUsers(kind);
    Duration lease = Duration.ofMillis(500);
    RunOptions options = RunOptions.defaults().withLeaseDuration(lease);
    Freeze freeze = new Freeze();
    Migration<User> migration = User.audited(NAME, freeze::atFrozenRow);
    CompletableFuture<RunResult> slow =
        CompletableFuture.supplyAsync(() -> db.migrator().run(migration, options));
    freeze.awaitFrozen();
    String owner = owner(db);
    Instant frozenBeat = heartbeat(db);
    int attempts = 0;

    while (Duration.between(frozenBeat, heartbeat(db)).compareTo(lease.multipliedBy(4)) < 0) {
      MigrationAlreadyRunningException refused = assertThrows(
          MigrationAlreadyRunningException.class, () -> db.migrator().run(migration, options));
      assertEquals("migration " + NAME + " is already running in another runner",
          refused.getMessage());
      assertEquals(owner, owner(db));
      attempts++;
      Await.sleep(lease.toMillis() / 10);
    }
    freeze.thaw();

    assertTrue(attempts > 1, "attempts: " + attempts);
    RunResult result = slow.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertTrue(result.succeeded(), result.status().error());
    assertEquals(ROWS, result.status().rowsVisited());
    assertMigratedOnce(db);
  }

  private Db withUsers(TestDatabase kind) {
    return AuditedRename.fill(databases.create(kind), ROWS);
  }

  private static void assertMigratedOnce(Db db) {
    assertEquals(ROWS, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(ROWS, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
    assertEquals(ROWS, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
  }

  /** Which runner holds the migration: not public, so read from the state table itself. */
  private static String owner(Db db) {
    return String.valueOf(db.rows("SELECT owner FROM godwit_migrations").get(0).get("owner"));
  }

  private static Instant heartbeat(Db db) {
    return db.migrator().status(NAME).orElseThrow().heartbeatAt();
  }

  /** Holds the first migration of {@link #FROZEN_ROW} until thawed, as a frozen runner would. */
  private static final class Freeze {
    private final AtomicBoolean done = new AtomicBoolean();
    private final CountDownLatch frozen = new CountDownLatch(1);
    private final CountDownLatch thawed = new CountDownLatch(1);

    void atFrozenRow(MigrationContext ctx, User user) throws InterruptedException {
      if (user.id() == FROZEN_ROW && !done.getAndSet(true)) {
        frozen.countDown();
        if (!thawed.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("the runner was never thawed");
        }
      }
    }

    void awaitFrozen() throws InterruptedException {
      assertTrue(frozen.await(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS), "never frozen");
    }

    void thaw() {
      thawed.countDown();
    }
  }
}
