package dev.godwit.runtime;

import java.util.List;

/** Rows a migration inserts through its context, one per migrated row: counts its side effects. */
public record Audit(Long id, long rowId, String note) {

  public static final Column<Audit, Long> ID = Column.of("id", ColumnType.LONG);
  public static final Column<Audit, Long> ROW_ID = Column.of("row_id", ColumnType.LONG);
  public static final Column<Audit, String> NOTE = Column.of("note", ColumnType.STRING);

  public static final Table<Audit> TABLE = Table.of("audit", ID, List.of(ID, ROW_ID, NOTE),
      row -> new Audit(row.get(ID), row.get(ROW_ID), row.get(NOTE)),
      audit -> Patch.of(Audit.TABLE).set(ID, audit.id()).set(ROW_ID, audit.rowId())
          .set(NOTE, audit.note()));

  /** The audit row of a migrated row, leaving the id to the database. */
  public static Patch<Audit> of(long rowId, String note) {
    return Patch.of(TABLE).set(ROW_ID, rowId).set(NOTE, note);
  }
}
