package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.SchemaMismatchException.Code;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Before the first batch and before a verification, a table is compared with the live catalog, and a
 * mismatch is refused before anything is written, with every problem in one exception.
 */
class SchemaCheckTest {

  /** A row of any of these hand-written tables: its values by column name. */
  record Cells(Map<String, Object> values) {
    Object get(Column<Cells, ?> column) {
      return values.get(column.name());
    }
  }

  enum Mood { CALM, BUSY, TIRED }

  static final Column<Cells, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Cells, String> NAME = Column.of("name", ColumnType.STRING);
  static final Column<Cells, Long> ORDER_ID = Column.of("order_id", ColumnType.LONG);
  static final Column<Cells, Integer> LINE_NO = Column.of("line_no", ColumnType.INTEGER);
  static final Column<Cells, Integer> QTY = Column.of("qty", ColumnType.INTEGER);

  /** A table in the default schema with a key and columns; rows are read and written generically. */
  @SafeVarargs
  static Table<Cells> table(String name, List<Column<Cells, ?>> key, Column<Cells, ?>... columns) {
    return table(null, name, key, columns);
  }

  /** A table in a schema ({@code null}: the default one), read and written generically. */
  @SafeVarargs
  static Table<Cells> table(String schema, String name, List<Column<Cells, ?>> key,
      Column<Cells, ?>... columns) {
    List<Column<Cells, ?>> all = new ArrayList<>();
    for (Column<Cells, ?> column : columns) {
      all.add(column);
    }
    Table.Builder<Cells> builder = Table.<Cells>builder(name).key(key).columns(all)
        .reader(row -> {
          Map<String, Object> values = new LinkedHashMap<>();
          for (Column<Cells, ?> column : all) {
            values.put(column.name(), row.get(column));
          }
          return new Cells(values);
        })
        .writer(cells -> {
          Patch<Cells> patch = new Patch<>();
          all.forEach(column -> set(patch, column, cells.get(column)));
          return patch;
        });
    return schema == null ? builder.build() : builder.schema(schema).build();
  }

  @SuppressWarnings("unchecked")
  private static <V> void set(Patch<Cells> patch, Column<Cells, V> column, Object value) {
    patch.set(column, (V) value);
  }

  /** A type name as each database reports it. */
  private static String type(TestDatabase kind, String h2, String postgres) {
    return kind == TestDatabase.H2 ? h2 : postgres;
  }

  /** A type name as each database reports it, MariaDB's differing from PostgreSQL's. */
  private static String type(TestDatabase kind, String h2, String postgres, String mariaDb) {
    return kind == TestDatabase.MARIADB ? mariaDb : type(kind, h2, postgres);
  }

  private static SchemaMismatchException refused(Executable work) {
    return assertThrows(SchemaMismatchException.class, work);
  }

  private static List<Code> codes(SchemaMismatchException refusal) {
    return refusal.problems().stream().map(Problem::code).toList();
  }

  // issue item 10: keys

  static final Table<Cells> LEGACY = table("legacy", List.of(ID), ID, NAME);

  static Migration<Cells> renameLegacy() {
    return Migration.on(LEGACY, "legacy.rename").batchSize(2)
        .verifiedBy(NAME.isNull())
        .migrateOne((ctx, row) -> Patch.of(LEGACY).set(NAME, "row " + row.get(ID) + " " + row.get(NAME)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aKeyWithDuplicatesAndNoPrimaryKeyIsRefusedOnRunDryRunAndVerifyWithNothingWritten(
      TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE legacy (id BIGINT NOT NULL, name VARCHAR(20))",
        "INSERT INTO legacy VALUES (1, 'a'), (2, 'b'), (2, 'c'), (3, 'd'), (3, 'e'), (4, 'f')");
    List<Map<String, Object>> before = db.rows("SELECT * FROM legacy ORDER BY id, name");
    String expected = "Table legacy has no primary key or unique index on (id), so two rows with the"
        + " same key would receive each other's values; add a primary key or unique constraint on"
        + " that column.";

    for (Executable attempt : List.<Executable>of(
        () -> db.migrator().run(renameLegacy()),
        () -> db.migrator().run(renameLegacy(), RunOptions.dryRun()),
        () -> db.migrator().run(renameLegacy(), RunOptions.defaults().withSingleTransaction(100)),
        () -> db.migrator().runAll(List.of(renameLegacy())),
        () -> db.migrator().verify(Verification.of(LEGACY, "legacy.rename", NAME.isNull())))) {
      SchemaMismatchException refusal = refused(attempt);
      assertEquals(expected, refusal.getMessage());
      assertEquals(List.of(Code.KEY_NOT_UNIQUE), codes(refusal));
      assertEquals("legacy", refusal.table());
    }
    assertEquals(before, db.rows("SELECT * FROM legacy ORDER BY id, name"));
    assertNull(db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNullableKeyHoldingANullIsRefusedOnRunAndVerifyInsteadOfFailingOnIt(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE legacy (id BIGINT UNIQUE, name VARCHAR(20))",
        "INSERT INTO legacy VALUES (1, 'a'), (NULL, 'b'), (2, 'c')");
    String expected = "Column legacy.id may hold NULL, so a row whose key is NULL could be neither"
        + " visited nor written back by its key; give such rows a key and declare the column"
        + " NOT NULL.";

    SchemaMismatchException onRun = refused(() -> db.migrator().run(renameLegacy()));
    SchemaMismatchException onVerify = refused(
        () -> db.migrator().verify(Verification.of(LEGACY, "legacy.rename", NAME.isNotNull())));

    assertEquals(expected, onRun.getMessage());
    assertEquals(expected, onVerify.getMessage());
    assertEquals(List.of(Code.KEY_NULLABLE), codes(onRun));
    assertEquals(1, db.count("SELECT COUNT(*) FROM legacy WHERE name = 'b'"));
    assertNull(db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aUniqueIndexOverNotNullColumnsIsAKey(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE legacy (id BIGINT NOT NULL, name VARCHAR(20))",
        "CREATE UNIQUE INDEX legacy_id ON legacy (id)",
        "INSERT INTO legacy VALUES (1, 'a'), (2, 'b'), (3, 'c')");

    RunResult result = db.migrator().run(renameLegacy());

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of("row 1 a", "row 2 b", "row 3 c"),
        db.rows("SELECT name FROM legacy ORDER BY id").stream().map(row -> row.get("name")).toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aUniqueIndexOverANullableColumnIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE legacy (id BIGINT, name VARCHAR(20))",
        "CREATE UNIQUE INDEX legacy_id ON legacy (id)");

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(LEGACY));

    assertEquals(List.of(Code.KEY_NULLABLE), codes(refusal));
  }

  static final Table<Cells> ORDER_LINES =
      table("order_lines", List.of(ORDER_ID, LINE_NO), ORDER_ID, LINE_NO, QTY);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCompositeKeyThatIsThePrimaryKeyIsAccepted(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE order_lines (order_id BIGINT, line_no INTEGER, qty INTEGER,"
        + " PRIMARY KEY (order_id, line_no))");

    db.migrator().checkMapping(ORDER_LINES);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCompositeKeyHoldingTheWholePrimaryKeyIsUnique(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE order_lines (order_id BIGINT NOT NULL, line_no INTEGER PRIMARY KEY,"
        + " qty INTEGER)");

    db.migrator().checkMapping(ORDER_LINES);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCompositeKeyWithOnlyANonUniqueIndexIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE order_lines (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
        + " qty INTEGER)", "CREATE INDEX order_lines_key ON order_lines (order_id, line_no)");

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(ORDER_LINES));

    assertEquals("Table order_lines has no primary key or unique index on (order_id, line_no), so"
        + " two rows with the same key would receive each other's values; add a primary key or"
        + " unique constraint on those columns.", refusal.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aUniqueIndexOverPartOfTheKeyColumnsOnlyIsNotEnough(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE order_lines (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
        + " qty INTEGER)", "CREATE UNIQUE INDEX order_lines_key ON order_lines (order_id, qty)");

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(ORDER_LINES));

    assertEquals(List.of(Code.KEY_NOT_UNIQUE), codes(refusal));
  }

  @Test
  void aPartialUniqueIndexDoesNotMakeTheKeyUnique() {
    Db db = new Db(TestDatabase.POSTGRES);
    db.execute("CREATE TABLE legacy (id BIGINT NOT NULL, name VARCHAR(20))",
        "CREATE UNIQUE INDEX legacy_named ON legacy (id) WHERE name IS NOT NULL");

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(LEGACY));

    assertEquals(List.of(Code.KEY_NOT_UNIQUE), codes(refusal));
  }

  // issue item 11: instants and local date-times

  static final Column<Cells, Instant> AT = Column.of("at", ColumnType.INSTANT);
  static final Column<Cells, LocalDateTime> LOCAL_AT = Column.of("at", ColumnType.LOCAL_DATE_TIME);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anInstantOnATimestampWithoutTimeZoneIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, at TIMESTAMP)");
    Table<Cells> events = table("events", List.of(ID), ID, AT);

    SchemaMismatchException refusal = refused(() -> db.migrator().run(Migration.on(events,
        "events.touch").migrateInDatabase(AT.setTo(Instant.parse("2024-01-01T12:00:00Z")))));

    assertEquals("Column events.at is " + type(kind, "TIMESTAMP", "timestamp", "DATETIME") + ", which cannot"
        + " hold an Instant faithfully: without a time zone, the same Instant is stored as different"
        + " values through a bound parameter and through an in-database assignment, depending on"
        + " the JVM's time zone; declare it TIMESTAMP WITH TIME ZONE, or map the field as"
        + " LocalDateTime.", refusal.getMessage());
    assertEquals(List.of(Code.COLUMN_TYPE), codes(refusal));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anInstantOnATimestampWithTimeZoneIsAccepted(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE)",
        "INSERT INTO events (id) VALUES (1)");
    Table<Cells> events = table("events", List.of(ID), ID, AT);
    Instant noon = Instant.parse("2024-01-01T12:00:00Z");

    RunResult result = db.migrator().run(Migration.on(events, "events.touch")
        .range(AT.isNull()).migrateInDatabase(AT.setTo(noon)));

    assertTrue(result.succeeded(), result.toString());
    assertEquals(1, result.status().rowsChanged());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLocalDateTimeOnATimestampWithTimeZoneIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE)");

    SchemaMismatchException refusal = refused(
        () -> db.migrator().checkMapping(table("events", List.of(ID), ID, LOCAL_AT)));

    assertEquals("Column events.at is " + type(kind, "TIMESTAMP WITH TIME ZONE", "timestamptz", "TIMESTAMP")
        + ", which cannot hold a LocalDateTime faithfully: the database turns a local date-time into"
        + " an instant through the session's time zone, so the same value reads back differently"
        + " under another zone; declare it TIMESTAMP (without time zone), or map the field as"
        + " Instant.", refusal.getMessage());
  }

  // issue item 3: enums by name and by ordinal

  static final Column<Cells, Mood> MOOD_BY_NAME = Column.of("mood", ColumnType.enumType(Mood.class));
  static final Column<Cells, Mood> MOOD_BY_ORDINAL =
      Column.of("mood", ColumnType.enumOrdinal(Mood.class));

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEnumByNameOnASmallintColumnIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE pets (id BIGINT PRIMARY KEY, mood SMALLINT)");

    SchemaMismatchException refusal = refused(
        () -> db.migrator().checkMapping(table("pets", List.of(ID), ID, MOOD_BY_NAME)));

    assertEquals("Column pets.mood is " + type(kind, "SMALLINT", "int2", "SMALLINT") + ", which cannot hold"
        + " enum Mood stored by name: the column holds numbers but the enum is stored by its"
        + " constant's name; mark the field @Enumerated(EnumType.ORDINAL) if it holds ordinals, or"
        + " declare the column a character type such as VARCHAR.", refusal.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEnumByOrdinalOnAVarcharColumnIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE pets (id BIGINT PRIMARY KEY, mood VARCHAR(10))");

    SchemaMismatchException refusal = refused(
        () -> db.migrator().checkMapping(table("pets", List.of(ID), ID, MOOD_BY_ORDINAL)));

    assertEquals("Column pets.mood is " + type(kind, "CHARACTER VARYING", "varchar", "VARCHAR") + ", which"
        + " cannot hold enum Mood stored by ordinal: the column holds text but the enum is stored by"
        + " its constant's ordinal; mark the field @Enumerated(EnumType.STRING) if it holds the"
        + " constants' names, or declare the column an integer type such as SMALLINT or INTEGER.",
        refusal.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEnumByOrdinalOnASmallintColumnIsAcceptedAndWritten(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE pets (id BIGINT PRIMARY KEY, mood SMALLINT)",
        "INSERT INTO pets VALUES (1, 0), (2, 2)");
    Table<Cells> pets = table("pets", List.of(ID), ID, MOOD_BY_ORDINAL);

    RunResult result = db.migrator().run(Migration.on(pets, "pets.calmDown")
        .migrateOne((ctx, pet) -> pet.get(MOOD_BY_ORDINAL) == Mood.TIRED
            ? Patch.of(pets).set(MOOD_BY_ORDINAL, Mood.BUSY) : null));

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of("0", "1"), db.rows("SELECT mood FROM pets ORDER BY id").stream()
        .map(row -> row.get("mood")).toList());
  }

  // tables, schemas, columns and several problems at once

  static final Column<Cells, String> PLAN = Column.of("plan", ColumnType.STRING);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    Table<Cells> teams = table("teams", List.of(ID), ID, PLAN);

    SchemaMismatchException refusal = refused(() -> db.migrator().run(
        Migration.on(teams, "teams.backfillPlan").migrateInDatabase(PLAN.setTo("basic"))));

    assertEquals("Table teams does not exist; create it before running teams.backfillPlan.",
        refusal.getMessage());
    assertEquals(List.of(Code.TABLE_MISSING), codes(refusal));
    assertNull(db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingColumnIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(20))");
    Table<Cells> teams = table("teams", List.of(ID), ID, NAME, PLAN);

    SchemaMismatchException refusal = refused(() -> db.migrator().run(
        Migration.on(teams, "teams.backfillPlan").migrateInDatabase(PLAN.setTo("basic"))));

    assertEquals("Column teams.plan does not exist; add it to table teams before running"
        + " teams.backfillPlan (godwit schema apply --phase expand adds every column the code maps),"
        + " or correct the column's name in the mapping.", refusal.getMessage());
  }

  static final Column<Cells, String> FIRST_NAME = Column.of("firstName", ColumnType.STRING);

  /**
   * Spring Boot's default naming strategy turns even a declared {@code @Column(name = "firstName")}
   * into {@code first_name}; Godwit uses declared names as declared, so the check names the column
   * the application really uses.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aColumnNamedAsSpringBootNamesItIsPointedOut(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE people (id BIGINT PRIMARY KEY, first_name VARCHAR(20))");
    Table<Cells> people = table("people", List.of(ID), ID, FIRST_NAME);

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(people));

    assertEquals("Column people.firstName does not exist, though a column first_name does, the name"
        + " Spring Boot's default naming strategy gives firstName (declare the column's name as"
        + " first_name); add it to table people before migrating it (godwit schema apply --phase"
        + " expand adds every column the code maps), or correct the column's name in the mapping.", refusal.getMessage().replace("FIRST_NAME", "first_name"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTableOnlyInTheDefaultSchemaIsNotTheTableOfANamedSchema(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE SCHEMA billing",
        "CREATE TABLE teams (id BIGINT PRIMARY KEY, plan VARCHAR(20))",
        "INSERT INTO teams (id) VALUES (1), (2), (3), (4)");
    Table<Cells> billingTeams = table("billing", "teams", List.of(ID), ID, PLAN);

    SchemaMismatchException refusal = refused(() -> db.migrator().run(
        Migration.on(billingTeams, "billing.teams.backfillPlan")
            .migrateInDatabase(PLAN.setTo("basic"))));

    assertEquals("Table billing.teams does not exist; create it before running"
        + " billing.teams.backfillPlan.", refusal.getMessage());
    assertEquals(4, db.count("SELECT COUNT(*) FROM teams WHERE plan IS NULL"));
    assertNull(db.stateSnapshot());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTableIsLookedUpInItsOwnSchema(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE SCHEMA billing",
        "CREATE TABLE billing.teams (id BIGINT PRIMARY KEY, plan VARCHAR(20))");

    db.migrator().checkMapping(table("billing", "teams", List.of(ID), ID, PLAN));
    SchemaMismatchException unqualified = refused(
        () -> db.migrator().checkMapping(table("teams", List.of(ID), ID, PLAN)));

    assertEquals(List.of(Code.TABLE_MISSING), codes(unqualified));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anExactNameIsMatchedExactlyAndAFoldedOneSaysHowToReachIt(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE \"Customers\" (id BIGINT PRIMARY KEY, \"isPro\" BOOLEAN)");
    Column<Cells, Boolean> exactIsPro = Column.of("\"isPro\"", ColumnType.BOOLEAN);
    Column<Cells, Boolean> plainIsPro = Column.of("isPro", ColumnType.BOOLEAN);

    db.migrator().checkMapping(table("\"Customers\"", List.of(ID), ID, exactIsPro));
    SchemaMismatchException plainTable = refused(
        () -> db.migrator().checkMapping(table("customers", List.of(ID), ID, exactIsPro)));
    if (kind == TestDatabase.MARIADB) {
      // MySQL folds no name, and a column's name matches in any case: the plain name finds it
      db.migrator().checkMapping(table("\"Customers\"", List.of(ID), ID, plainIsPro));
      assertEquals("Table customers does not exist, though a table \"Customers\" does (write its"
          + " name between double quotes to map it exactly); create it before migrating it.",
          plainTable.getMessage());
      return;
    }
    SchemaMismatchException plainColumn = refused(
        () -> db.migrator().checkMapping(table("\"Customers\"", List.of(ID), ID, plainIsPro)));

    assertEquals("Table customers does not exist, though a table \"Customers\" does (write its name"
        + " between double quotes to map it exactly); create it before migrating it.",
        plainTable.getMessage());
    assertEquals("Column \"Customers\".isPro does not exist, though a column \"isPro\" does (write"
        + " its name between double quotes to map it exactly); add it to table \"Customers\" before"
        + " migrating it (godwit schema apply --phase expand adds every column the code maps), or"
        + " correct the column's name in the mapping.", plainColumn.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRealColumnForADoubleIsRefused(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE scores (id BIGINT PRIMARY KEY, score REAL)");
    Column<Cells, Double> score = Column.of("score", ColumnType.DOUBLE);

    SchemaMismatchException refusal = refused(
        () -> db.migrator().checkMapping(table("scores", List.of(ID), ID, score)));

    assertEquals("Column scores.score is " + type(kind, "REAL", "float4", "FLOAT") + ", which cannot hold a"
        + " Double faithfully: it keeps about seven significant digits, so values would be rounded"
        + " without an error; declare it DOUBLE PRECISION.", refusal.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aConvertedTypeFollowsTheRuleOfItsStoredType(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE flags (id BIGINT PRIMARY KEY, active CHAR(1), tags INTEGER)");
    Column<Cells, Boolean> active = Column.of("active",
        ColumnType.converted(ColumnType.STRING, Boolean.class, (Boolean flag) -> flag ? "Y" : "N",
            "Y"::equals));
    Column<Cells, List<String>> tags = Column.of("tags", ColumnType.converted(ColumnType.STRING,
        List.class, (List<String> list) -> String.join(",", list),
        (String text) -> List.of(text.split(","))));

    db.migrator().checkMapping(table("flags", List.of(ID), ID, active));
    SchemaMismatchException refusal = refused(
        () -> db.migrator().checkMapping(table("flags", List.of(ID), ID, tags)));

    assertEquals("Column flags.tags is " + type(kind, "INTEGER", "int4", "INT") + ", which cannot hold a"
        + " List converted to String faithfully; declare it a character type such as VARCHAR or"
        + " TEXT.", refusal.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aVersionColumnMustBeAnInteger(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE docs (id BIGINT PRIMARY KEY, version DOUBLE PRECISION NOT NULL)");
    Column<Cells, Double> version = Column.of("version", ColumnType.DOUBLE);
    Table<Cells> docs = Table.<Cells>builder("docs").key(ID).columns(List.of(ID, version))
        .version(version).reader(row -> new Cells(Map.of()))
        .writer(cells -> new Patch<>()).build();

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(docs));

    assertEquals("Column docs.version is " + type(kind, "DOUBLE PRECISION", "float8", "DOUBLE") + ", which"
        + " cannot hold the version column's counter; declare it an integer type such as INTEGER or"
        + " BIGINT.", refusal.getMessage());
  }

  @Test
  void anH2JsonColumnIsRefusedForJsonText() {
    Db db = new Db(TestDatabase.H2);
    db.execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, tags JSON)");
    Column<Cells, List<String>> tags =
        Column.of("tags", ColumnType.json(JsonCodec.list(JsonCodec.STRING)));

    SchemaMismatchException refusal = refused(
        () -> db.migrator().checkMapping(table("notes", List.of(ID), ID, tags)));

    assertEquals("Column notes.tags is JSON, which cannot hold a List stored as JSON faithfully;"
        + " declare it a character type such as VARCHAR or TEXT.", refusal.getMessage());
  }

  @Test
  void anUnqualifiedTableIsFoundWhereThePostgresSearchPathFindsIt() {
    Db db = new Db(TestDatabase.POSTGRES);
    String database = String.valueOf(db.rows("SELECT current_database() AS name").get(0).get("name"));
    db.execute("CREATE SCHEMA billing",
        "CREATE TABLE teams (id BIGINT PRIMARY KEY, plan VARCHAR(20))",
        "ALTER DATABASE " + database + " SET search_path TO billing, public");
    assertEquals("billing", db.rows("SELECT current_schema() AS name").get(0).get("name"));

    db.migrator().checkMapping(table("teams", List.of(ID), ID, PLAN));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyProblemOfATableIsReportedInOneException(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE events (id BIGINT, at TIMESTAMP, mood SMALLINT)");
    Table<Cells> events = table("events", List.of(ID), ID, AT, MOOD_BY_NAME, PLAN);

    SchemaMismatchException refusal = refused(() -> db.migrator().checkMapping(events));

    assertEquals(List.of(Code.COLUMN_TYPE, Code.COLUMN_TYPE, Code.COLUMN_MISSING, Code.KEY_NULLABLE,
        Code.KEY_NOT_UNIQUE), codes(refusal));
    assertTrue(refusal.getMessage().startsWith(
        "5 problems with table events must be fixed before it is migrated:\n  Column events.at is "),
        refusal.getMessage());
    for (Problem problem : refusal.problems()) {
      assertTrue(refusal.getMessage().contains("\n  " + problem.message()), problem.message());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRefusedTableIsCheckedAgainOnceFixed(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE legacy (id BIGINT NOT NULL, name VARCHAR(20))",
        "INSERT INTO legacy VALUES (1, 'a')");
    Migrator migrator = db.migrator();
    refused(() -> migrator.run(renameLegacy()));

    db.execute("ALTER TABLE legacy ADD PRIMARY KEY (id)");

    assertTrue(migrator.run(renameLegacy()).succeeded());
  }
}
