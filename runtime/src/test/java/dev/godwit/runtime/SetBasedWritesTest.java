package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SetBasedWritesTest {

  private static final Table<Everything> COPY = Table.of("everything_copy", Everything.ID,
      Everything.TABLE.columns(), Everything.TABLE::read, Everything.TABLE::valuesOf);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBatchCostsTheSameStatementsWhateverItsSize(TestDatabase kind) {
    Db db = User.withAudit(kind, 110);
    StatementCounter counter = new StatementCounter(db.dataSource);
    Migrator migrator = Migrator.create(counter.dataSource());

    migrator.run(audited("users.small", User.ID.le(10L)), RunOptions.defaults().withBatchSize(10));
    long small = counter.executedOn("users") + counter.executedOn("audit");
    counter.reset();
    migrator.run(audited("users.large", User.ID.gt(10L)), RunOptions.defaults().withBatchSize(100));
    long large = counter.executedOn("users") + counter.executedOn("audit");

    assertEquals(small, large);
    assertTrue(large < 10, "statements for one batch: " + large);
    assertEquals(110, db.count("SELECT COUNT(*) FROM audit"));
    assertEquals(110, db.count("SELECT COUNT(*) FROM users WHERE name LIKE 'migrated%'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void valuesOfEveryTypeSurviveBatchedUpdatesAndInserts(TestDatabase kind) {
    Db db = new Db(kind);
    // the scale of the data, so that values compare equal with their scale
    db.createQuoted(Everything.TABLE, Map.of("amount", "NUMERIC(30, 5)"));
    db.createQuoted(COPY, Map.of("amount", "NUMERIC(30, 5)"));
    db.insert(Everything.TABLE, LongStream.rangeClosed(1, 6).mapToObj(Everything::full).toList());
    Migration<Everything> migration = Migration.on(Everything.TABLE, "everything.rewrite")
        .migrateOne((ctx, row) -> {
          ctx.insert(COPY, row);
          if (row.id() % 2 == 1) {
            return Patch.of(Everything.TABLE).set(Everything.TEXT, null).set(Everything.AT, null)
                .set(Everything.PLAN, Everything.Plan.PRO);
          }
          Patch<Everything> all = Everything.TABLE.valuesOf(Everything.full(row.id() + 1000));
          Patch<Everything> patch = Patch.of(Everything.TABLE);
          all.values().forEach((column, value) -> {
            if (!column.equals(Everything.ID)) {
              patch.set(cast(column), value);
            }
          });
          return patch;
        });

    RunResult result = db.migrator().run(migration);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    List<Everything> expected = new ArrayList<>();
    for (long id = 1; id <= 6; id++) {
      Everything full = Everything.full(id);
      Everything other = Everything.full(id + 1000);
      expected.add(id % 2 == 1
          ? new Everything(id, null, full.flag(), full.count(), full.ratio(), full.amount(),
              full.uuid(), null, full.day(), full.local(), Everything.Plan.PRO, full.prefs())
          : new Everything(id, other.text(), other.flag(), other.count(), other.ratio(),
              other.amount(), other.uuid(), other.at(), other.day(), other.local(), other.plan(),
              other.prefs()));
    }
    assertEquals(expected, read(db, Everything.TABLE));
    assertEquals(LongStream.rangeClosed(1, 6).mapToObj(Everything::full).toList(), read(db, COPY));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void valuesFinerThanTheDefaultColumnTypesSurviveBatchedUpdatesAndInserts(TestDatabase kind) {
    Db db = new Db(kind);
    // PostgreSQL keeps microseconds at most, H2 nanoseconds
    boolean nanos = kind == TestDatabase.H2;
    String fraction = nanos ? "(9)" : "(6)";
    Map<String, String> fine = Map.of("amount", "NUMERIC(40, 15)",
        "at", "TIMESTAMP" + fraction + " WITH TIME ZONE", "local_time", "TIMESTAMP" + fraction);
    db.createQuoted(Everything.TABLE, fine);
    db.createQuoted(COPY, fine);
    db.insert(Everything.TABLE, List.of(Everything.empty(1)));
    ChronoUnit unit = nanos ? ChronoUnit.NANOS : ChronoUnit.MICROS;
    Everything precise = new Everything(1, null, null, null, null,
        new BigDecimal("12345.123456789012345"), null,
        Instant.parse("2024-02-29T23:59:59.123456789Z").truncatedTo(unit), null,
        LocalDateTime.of(2030, 1, 1, 12, 0, 0, 987654321).truncatedTo(unit), null, null);
    Migration<Everything> migration = Migration.on(Everything.TABLE, "everything.precise")
        .migrateOne((ctx, row) -> {
          ctx.insert(COPY, precise);
          return Patch.of(Everything.TABLE).set(Everything.AMOUNT, precise.amount())
              .set(Everything.AT, precise.at()).set(Everything.LOCAL, precise.local());
        });

    RunResult result = db.migrator().run(migration);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(List.of(precise), read(db, Everything.TABLE));
    assertEquals(List.of(precise), read(db, COPY));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void writesToOneRowMergeAndADeletedRowIsNotAlsoUpdated(TestDatabase kind) {
    Db db = User.withAudit(kind, 6);
    Migration<User> migration = Migration.on(User.TABLE, "users.merge").migrateOne((ctx, user) -> {
      ctx.update(User.TABLE, user.id(), Patch.of(User.TABLE).set(User.NAME, "ctx " + user.id()));
      if (user.id() == 3) {
        ctx.delete(User.TABLE, 3L);
      }
      if (user.id() == 4) {
        ctx.update(User.TABLE, 5L, Patch.of(User.TABLE).set(User.NAME, "from 4"));
        ctx.update(User.TABLE, 6L, Patch.of(User.TABLE).set(User.ROLE, "from 4"));
      }
      return Patch.of(User.TABLE).set(User.ROLE, "role " + user.id());
    });

    RunResult result = db.migrator().run(migration);

    assertEquals(6, result.status().rowsChanged());
    assertEquals(List.of(
            List.of("1", "ctx 1", "role 1"), List.of("2", "ctx 2", "role 2"),
            List.of("4", "ctx 4", "role 4"), List.of("5", "ctx 5", "role 5"),
            List.of("6", "ctx 6", "role 6")),
        db.rows("SELECT id, name, role FROM users ORDER BY id").stream()
            .map(row -> row.values().stream().map(String::valueOf).toList()).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWriteWithAnIdOfTheWrongTypeFailsItsRowWithTheFix(TestDatabase kind) {
    Db db = User.withAudit(kind, 3);
    Migration<User> migration = Migration.on(User.TABLE, "users.badId").migrateOne((ctx, user) -> {
      ctx.delete(User.TABLE, (int) user.id());
      return null;
    });

    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("IllegalArgumentException: the id of users is a Long, not a Integer (1);"
        + " pass a Long", result.status().error());
    assertEquals("1", result.status().errorRowId());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aPatchThatChangesThePrimaryKeyFailsItsRow(TestDatabase kind) {
    Db db = User.withAudit(kind, 3);
    Migration<User> migration = Migration.on(User.TABLE, "users.moveIds")
        .migrateOne((ctx, user) -> Patch.of(User.TABLE).set(User.ID, user.id() + 100));

    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("IllegalArgumentException: a patch of users sets its primary key id; insert a"
        + " new row and delete the old one instead", result.status().error());
    assertEquals(3, db.count("SELECT COUNT(*) FROM users WHERE id < 100"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aValueOfTheWrongTypeFailsTheRunRatherThanThrowing(TestDatabase kind) {
    Db db = User.withAudit(kind, 3);
    Migration<User> migration = Migration.on(User.TABLE, "users.badValue")
        .migrateOne((ctx, user) -> Patch.of(User.TABLE).set((Column) User.NAME, 42));

    RunResult dry = db.migrator().run(migration, RunOptions.dryRun());
    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, dry.status().state());
    assertEquals(MigrationState.FAILED, result.status().state());
    assertTrue(result.status().error().startsWith("ClassCastException"), result.status().error());
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE name = '42'"));
  }

  private static Migration<User> audited(String name, Condition<User> range) {
    return Migration.on(User.TABLE, name).range(range).migrateOne((ctx, user) -> {
      ctx.insert(Audit.TABLE, Audit.of(user.id(), name));
      return Patch.of(User.TABLE).set(User.NAME, "migrated " + user.id());
    });
  }

  private static List<Everything> read(Db db, Table<Everything> table) {
    try (var connection = db.dataSource.getConnection()) {
      List<Everything> rows = new ArrayList<>();
      var statement = connection.prepareStatement("SELECT " + table.columns().stream()
          .map(column -> db.quote(column.name())).collect(java.util.stream.Collectors.joining(", "))
          + " FROM " + db.quote(table.name()) + " ORDER BY 1");
      var resultSet = statement.executeQuery();
      Row row = new Row() {
        @Override
        public <V> V get(Column<?, V> column) throws java.sql.SQLException {
          return column.type().read(resultSet, table.columns().indexOf(column) + 1);
        }
      };
      while (resultSet.next()) {
        rows.add(table.read(row));
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Column<Everything, Object> cast(Column<Everything, ?> column) {
    return (Column<Everything, Object>) column;
  }
}
