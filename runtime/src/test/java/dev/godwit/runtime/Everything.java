package dev.godwit.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** A row holding one column of every supported type, to prove each survives the batch writes. */
record Everything(long id, String text, Boolean flag, Integer count, Double ratio,
    BigDecimal amount, UUID uuid, Instant at, LocalDate day, LocalDateTime local, Plan plan,
    Prefs prefs) {

  enum Plan { BASIC, PRO }

  record Prefs(String theme, Boolean notifications) {
    static final JsonCodec<Prefs> CODEC = JsonCodec.object(Prefs.class,
        List.of("theme", "notifications"), List.of(JsonCodec.STRING, JsonCodec.BOOLEAN),
        prefs -> new Object[] {prefs.theme(), prefs.notifications()},
        values -> new Prefs((String) values[0], (Boolean) values[1]));
  }

  static final Column<Everything, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Everything, String> TEXT = Column.of("text", ColumnType.STRING);
  static final Column<Everything, Boolean> FLAG = Column.of("flag", ColumnType.BOOLEAN);
  static final Column<Everything, Integer> COUNT = Column.of("count", ColumnType.INTEGER);
  static final Column<Everything, Double> RATIO = Column.of("ratio", ColumnType.DOUBLE);
  static final Column<Everything, BigDecimal> AMOUNT = Column.of("amount", ColumnType.DECIMAL);
  static final Column<Everything, UUID> UUID_VALUE = Column.of("uuid_value", ColumnType.UUID);
  static final Column<Everything, Instant> AT = Column.of("at", ColumnType.INSTANT);
  static final Column<Everything, LocalDate> DAY = Column.of("day", ColumnType.LOCAL_DATE);
  static final Column<Everything, LocalDateTime> LOCAL =
      Column.of("local_time", ColumnType.LOCAL_DATE_TIME);
  static final Column<Everything, Plan> PLAN = Column.of("plan", ColumnType.enumType(Plan.class));
  static final Column<Everything, Prefs> PREFS = Column.of("prefs", ColumnType.json(Prefs.CODEC));

  static final Table<Everything> TABLE = Table.of("everything", ID,
      List.of(ID, TEXT, FLAG, COUNT, RATIO, AMOUNT, UUID_VALUE, AT, DAY, LOCAL, PLAN, PREFS),
      row -> new Everything(row.get(ID), row.get(TEXT), row.get(FLAG), row.get(COUNT),
          row.get(RATIO), row.get(AMOUNT), row.get(UUID_VALUE), row.get(AT), row.get(DAY),
          row.get(LOCAL), row.get(PLAN), row.get(PREFS)),
      row -> Patch.of(Everything.TABLE).set(ID, row.id()).set(TEXT, row.text())
          .set(FLAG, row.flag()).set(COUNT, row.count()).set(RATIO, row.ratio())
          .set(AMOUNT, row.amount()).set(UUID_VALUE, row.uuid()).set(AT, row.at())
          .set(DAY, row.day()).set(LOCAL, row.local()).set(PLAN, row.plan())
          .set(PREFS, row.prefs()));

  static Everything empty(long id) {
    return new Everything(id, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A row with a value in every column, different for every id, with awkward values included. */
  static Everything full(long id) {
    return new Everything(id, "it's \"quoted\", {braced} and ünïcode " + id, id % 2 == 0,
        (int) -id, id + 0.25, new BigDecimal("1234567890.12345").add(BigDecimal.valueOf(id)),
        new UUID(id, -id), Instant.parse("2024-02-29T23:59:59.123456Z").plusSeconds(id),
        LocalDate.of(1999, 12, 31).plusDays(id), LocalDateTime.of(2030, 1, 1, 12, 0).plusMinutes(id),
        id % 2 == 0 ? Plan.PRO : Plan.BASIC, new Prefs("dark \\ " + id, id % 3 == 0 ? null : true));
  }
}
