package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration patterns users need, each written by hand and run end to end. */
class SeedPatternsTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void addADefaultRole(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, User.some(40));

    RunResult result = db.migrator().run(User.addDefaultRole());

    assertTrue(result.succeeded());
    assertEquals(27, result.status().rowsChanged());
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    assertEquals(13, db.count("SELECT COUNT(*) FROM users WHERE role = 'admin'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void clearADeprecatedField(TestDatabase kind) {
    Db db = teams(kind, 30);
    Migration<Team> clear = Migration.on(Team.TABLE, "teams.clearIsPro").batchSize(7)
        .range(Team.IS_PRO.isNotNull())
        .verifiedBy(Team.IS_PRO.isNotNull())
        .migrateOne((ctx, team) -> Patch.of(Team.TABLE).set(Team.IS_PRO, null));
    Migration<Team> clearInDatabase = Migration.on(Team.TABLE, "teams.clearIsProInDatabase")
        .batchSize(7)
        .range(Team.IS_PRO.isNotNull())
        .verifiedBy(Team.IS_PRO.isNotNull())
        .migrateInDatabase(Team.IS_PRO.setTo(null));

    RunResult result = db.migrator().run(clear);
    db.execute("UPDATE teams SET is_pro = TRUE WHERE id > 20");
    RunResult inDatabase = db.migrator().run(clearInDatabase);

    assertTrue(result.succeeded());
    assertEquals(30, result.status().rowsChanged());
    assertTrue(inDatabase.succeeded());
    assertEquals(10, inDatabase.status().rowsChanged());
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE is_pro IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void convertABooleanToAnEnumWhileTheNewVersionDualWrites(TestDatabase kind) throws Exception {
    Db db = teams(kind, 300);
    Migration<Team> convert = Migration.on(Team.TABLE, "teams.backfillPlan").batchSize(20)
        .range(Team.PLAN.isNull())
        .verifiedBy(Team.PLAN.isNull())
        .migrateOne((ctx, team) -> Patch.of(Team.TABLE).set(Team.PLAN, Team.planOf(team.isPro())));
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger writes = new AtomicInteger();
    CompletableFuture<Void> newVersion = CompletableFuture.runAsync(() -> {
      long nextId = 1000;
      while (!done.get()) {
        boolean pro = ThreadLocalRandom.current().nextBoolean();
        long id = ThreadLocalRandom.current().nextLong(1, 301);
        try {
          db.execute("UPDATE teams SET is_pro = " + pro + ", plan = '" + Team.planOf(pro)
              + "' WHERE id = " + id);
          db.insert(Team.TABLE, List.of(new Team(nextId++, "new", pro, Team.planOf(pro))));
          writes.incrementAndGet();
        } catch (IllegalStateException e) {
          // a lock timeout: an application would retry; this one moves on
        }
      }
    });

    RunResult result = db.migrator().run(convert);
    done.set(true);
    newVersion.get(30, TimeUnit.SECONDS);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertTrue(writes.get() > 0);
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM teams WHERE (is_pro AND plan <> 'PRO')"
        + " OR (NOT is_pro AND plan <> 'BASIC')"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void splitNestedPreferencesIntoTheirOwnTableWhileAccountsAreCreated(TestDatabase kind)
      throws Exception {
    Db db = new Db(kind);
    db.create(Account.TABLE);
    db.createWithIdentity(Account.Settings.TABLE);
    db.insert(Account.TABLE, LongStream.rangeClosed(1, 100).map(i -> 2 * i)
        .mapToObj(id -> new Account(id, "account" + id, Account.preferencesOf(id))).toList());
    Migration<Account> extract = Migration.on(Account.TABLE, "accounts.extractPreferences")
        .batchSize(10)
        .range(Account.PREFERENCES.isNotNull())
        .verifiedBy(Account.PREFERENCES.isNotNull())
        .migrateOne((ctx, account) -> {
          if (!ctx.exists(Account.Settings.TABLE, Account.Settings.ACCOUNT_ID.eq(account.id()))) {
            ctx.insert(Account.Settings.TABLE,
                Account.Settings.of(account.id(), account.preferences()));
          }
          return Patch.of(Account.TABLE).set(Account.PREFERENCES, null);
        });
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Void> creators = CompletableFuture.runAsync(() -> {
      Latches.await(started);
      for (long i = 0; i < 40; i++) {
        long oldId = 2 * i + 1;
        db.insert(Account.TABLE,
            List.of(new Account(oldId, "old" + oldId, Account.preferencesOf(oldId))));
        long newId = 1000 + i;
        db.insert(Account.TABLE, List.of(new Account(newId, "new" + newId, null)));
        // a negative id no identity draws: an explicit id above MySQL's AUTO_INCREMENT counter
        // moves the counter past it, so the migration's generated ids would collide with this
        // writer's next explicit one and stop it (MySQL manual, "Using AUTO_INCREMENT")
        db.insert(Account.Settings.TABLE, List.of(new Account.Settings(-(i + 1), newId,
            Account.preferencesOf(newId).theme(), Account.preferencesOf(newId).notifications())));
      }
    });
    RunOptions options = RunOptions.defaults().withListener(status -> {
      started.countDown();
      if (status.rowsVisited() == 30) {
        creators.join();
      }
    });

    RunResult result = db.migrator().run(extract, options);
    creators.join(); // the writer's own failure, if any, rather than a count short of its rows

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(0, db.count("SELECT COUNT(*) FROM accounts WHERE preferences IS NOT NULL"));
    assertEquals(180, db.count("SELECT COUNT(*) FROM account_settings"));
    assertEquals(180, db.count("SELECT COUNT(DISTINCT account_id) FROM account_settings"));
    for (Map<String, Object> row : db.rows("SELECT account_id, theme, notifications"
        + " FROM account_settings")) {
      Account.Preferences expected = Account.preferencesOf(Long.parseLong((String) row.get("account_id")));
      assertEquals(expected.theme(), row.get("theme"));
      assertEquals(expected.notifications().toString(), row.get("notifications"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deleteOrphanedRows(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(Embedding.TABLE);
    db.create(Embedding.Chunk.TABLE);
    db.insert(Embedding.TABLE, LongStream.rangeClosed(1, 45)
        .mapToObj(id -> new Embedding(id, "[" + id + "]")).toList());
    db.insert(Embedding.Chunk.TABLE, LongStream.rangeClosed(1, 45).filter(id -> id % 4 != 0)
        .mapToObj(id -> new Embedding.Chunk(100 + id, id)).toList());
    Migration<Embedding> deleteOrphans = Migration.on(Embedding.TABLE, "embeddings.deleteOrphans")
        .batchSize(10)
        .migrateOne((ctx, embedding) -> {
          if (!ctx.exists(Embedding.Chunk.TABLE, Embedding.Chunk.EMBEDDING_ID.eq(embedding.id()))) {
            ctx.delete(Embedding.TABLE, embedding.id());
          }
          return null;
        });

    RunResult result = db.migrator().run(deleteOrphans);

    assertTrue(result.succeeded());
    assertEquals(45, result.status().rowsVisited());
    assertEquals(11, result.status().rowsChanged());
    assertEquals(34, db.count("SELECT COUNT(*) FROM embeddings"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM embeddings e WHERE NOT EXISTS"
        + " (SELECT 1 FROM chunks c WHERE c.embedding_id = e.id)"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrateASubsetThroughARange(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, LongStream.rangeClosed(1, 50)
        .mapToObj(id -> new User(id, id % 5 == 0 ? "" : "user" + id, null)).toList());
    Migration<User> fixEmptyNames = Migration.on(User.TABLE, "users.fixEmptyNames").batchSize(3)
        .range(User.NAME.eq(""))
        .migrateOne((ctx, user) -> Patch.of(User.TABLE).set(User.NAME, "<unknown>"));

    RunResult result = db.migrator().run(fixEmptyNames);
    RunResult firstTen = db.migrator().run(User.addDefaultRole(),
        RunOptions.defaults().withRange(User.ID.le(10L)));

    assertEquals(10, result.status().rowsVisited());
    assertEquals(10, result.status().estimatedTotal());
    assertEquals(10, db.count("SELECT COUNT(*) FROM users WHERE name = '<unknown>'"));
    assertEquals(40, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'user%'"));
    assertEquals(10, firstTen.status().rowsVisited());
    assertEquals(10, db.count("SELECT COUNT(*) FROM users WHERE role = 'user'"));
    assertEquals(MigrationState.FAILED, firstTen.status().state());
    assertTrue(firstTen.status().error().startsWith("40 rows are still in the old format"),
        firstTen.status().error());
  }

  private static Db teams(TestDatabase kind, int count) {
    Db db = new Db(kind);
    db.create(Team.TABLE);
    db.insert(Team.TABLE, LongStream.rangeClosed(1, count)
        .mapToObj(id -> new Team(id, "team" + id, id % 3 == 0, null)).toList());
    return db;
  }
}
