package dev.godwit.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Db;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.RowChange;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.StatementCounter;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.User;
import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Names, values and settings an attacker or a typo could give, and data sources that are closed. */
class BadInputTest {

  /** Names that are not plain SQL identifiers, each a way to break out of one. */
  private static final List<String> HOSTILE_IDENTIFIERS = List.of(
      "users\"; DROP TABLE users; --", "users; DROP TABLE users", "user name",
      "\"us\"\"ers\"", "\"users\"; DROP TABLE users; --\"", "\"\"", "\"a\nb\"",
      "users'", "users`", "users--", "users/*", "1users", "usérs", "", " ", "users\n",
      "u".repeat(64));

  /** Migration names that are values, not identifiers: any text up to 200 characters. */
  private static final List<String> HOSTILE_MIGRATION_NAMES = List.of(
      "users.it's'; DROP TABLE users; --", "users.\"quoted\" name", "users.back\\slash",
      "users.x' OR '1'='1", "users.🦆 duck; \n newline");

  private static final String NOT_AN_IDENTIFIER = " is not a plain SQL identifier: use letters,"
      + " digits and underscores, starting with a letter or underscore, at most 63 characters, or"
      + " write the exact name between double quotes";

  @RegisterExtension final Databases databases = new Databases();

  @Test
  void hostileTableAndColumnNamesAreRefusedBeforeAnyStatementIsMade() {
    for (String name : HOSTILE_IDENTIFIERS) {
      IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
          () -> Table.of(name, User.ID, List.of(User.ID), row -> null, user -> Patch.of(User.TABLE)));
      assertEquals("table name '" + name + "'" + NOT_AN_IDENTIFIER, table.getMessage());
      IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
          () -> Column.of(name, ColumnType.STRING));
      assertEquals("column name '" + name + "'" + NOT_AN_IDENTIFIER, column.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void hostileMigrationNamesAreKeptExactlyAndOnlyEverBoundAsValues(TestDatabase kind) {
    Db db = usersWithAudit(kind, 30);
    StatementCounter statements = new StatementCounter(db.dataSource);
    Migrator migrator = Migrator.create(statements.dataSource());

    for (String name : HOSTILE_MIGRATION_NAMES) {
      Migration<User> migration = User.audited(name, (ctx, user) -> {});
      RunResult paused = migrator.run(migration,
          RunOptions.defaults().withListener(status -> migrator.pause(name)));
      assertEquals(MigrationState.PAUSED, paused.status().state());
      assertEquals(MigrationState.PAUSED, migrator.status(name).orElseThrow().state());
      RunResult done = migrator.run(migration);
      assertTrue(done.succeeded(), done.status().error());
      assertEquals(name, done.status().name());
      assertFalse(migrator.cancel(name));
    }

    assertEquals(Set.copyOf(HOSTILE_MIGRATION_NAMES),
        Set.copyOf(migrator.status().stream().map(MigrationStatus::name).toList()));
    Map<String, Object> audited = new HashMap<>();
    for (Map<String, Object> row : db.rows("SELECT note, COUNT(*) AS n FROM audit GROUP BY note")) {
      audited.put(String.valueOf(row.get("note")), row.get("n"));
    }
    Map<String, Object> expected = new HashMap<>();
    HOSTILE_MIGRATION_NAMES.forEach(name -> expected.put(name, "30"));
    assertEquals(expected, audited);
    assertEquals(30, db.count("SELECT COUNT(*) FROM users"));
    for (String sql : statements.executed()) {
      if (sql.equals("DROP TEMPORARY TABLE godwit_values")) {
        continue; // the MySQL dialect's own table of a batch's values, made for one update
      }
      assertFalse(sql.contains("DROP") || sql.contains("quoted") || sql.contains("🦆"), sql);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void awkwardValuesRoundTripUnchangedThroughEveryWayAMigrationWrites(TestDatabase kind) {
    Db db = databases.create(kind);
    createNotes(db);
    if (kind == TestDatabase.MARIADB) {
      // a VARCHAR must have a length there, and the notes are longer than the default's
      db.execute("CREATE TABLE note_log (id BIGINT AUTO_INCREMENT PRIMARY KEY, note_id LONGTEXT,"
          + " body LONGTEXT)");
    } else {
      db.createWithIdentity(Note.Log.TABLE);
    }
    List<Note> notes = Note.awkward();
    db.insert(Note.TABLE, notes);
    AtomicBoolean failOnce = new AtomicBoolean(true);
    Migration<Note> copy = Migration.on(Note.TABLE, "notes.copy")
        .batchSize(3)
        .verifiedBy(Note.COPY.isNull())
        .migrateOne((ctx, note) -> {
          if (note.id().equals("NULL") && !ctx.isDryRun() && failOnce.getAndSet(false)) {
            throw new IllegalStateException("refusing '" + note.id() + "' once");
          }
          ctx.insert(Note.Log.TABLE, Patch.of(Note.Log.TABLE).set(Note.Log.NOTE_ID, note.id())
              .set(Note.Log.BODY, note.body()));
          return Patch.of(Note.TABLE).set(Note.COPY, note.body())
              .set(Note.WORDS, List.of(note.id(), note.body()));
        });
    Migration<Note> stamp = Migration.on(Note.TABLE, "notes.stamp")
        .range(Note.BODY.eq("it's").or(Note.BODY.eq("NULL")))
        .migrateInDatabase(Note.STAMP.setTo(Note.LONG));
    Migrator migrator = db.migrator();

    RunResult dryRun = migrator.run(copy, RunOptions.dryRun());
    RunResult failed = migrator.run(copy);
    RunResult resumed = migrator.run(copy);
    RunResult stamped = migrator.run(stamp);

    assertEquals(3, dryRun.changes().size());
    for (RowChange change : dryRun.changes()) {
      assertNull(change.before().get("copy"));
      assertEquals(change.before().get("body"), change.after().get("copy"));
    }
    assertEquals(MigrationState.FAILED, failed.status().state());
    assertEquals("NULL", failed.status().errorRowId(), failed.status().error());
    assertEquals("IllegalStateException: refusing 'NULL' once", failed.status().error());
    Set<String> ids = new HashSet<>(notes.stream().map(Note::id).toList());
    assertTrue(failed.status().cursor() == null || ids.contains(failed.status().cursor()),
        failed.status().cursor());
    assertTrue(resumed.succeeded(), resumed.status().error());
    assertEquals(notes.size(), resumed.status().rowsVisited());
    assertTrue(stamped.succeeded(), stamped.status().error());
    Map<String, Note> stored = new HashMap<>();
    for (Map<String, Object> row : db.rows("SELECT * FROM notes")) {
      Object words = row.get("words");
      stored.put(String.valueOf(row.get("id")), new Note(String.valueOf(row.get("id")),
          (String) row.get("body"), (String) row.get("copy"),
          words == null ? null : Note.WORDS.type().decode((String) words), (String) row.get("stamp")));
    }
    assertEquals(notes.size(), stored.size());
    for (Note note : notes) {
      String stampValue = note.body().equals("it's") || note.body().equals("NULL") ? Note.LONG : null;
      assertEquals(new Note(note.id(), note.body(), note.body(), List.of(note.id(), note.body()),
          stampValue), stored.get(note.id()), note.id());
    }
    Map<String, String> logged = new HashMap<>();
    for (Map<String, Object> row : db.rows("SELECT note_id, body FROM note_log")) {
      assertNull(logged.put((String) row.get("note_id"), (String) row.get("body")));
    }
    Map<String, String> expected = new HashMap<>();
    notes.forEach(note -> expected.put(note.id(), note.body()));
    assertEquals(expected, logged);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void zeroAndNegativeBatchSizesAreRefusedSayingTheyMustBePositive(int size) {
    String message = "batch size must be positive, not " + size;
    assertMessage(message, () -> Migration.on(User.TABLE, "users.sized").batchSize(size));
    assertMessage(message, () -> RunOptions.defaults().withBatchSize(size));
    if (size < 0) {
      assertMessage(message, () -> RunOptions.builder().batchSize(size).build());
    }
  }

  @Test
  void blankAndOverlongMigrationNamesAreRefused() {
    for (String name : new String[] {"", " \t", "m".repeat(201)}) {
      assertMessage("a migration name must be 1 to 200 characters and not blank, not '" + name + "'",
          () -> Migration.on(User.TABLE, name));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNameRecordedForAnotherTableIsRefusedRatherThanResumedAtThatTablesCursor(
      TestDatabase kind) {
    Db db = usersWithAudit(kind, 40);
    createNotes(db);
    db.insert(Note.TABLE, Note.awkward());
    Migrator migrator = db.migrator();
    migrator.run(User.audited("shared.name", (ctx, user) -> {}),
        RunOptions.defaults().withListener(status -> migrator.pause("shared.name")));
    List<Map<String, Object>> state = db.stateSnapshot();
    List<Map<String, Object>> notes = db.snapshot("notes");
    Migration<Note> sameName = Migration.on(Note.TABLE, "shared.name")
        .migrateOne((ctx, note) -> Patch.of(Note.TABLE).set(Note.COPY, note.body()));

    MigrationException refused = assertThrows(MigrationException.class,
        () -> migrator.run(sameName));
    MigrationException refusedDryRun = assertThrows(MigrationException.class,
        () -> migrator.run(sameName, RunOptions.dryRun()));

    String message = "Migration shared.name is recorded as a migration of table users, not of"
        + " notes; give each migration a name of its own.";
    assertEquals(message, refused.getMessage());
    assertEquals(message, refusedDryRun.getMessage());
    assertEquals(state, db.stateSnapshot());
    assertEquals(notes, db.snapshot("notes"));
    assertTrue(migrator.run(User.audited("shared.name", (ctx, user) -> {})).succeeded());
    state = db.stateSnapshot();
    assertEquals(message, assertThrows(MigrationException.class,
        () -> migrator.runAll(List.of(sameName))).getMessage());
    assertEquals(state, db.stateSnapshot());
    assertEquals(notes, db.snapshot("notes"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void unknownMigrationNamesAreAnsweredWithoutWritingAnything(TestDatabase kind) {
    Db db = usersWithAudit(kind, 20);
    Migrator migrator = db.migrator();

    assertTrue(migrator.status("users.nothing").isEmpty());
    assertFalse(migrator.cancel("users.nothing"));
    assertFalse(migrator.pause("users.nothing"));
    assertEquals(List.of(), migrator.status());
    assertNull(db.stateSnapshot());
    assertTrue(migrator.run(User.addDefaultRole()).succeeded());
    List<Map<String, Object>> state = db.stateSnapshot();
    assertTrue(migrator.status("users.addDefaultRol").isEmpty());
    assertFalse(migrator.cancel("users.addDefaultRol"));
    assertFalse(migrator.pause("users.addDefaultRol"));
    assertEquals(state, db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDataSourceClosedBeforeOrDuringARunGivesTheOneSentenceErrorAndLosesNothing(
      TestDatabase kind) {
    Db db = usersWithAudit(kind, 100);
    JdbcConnectionPool pool = pool(db);
    Migrator closing = Migrator.create(pool);
    Migration<User> migration = User.audited("users.rename", (ctx, user) -> {});
    RunOptions options = RunOptions.defaults().withLeaseDuration(Duration.ofSeconds(1));

    MigrationException duringRun = assertThrows(MigrationException.class,
        () -> closing.run(migration, options.withListener(status -> {
          if (status.rowsVisited() == 30) {
            pool.dispose();
          }
        })));

    String closed = "Cannot reach the database behind JdbcConnectionPool (IllegalStateException:"
        + " Connection pool has been disposed.); check that it is running and that its URL and"
        + " credentials are right.";
    assertEquals(closed, duringRun.getMessage());
    assertEquals(closed, assertThrows(MigrationException.class, closing::status).getMessage());
    assertEquals(closed, assertThrows(MigrationException.class,
        () -> closing.cancel("users.rename")).getMessage());
    assertEquals(closed, assertThrows(MigrationException.class,
        () -> Migrator.create(pool).run(migration)).getMessage());
    // the batches already committed on the run's open connection are recorded, each exactly once
    long recorded = db.migrator().status("users.rename").orElseThrow().rowsVisited();
    assertTrue(recorded >= 30, "rows recorded before the pool closed: " + recorded);
    assertEquals(recorded, db.count("SELECT COUNT(*) FROM audit"));
    RunResult rerun = Await.runOnceFree(db.migrator(), migration, options);
    assertTrue(rerun.succeeded(), rerun.status().error());
    assertEquals(100, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(100, db.count("SELECT COUNT(DISTINCT row_id) FROM audit"));
  }

  private Db usersWithAudit(TestDatabase kind, int rows) {
    return AuditedRename.fill(databases.create(kind), rows);
  }

  /**
   * The notes' table. Their keys differ only in case and accents ({@code "null"} and
   * {@code "NULL"}) or in trailing spaces, which MariaDB's default collation would call
   * duplicates, and a condition compares bodies that differ so: there every text is compared byte
   * by byte, trailing spaces included (no pad).
   */
  private static void createNotes(Db db) {
    db.createQuoted(Note.TABLE, db.kind == TestDatabase.MARIADB
        ? java.util.Map.of("id", "VARCHAR(700) COLLATE utf8mb4_nopad_bin",
            "body", "LONGTEXT COLLATE utf8mb4_nopad_bin", "copy", "LONGTEXT COLLATE utf8mb4_nopad_bin",
            "words", "LONGTEXT COLLATE utf8mb4_nopad_bin", "stamp", "LONGTEXT COLLATE utf8mb4_nopad_bin")
        : java.util.Map.of());
  }

  /** A connection pool on the database, which the test can close. */
  private static JdbcConnectionPool pool(Db db) {
    if (db.dataSource instanceof JdbcDataSource h2) {
      return JdbcConnectionPool.create(h2);
    }
    if (db.dataSource instanceof TestDatabase.UrlDataSource mariaDb) {
      try {
        org.mariadb.jdbc.MariaDbDataSource pooled = new org.mariadb.jdbc.MariaDbDataSource(
            mariaDb.url());
        pooled.setUser(mariaDb.user());
        pooled.setPassword(mariaDb.password());
        return JdbcConnectionPool.create(pooled);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    PGSimpleDataSource postgres = (PGSimpleDataSource) db.dataSource;
    PGConnectionPoolDataSource pooled = new PGConnectionPoolDataSource();
    pooled.setUrl(postgres.getUrl());
    pooled.setUser(postgres.getUser());
    return JdbcConnectionPool.create(pooled);
  }

  private static void assertMessage(String message, Executable bad) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, bad).getMessage());
  }
}
