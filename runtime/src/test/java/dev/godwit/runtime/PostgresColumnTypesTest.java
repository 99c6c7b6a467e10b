package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, set-based writes cast each value to the type its column is declared with, so columns
 * typed more precisely than a field's default SQL type ({@code jsonb}, an enum type, {@code
 * numeric(10, 2)}, {@code varchar(5)}) are written, and a value too long for its column fails instead
 * of being truncated.
 */
class PostgresColumnTypesTest {

  enum Mood { CALM, BUSY }

  record Note(long id, List<String> tags, BigDecimal price, Mood mood, String code) {}

  static final Column<Note, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Note, List<String>> TAGS =
      Column.of("tags", ColumnType.json(JsonCodec.list(JsonCodec.STRING)));
  static final Column<Note, BigDecimal> PRICE = Column.of("price", ColumnType.DECIMAL);
  static final Column<Note, Mood> MOOD = Column.of("mood", ColumnType.enumType(Mood.class));
  static final Column<Note, String> CODE = Column.of("code", ColumnType.STRING);
  static final Table<Note> NOTES = Table.of("notes", ID, List.of(ID, TAGS, PRICE, MOOD, CODE),
      row -> new Note(row.get(ID), row.get(TAGS), row.get(PRICE), row.get(MOOD), row.get(CODE)),
      note -> Patch.of(notesTable()).set(ID, note.id()).set(TAGS, note.tags())
          .set(PRICE, note.price()).set(MOOD, note.mood()).set(CODE, note.code()));

  private static Table<Note> notesTable() {
    return NOTES;
  }

  private static Db database() {
    Db db = new Db(TestDatabase.POSTGRES);
    db.execute("CREATE TYPE mood AS ENUM ('CALM', 'BUSY')",
        "CREATE TABLE notes (id BIGINT PRIMARY KEY, tags JSONB, price NUMERIC(10, 2), mood mood,"
            + " code VARCHAR(5))",
        "INSERT INTO notes (id) VALUES (1), (2), (3)");
    return db;
  }

  @Test
  void writesColumnsDeclaredWithTheirOwnTypes() {
    Db db = database();
    Migration<Note> fill = Migration.on(NOTES, "notes.fill")
        .migrateOne((ctx, note) -> Patch.of(NOTES)
            .set(TAGS, List.of("a", "b\"c", "n" + note.id()))
            .set(PRICE, new BigDecimal("12.34"))
            .set(MOOD, Mood.BUSY)
            .set(CODE, "c" + note.id()));

    RunResult result = db.migrator().run(fill);

    assertTrue(result.succeeded(), result.toString());
    List<Map<String, Object>> rows = db.rows(
        "SELECT tags ->> 2 AS third, price, mood::text AS mood, code FROM notes ORDER BY id");
    assertEquals("n3", rows.get(2).get("third"));
    assertEquals("12.34", String.valueOf(rows.get(0).get("price")));
    assertEquals("BUSY", rows.get(1).get("mood"));
    assertEquals("c1", rows.get(0).get("code"));
  }

  @Test
  void aValueTooLongForItsColumnFailsTheBatchInsteadOfBeingTruncated() {
    Db db = database();
    Migration<Note> tooLong = Migration.on(NOTES, "notes.tooLong")
        .migrateOne((ctx, note) -> Patch.of(NOTES).set(CODE, "longer than five"));

    RunResult result = db.migrator().run(tooLong);

    assertEquals(MigrationState.FAILED, result.status().state());
    assertTrue(result.status().error().contains("too long"), result.status().error());
    assertEquals(0, db.count("SELECT COUNT(*) FROM notes WHERE code IS NOT NULL"));
  }
}
