package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A row reader gets each column's own value whatever order it asks for them in, and a run reads
 * batch after batch, pass after pass, with the same statement.
 */
class RowReadTest {

  record Item(long id, String label, Integer size, String copy) {}

  static final Column<Item, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Item, String> LABEL = Column.of("label", ColumnType.STRING);
  static final Column<Item, Integer> SIZE = Column.of("size", ColumnType.INTEGER);
  static final Column<Item, String> COPY = Column.of("copy", ColumnType.STRING);
  static final List<Column<Item, ?>> COLUMNS = List.of(ID, LABEL, SIZE, COPY);

  /** Asks for the columns backwards, twice for one, and once through an equal column of its own. */
  static final Table<Item> SCRAMBLED = Table.of("items", ID, COLUMNS, row -> {
    String copy = row.get(COPY);
    Integer size = row.get(SIZE);
    String label = row.get(Column.<Item, String>of("LABEL", ColumnType.STRING));
    Integer sizeAgain = row.get(SIZE);
    assertEquals(size, sizeAgain, "the same column read twice");
    return new Item(row.get(ID), label, size, copy);
  }, RowReadTest::values);

  static final Table<Item> IN_ORDER = Table.of("items", ID, COLUMNS,
      row -> new Item(row.get(ID), row.get(LABEL), row.get(SIZE), row.get(COPY)),
      RowReadTest::values);

  private static Patch<Item> values(Item item) {
    return new Patch<Item>().set(ID, item.id()).set(LABEL, item.label()).set(SIZE, item.size())
        .set(COPY, item.copy());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void readsEveryColumnsOwnValueInAnyOrder(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(SCRAMBLED);
    db.insert(SCRAMBLED, LongStream.rangeClosed(1, 25)
        .mapToObj(id -> new Item(id, "label " + id, (int) id * 10, null)).toList());
    Migration<Item> copied = Migration.on(SCRAMBLED, "items.copy")
        .range(COPY.isNull())
        .batchSize(4)
        .migrateOne((ctx, item) -> Patch.of(SCRAMBLED).set(COPY, item.label() + "/" + item.size()));

    assertTrue(db.migrator().run(copied).succeeded());

    assertEquals(0, db.count("SELECT COUNT(*) FROM items WHERE copy IS NULL"
        + " OR copy <> CONCAT(label, '/', CAST(size AS VARCHAR(20)))"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void readsEveryBatchOfEveryPassAndEveryRun(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(IN_ORDER);
    db.insert(IN_ORDER, LongStream.rangeClosed(1, 30)
        .mapToObj(id -> new Item(id, "label " + id, null, null)).toList());
    List<Long> seen = new ArrayList<>();
    Migration<Item> sized = Migration.on(IN_ORDER, "items.size")
        .range(SIZE.isNull())
        .batchSize(7)
        .migrateOne((ctx, item) -> {
          seen.add(item.id());
          return Patch.of(IN_ORDER).set(SIZE, (int) item.id());
        });

    assertTrue(db.migrator().run(sized).succeeded());
    assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), seen);
    db.execute("UPDATE items SET size = NULL WHERE id IN (3, 17, 30)");
    seen.clear();
    assertTrue(db.migrator().run(sized, RunOptions.defaults().withReset()).succeeded());
    assertEquals(List.of(3L, 17L, 30L), seen);
    assertFalse(db.count("SELECT COUNT(*) FROM items WHERE size IS NULL OR size <> id") > 0);
  }
}
