package dev.godwit.runtime.reliability;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.JsonCodec;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A note keyed by text, for values that SQL and array literals find awkward: its id, its body and the
 * JSON list of words a migration derives from them must all come back exactly as written.
 */
record Note(String id, String body, String copy, List<String> words, String stamp) {

  static final Column<Note, String> ID = Column.of("id", ColumnType.STRING);
  static final Column<Note, String> BODY = Column.of("body", ColumnType.STRING);
  static final Column<Note, String> COPY = Column.of("copy", ColumnType.STRING);
  static final Column<Note, List<String>> WORDS =
      Column.of("words", ColumnType.json(JsonCodec.list(JsonCodec.STRING)));
  static final Column<Note, String> STAMP = Column.of("stamp", ColumnType.STRING);

  static final Table<Note> TABLE = Table.of("notes", ID, List.of(ID, BODY, COPY, WORDS, STAMP),
      row -> new Note(row.get(ID), row.get(BODY), row.get(COPY), row.get(WORDS), row.get(STAMP)),
      note -> Patch.of(Note.TABLE).set(ID, note.id()).set(BODY, note.body()).set(COPY, note.copy())
          .set(WORDS, note.words()).set(STAMP, note.stamp()));

  /** A row a migration inserts for each note it visits, through its context. */
  record Log(Long id, String noteId, String body) {

    static final Column<Log, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Log, String> NOTE_ID = Column.of("note_id", ColumnType.STRING);
    static final Column<Log, String> BODY = Column.of("body", ColumnType.STRING);

    static final Table<Log> TABLE = Table.of("note_log", ID, List.of(ID, NOTE_ID, BODY),
        row -> new Log(row.get(ID), row.get(NOTE_ID), row.get(BODY)),
        log -> Patch.of(Log.TABLE).set(ID, log.id()).set(NOTE_ID, log.noteId())
            .set(BODY, log.body()));
  }

  /** A string of about 100,000 characters mixing every awkward character below. */
  static final String LONG = IntStream.range(0, 10_000).mapToObj(i -> "'\"\\,{}🦆 " + i)
      .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString();

  /**
   * Text that breaks naive quoting: SQL quotes and comments, backslashes, the words PostgreSQL's array
   * literals treat as null, braces and commas, blanks, control characters, characters outside the
   * basic plane and combining ones, right-to-left script, and a very long string.
   */
  static final List<String> AWKWARD = List.of(
      "it's", "\"double\"", "back\\slash", "\\\\", "\\N", "NULL", "null", "", " ", "  padded  ",
      "{\"json\": [1, 2]}", "{a,b}", "(1,2)", "a,b", "'); DROP TABLE notes; --", "$1 ? :name %_",
      "duck 🦆 party 🎉 family 👩‍👩‍👧", "tab\tline\nreturn\r", "ünïcödé Ωμέγα 漢字", "שלום עולם",
      "e\u0301 combining", "\u00a0no-break\u2028separator", LONG);

  /** One note per awkward value, its id the value itself (shortened where it is very long). */
  static List<Note> awkward() {
    List<Note> notes = new ArrayList<>();
    for (String value : AWKWARD) {
      String id = value.length() > 500 ? value.substring(0, value.offsetByCodePoints(0, 400)) : value;
      notes.add(new Note(id, value, null, null, null));
    }
    return notes;
  }
}
