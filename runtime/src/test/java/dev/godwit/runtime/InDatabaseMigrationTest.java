package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InDatabaseMigrationTest {

  /** A table and columns named with reserved words, created with quotes. */
  record Entry(long id, String value, String group) {
    static final Column<Entry, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Entry, String> VALUE = Column.of("value", ColumnType.STRING);
    static final Column<Entry, String> GROUP = Column.of("group", ColumnType.STRING);
    static final Table<Entry> TABLE = Table.of("user", ID, List.of(ID, VALUE, GROUP),
        row -> new Entry(row.get(ID), row.get(VALUE), row.get(GROUP)),
        entry -> Patch.of(Entry.TABLE).set(ID, entry.id()).set(VALUE, entry.value())
            .set(GROUP, entry.group()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void setsAConstantInsideTheDatabaseOneUpdatePerBatch(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, User.some(25));
    List<MigrationStatus> seen = new ArrayList<>();
    Migration<User> migration = User.addDefaultRoleInDatabase();

    RunResult result = db.migrator().run(migration, RunOptions.defaults().withListener(seen::add));

    assertTrue(result.succeeded());
    assertEquals(17, result.status().rowsVisited());
    assertEquals(17, result.status().rowsChanged());
    assertEquals(17, result.status().estimatedTotal());
    assertEquals("25", result.status().cursor());
    assertEquals(List.of(10L, 17L, 17L), seen.stream().map(MigrationStatus::rowsVisited).toList());
    assertEquals(8, db.count("SELECT COUNT(*) FROM users WHERE role = 'admin'"));
    assertEquals(17, db.count("SELECT COUNT(*) FROM users WHERE role = 'user'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void copiesOneColumnIntoAnotherOverAReservedWordTable(TestDatabase kind) {
    Db db = new Db(kind);
    db.createQuoted(Entry.TABLE);
    db.insert(Entry.TABLE, LongStream.rangeClosed(1, 12)
        .mapToObj(id -> new Entry(id, "v" + id, null)).toList());
    Migration<Entry> copy = Migration.on(Entry.TABLE, "user.copyValue").batchSize(5)
        .verifiedBy(Entry.GROUP.isNull())
        .migrateInDatabase(Entry.GROUP.copyOf(Entry.VALUE));

    RunResult result = db.migrator().run(copy);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(12, result.status().rowsChanged());
    assertEquals(12, db.count("SELECT COUNT(*) FROM " + db.quote("user") + " WHERE "
        + db.quote("group") + " = " + db.quote("value")));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrateOneWorksOverAReservedWordTableToo(TestDatabase kind) {
    Db db = new Db(kind);
    db.createQuoted(Entry.TABLE);
    db.insert(Entry.TABLE, LongStream.rangeClosed(1, 7)
        .mapToObj(id -> new Entry(id, "v" + id, id % 2 == 0 ? "even" : null)).toList());
    Migration<Entry> fill = Migration.on(Entry.TABLE, "user.fillGroup").batchSize(3)
        .range(Entry.GROUP.isNull())
        .verifiedBy(Entry.GROUP.isNull())
        .migrateOne((ctx, entry) -> {
          ctx.update(Entry.TABLE, entry.id(), Patch.of(Entry.TABLE).set(Entry.VALUE, "seen"));
          return Patch.of(Entry.TABLE).set(Entry.GROUP, "odd");
        });

    RunResult dry = db.migrator().run(fill, RunOptions.dryRun());
    RunResult result = db.migrator().run(fill);

    assertEquals(3, dry.changes().size());
    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(4, result.status().rowsChanged());
    assertEquals(4, db.count("SELECT COUNT(*) FROM " + db.quote("user") + " WHERE "
        + db.quote("group") + " = 'odd' AND " + db.quote("value") + " = 'seen'"));
  }
}
