package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Order lines keyed by {@code (order_id, line_no)}: orders 1 to 6 with lines 1, 2, 3 and 10, so that
 * the next key after (1, 10) is (2, 1), and batches of 5 split orders. Line 10 sorts after line 3
 * only as a number. Each row carries a version column, incremented by every update, which counts
 * how many times Godwit changed it.
 */
class CompositeKeyTest {

  record Line(long orderId, int lineNo, String sku, String label, int version) {
    static final Column<Line, Long> ORDER_ID = Column.of("order_id", ColumnType.LONG);
    static final Column<Line, Integer> LINE_NO = Column.of("line_no", ColumnType.INTEGER);
    static final Column<Line, String> SKU = Column.of("sku", ColumnType.STRING);
    static final Column<Line, String> LABEL = Column.of("label", ColumnType.STRING);
    static final Column<Line, Integer> VERSION = Column.of("version", ColumnType.INTEGER);
    static final Table<Line> TABLE = Table.<Line>builder("order_lines")
        .key(ORDER_ID, LINE_NO)
        .columns(List.of(ORDER_ID, LINE_NO, SKU, LABEL, VERSION))
        .version(VERSION)
        .reader(row -> new Line(row.get(ORDER_ID), row.get(LINE_NO), row.get(SKU), row.get(LABEL),
            row.get(VERSION)))
        .writer(line -> Patch.of(Line.TABLE).set(ORDER_ID, line.orderId())
            .set(LINE_NO, line.lineNo()).set(SKU, line.sku()).set(LABEL, line.label())
            .set(VERSION, line.version()))
        .build();

    List<Object> key() {
      return List.of(orderId, lineNo);
    }
  }

  private static final int[] LINES = {1, 2, 3, 10};

  /** Every line, in the order the table's key sorts them. */
  private static List<List<Object>> keysInOrder() {
    List<List<Object>> keys = new ArrayList<>();
    for (long order = 1; order <= 6; order++) {
      for (int line : LINES) {
        keys.add(List.of(order, line));
      }
    }
    return keys;
  }

  /** The lines, inserted out of key order so that insertion order cannot pass for key order. */
  private static Db withLines(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE order_lines (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
        + " sku VARCHAR(20), label VARCHAR(40), version INTEGER NOT NULL,"
        + " PRIMARY KEY (order_id, line_no))");
    List<Line> lines = new ArrayList<>();
    for (List<Object> key : keysInOrder()) {
      long order = (Long) key.get(0);
      int line = (Integer) key.get(1);
      lines.add(new Line(order, line, "sku-" + order + "-" + line, null, 0));
    }
    Collections.reverse(lines);
    db.insert(Line.TABLE, lines);
    return db;
  }

  private static Migration<Line> labelEachLine(String name, RowMigration<Line> migrateOne) {
    return Migration.on(Line.TABLE, name).batchSize(5).verifiedBy(Line.LABEL.isNull())
        .migrateOne(migrateOne);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrateOneVisitsEveryLineOnceInKeyOrderAcrossBatchesThatSplitOrders(TestDatabase kind) {
    Db db = withLines(kind);
    List<List<Object>> visited = new ArrayList<>();

    RunResult result = db.migrator().run(labelEachLine("order_lines.label", (ctx, line) -> {
      visited.add(line.key());
      return Patch.of(Line.TABLE).set(Line.LABEL, "labelled " + line.sku());
    }));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(keysInOrder(), visited);
    assertEquals(24, result.status().rowsVisited());
    assertEquals(24, result.status().rowsChanged());
    assertEquals("[\"6\",\"10\"]", result.status().cursor());
    assertEquals(24, db.count("SELECT COUNT(*) FROM order_lines WHERE label = 'labelled ' || sku"
        + " AND version = 1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailureMidOrderThenAResumedRunChangesEveryLineExactlyOnce(TestDatabase kind) {
    Db db = withLines(kind);
    AtomicBoolean failOnce = new AtomicBoolean(true);
    Migration<Line> migration = labelEachLine("order_lines.label", (ctx, line) -> {
      if (line.key().equals(List.of(3L, 2)) && failOnce.getAndSet(false)) {
        throw new IllegalStateException("line 2 of order 3 is locked");
      }
      return Patch.of(Line.TABLE).set(Line.LABEL, "labelled");
    });

    RunResult failed = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, failed.status().state());
    assertEquals("[\"3\",\"2\"]", failed.status().errorRowId());
    assertEquals("[\"2\",\"1\"]", failed.status().cursor());
    assertEquals(5, failed.status().rowsChanged());
    assertEquals(5, db.count("SELECT COUNT(*) FROM order_lines WHERE version = 1"));

    RunResult resumed = db.migrator().run(migration);

    assertTrue(resumed.succeeded(), String.valueOf(resumed.status().error()));
    assertEquals(24, resumed.status().rowsVisited());
    assertEquals(24, resumed.status().rowsChanged());
    assertEquals(24, db.count("SELECT COUNT(*) FROM order_lines WHERE label = 'labelled'"
        + " AND version = 1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migrateInDatabaseUpdatesEachWindowOnceAndResumesAfterAFailure(TestDatabase kind) {
    Db db = withLines(kind);
    // the copy of one line's sku breaks a constraint, as a bad value would mid-way in a real table
    db.execute("ALTER TABLE order_lines ADD CONSTRAINT label_not_bad"
        + " CHECK (label IS NULL OR label <> 'BAD')");
    db.execute("UPDATE order_lines SET sku = 'BAD' WHERE order_id = 3 AND line_no = 2");
    Migration<Line> copy = Migration.on(Line.TABLE, "order_lines.copySku").batchSize(5)
        .verifiedBy(Line.LABEL.isNull())
        .migrateInDatabase(Line.LABEL.copyOf(Line.SKU));

    RunResult failed = db.migrator().run(copy);

    // the refused batch is split until the refused line is found; the lines before it commit
    assertEquals(MigrationState.FAILED, failed.status().state());
    assertEquals("[\"3\",\"2\"]", failed.status().errorRowId());
    assertEquals("[\"3\",\"1\"]", failed.status().cursor());
    assertEquals(9, db.count("SELECT COUNT(*) FROM order_lines WHERE label = sku AND version = 1"));

    db.execute("UPDATE order_lines SET sku = 'fixed' WHERE order_id = 3 AND line_no = 2");
    RunResult resumed = db.migrator().run(copy);

    assertTrue(resumed.succeeded(), String.valueOf(resumed.status().error()));
    assertEquals(24, resumed.status().rowsVisited());
    assertEquals(24, resumed.status().rowsChanged());
    assertEquals("[\"6\",\"10\"]", resumed.status().cursor());
    assertEquals(24, db.count("SELECT COUNT(*) FROM order_lines WHERE label = sku AND version = 1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void dryRunsDescribeLinesByTheirKeyAndChangeNothing(TestDatabase kind) {
    Db db = withLines(kind);
    String inKeyOrder = "SELECT * FROM order_lines ORDER BY order_id, line_no";
    List<Map<String, Object>> before = db.rows(inKeyOrder);
    Migration<Line> one = labelEachLine("order_lines.label",
        (ctx, line) -> Patch.of(Line.TABLE).set(Line.LABEL, "x"));
    Migration<Line> inDatabase = Migration.on(Line.TABLE, "order_lines.copySku").batchSize(5)
        .migrateInDatabase(Line.LABEL.copyOf(Line.SKU));

    RunResult dryOne = db.migrator().run(one, RunOptions.dryRun());
    RunResult dryInDatabase = db.migrator().run(inDatabase, RunOptions.dryRun());

    List<List<Object>> firstFive = keysInOrder().subList(0, 5);
    assertEquals(firstFive, dryOne.changes().stream().map(RowChange::id).toList());
    assertEquals(firstFive, dryInDatabase.changes().stream().map(RowChange::id).toList());
    assertEquals("[\"2\",\"1\"]", dryOne.status().cursor());
    assertEquals("[\"2\",\"1\"]", dryInDatabase.status().cursor());
    RowChange last = dryOne.changes().get(4);
    assertEquals(null, last.before().get("label"));
    assertEquals("x", last.after().get("label"));
    assertEquals("1", last.after().get("version"));
    assertEquals("sku-2-1", dryInDatabase.changes().get(4).after().get("label"));
    assertEquals(before, db.rows(inKeyOrder));
    assertEquals(null, db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void verificationSamplesKeysAsListsInKeyOrder(TestDatabase kind) {
    Db db = withLines(kind);
    db.execute("UPDATE order_lines SET label = 'done' WHERE line_no = 1");

    VerificationResult result =
        db.migrator().verify(Verification.of(Line.TABLE, "order_lines.label", Line.LABEL.isNull()));

    assertEquals(18, result.remaining());
    assertEquals(List.of(List.of(1L, 2), List.of(1L, 3), List.of(1L, 10), List.of(2L, 2),
        List.of(2L, 3), List.of(2L, 10), List.of(3L, 2), List.of(3L, 3), List.of(3L, 10),
        List.of(4L, 2)), result.sampleIds());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aContextUpdatesInsertsAndDeletesLinesByTheirWholeKey(TestDatabase kind) {
    Db db = withLines(kind);
    Migration<Line> migration = Migration.on(Line.TABLE, "order_lines.reshape").batchSize(4)
        .range(Line.LINE_NO.eq(1))
        .migrateOne((ctx, line) -> {
          ctx.update(Line.TABLE, new ArrayList<>(List.of(line.orderId(), 2)),
              Patch.of(Line.TABLE).set(Line.LABEL, "sibling of 1"));
          ctx.delete(Line.TABLE, List.of(line.orderId(), 3));
          ctx.insert(Line.TABLE, new Line(line.orderId(), 30, "added", "inserted", 7));
          return Patch.of(Line.TABLE).set(Line.LABEL, "visited");
        });

    RunResult result = db.migrator().run(migration);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(6, result.status().rowsVisited());
    assertEquals(List.of(
            Map.of("line_no", "1", "label", "visited", "version", "1"),
            Map.of("line_no", "2", "label", "sibling of 1", "version", "1"),
            Map.of("line_no", "30", "label", "inserted", "version", "7")),
        db.rows("SELECT line_no, label, version FROM order_lines WHERE order_id = 4"
            + " AND line_no <> 10 ORDER BY line_no"));
    assertEquals(6, db.count("SELECT COUNT(*) FROM order_lines WHERE line_no = 10"
        + " AND label IS NULL AND version = 0"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM order_lines WHERE line_no = 3"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aContextWriteWithAKeyOfTheWrongShapeFailsOnItsRowSayingTheShape(TestDatabase kind) {
    Db db = withLines(kind);
    Migration<Line> migration = labelEachLine("order_lines.wrongKey", (ctx, line) -> {
      ctx.update(Line.TABLE, line.orderId(), Patch.of(Line.TABLE).set(Line.LABEL, "x"));
      return null;
    });

    RunResult result = db.migrator().run(migration);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertEquals("[\"1\",\"1\"]", result.status().errorRowId());
    assertEquals("IllegalArgumentException: the key of order_lines is composite, so 1 does not name"
        + " a row; pass a List of 2 values in key order, List.of(order_id as Long, line_no as"
        + " Integer)", result.status().error());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRecordedCursorOfAnotherKeyShapeIsRefusedUntilTheMigrationIsReset(TestDatabase kind) {
    Db db = withLines(kind);
    // a single-column key the lines also have, so that the same table is migrated under either key
    db.execute("ALTER TABLE order_lines ADD COLUMN line_id BIGINT",
        "UPDATE order_lines SET line_id = order_id * 100 + line_no",
        kind == TestDatabase.MARIADB ? "ALTER TABLE order_lines MODIFY line_id BIGINT NOT NULL"
            : "ALTER TABLE order_lines ALTER COLUMN line_id SET NOT NULL",
        "ALTER TABLE order_lines ADD CONSTRAINT line_id_unique UNIQUE (line_id)");
    Column<Line, Long> lineId = Column.of("line_id", ColumnType.LONG);
    List<Column<Line, ?>> columns = new ArrayList<>(Line.TABLE.columns());
    columns.add(lineId);
    Table<Line> byLineId = Table.<Line>builder("order_lines").key(lineId).columns(columns)
        .reader(Line.TABLE::read).writer(Line.TABLE::valuesOf).build();
    assertTrue(db.migrator().run(Migration.on(byLineId, "order_lines.label").batchSize(100)
        .migrateOne((ctx, line) -> null)).succeeded());
    Migration<Line> byLine = labelEachLine("order_lines.label",
        (ctx, line) -> Patch.of(Line.TABLE).set(Line.LABEL, "x"));

    MigrationException refused =
        assertThrows(MigrationException.class, () -> db.migrator().run(byLine));
    MigrationException refusedDry = assertThrows(MigrationException.class,
        () -> db.migrator().run(byLine, RunOptions.dryRun()));

    assertEquals("Migration order_lines.label recorded the cursor 610, which is not a key of"
        + " order_lines (order_id, line_no), so the key changed since it ran; run it again with"
        + " RunOptions.defaults().withReset() to start over from the first row.",
        refused.getMessage());
    assertEquals(refused.getMessage(), refusedDry.getMessage());
    assertEquals(0, db.count("SELECT COUNT(*) FROM order_lines WHERE label IS NOT NULL"));
    RunResult reset = db.migrator().run(byLine, RunOptions.defaults().withReset());
    assertTrue(reset.succeeded(), String.valueOf(reset.status().error()));
    assertEquals(24, db.count("SELECT COUNT(*) FROM order_lines WHERE label = 'x'"));

    MigrationException singleRefused = assertThrows(MigrationException.class,
        () -> db.migrator().run(Migration.on(byLineId, "order_lines.label")
            .migrateOne((ctx, line) -> null)));
    assertTrue(singleRefused.getMessage().startsWith("Migration order_lines.label recorded the"
        + " cursor [\"6\",\"10\"], which is not a key of order_lines (line_id)"),
        singleRefused.getMessage());
  }

  /**
   * Lets a key column hold NULL after a migrator found the table sound: its catalog check, made once
   * per migrator and table, refuses such a table before the first batch, so only a table changed
   * since reaches the batches' own guard.
   */
  private static void dropKeyConstraints(Db db, String table, String... keyColumns) {
    db.execute(db.kind != TestDatabase.POSTGRES ? "ALTER TABLE " + table + " DROP PRIMARY KEY"
        : "ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_pkey");
    for (String column : keyColumns) {
      if (db.kind == TestDatabase.MARIADB) {
        // MySQL changes a column's nullability only by declaring the whole column again
        Object type = db.rows("SELECT column_type FROM information_schema.columns"
            + " WHERE table_schema = DATABASE() AND table_name = '" + table
            + "' AND column_name = '" + column + "'").get(0).get("column_type");
        db.execute("ALTER TABLE " + table + " MODIFY " + column + " " + type + " NULL");
        continue;
      }
      db.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNullKeyValueStopsARunAndAVerificationNamingTheTableAndItsKeyColumns(TestDatabase kind) {
    Db db = withLines(kind);
    Migrator migrator = db.migrator();
    migrator.checkMapping(Line.TABLE);
    dropKeyConstraints(db, "order_lines", "order_id", "line_no");
    db.execute("INSERT INTO order_lines VALUES (1, NULL, 'b', NULL, 0)");
    String expected = "Table order_lines has a row with NULL in its key columns (order_id,"
        + " line_no), which Godwit cannot visit in key order or write back; make the key the"
        + " table's primary key, or a unique key over NOT NULL columns.";

    MigrationException one = assertThrows(MigrationException.class, () -> migrator.run(
        labelEachLine("order_lines.label", (ctx, line) -> null), RunOptions.defaults()
            .withBatchSize(100)));
    MigrationException inDatabase = assertThrows(MigrationException.class, () -> migrator.run(
        Migration.on(Line.TABLE, "order_lines.copySku").batchSize(100)
            .migrateInDatabase(Line.LABEL.copyOf(Line.SKU))));
    MigrationException verify = assertThrows(MigrationException.class, () -> migrator.verify(
        Verification.of(Line.TABLE, "order_lines.label", Line.LABEL.isNull())));

    assertEquals(expected, one.getMessage());
    assertEquals(expected, inDatabase.getMessage());
    assertEquals(expected, verify.getMessage());
    assertEquals(0, db.count("SELECT COUNT(*) FROM order_lines WHERE label IS NOT NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNullInASingleColumnKeyIsNamedToo(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, User.some(3));
    Migrator migrator = db.migrator();
    migrator.checkMapping(User.TABLE);
    dropKeyConstraints(db, "users", "id");
    db.execute("INSERT INTO users VALUES (NULL, 'b', NULL)");
    String expected = "Table users has a row with NULL in its key column (id), which Godwit cannot"
        + " visit in key order or write back; make the key the table's primary key, or a unique"
        + " key over NOT NULL columns.";

    MigrationException one = assertThrows(MigrationException.class, () -> migrator.run(
        Migration.on(User.TABLE, "users.role").migrateOne(
            (ctx, user) -> Patch.of(User.TABLE).set(User.ROLE, "user"))));
    MigrationException inDatabase = assertThrows(MigrationException.class,
        () -> migrator.run(User.addDefaultRoleInDatabase()));
    MigrationException verify = assertThrows(MigrationException.class, () -> migrator.verify(
        Verification.of(User.TABLE, "users.role", User.ROLE.isNull())));

    assertEquals(expected, one.getMessage());
    assertEquals(expected, inDatabase.getMessage());
    assertEquals(expected, verify.getMessage());
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role = 'user'"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBatchCostsTheSameStatementsWhateverItsSize(TestDatabase kind) {
    Db db = withLines(kind);
    StatementCounter counter = new StatementCounter(db.dataSource);
    Migrator migrator = Migrator.create(counter.dataSource());
    RowMigration<Line> reshape = (ctx, line) -> {
      if (line.lineNo() == 1) {
        ctx.update(Line.TABLE, List.of(line.orderId(), 10),
            Patch.of(Line.TABLE).set(Line.LABEL, "from line 1"));
        ctx.delete(Line.TABLE, List.of(line.orderId(), 3));
      }
      return line.lineNo() == 2 ? Patch.of(Line.TABLE).set(Line.LABEL, "line 2") : null;
    };

    migrator.run(Migration.on(Line.TABLE, "order_lines.small").range(Line.ORDER_ID.le(2L))
        .migrateOne(reshape), RunOptions.defaults().withBatchSize(8));
    long small = counter.executedOn("order_lines");
    counter.reset();
    migrator.run(Migration.on(Line.TABLE, "order_lines.large").range(Line.ORDER_ID.gt(2L))
        .migrateOne(reshape), RunOptions.defaults().withBatchSize(16));
    long large = counter.executedOn("order_lines");

    assertEquals(small, large);
    assertTrue(large < 10, "statements for one batch: " + large);
    assertEquals(6, db.count("SELECT COUNT(*) FROM order_lines WHERE line_no = 10"
        + " AND label = 'from line 1' AND version = 1"));
    assertEquals(6, db.count("SELECT COUNT(*) FROM order_lines WHERE line_no = 2"
        + " AND label = 'line 2' AND version = 1"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM order_lines WHERE line_no = 3"));
  }
}
