package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a plan declares: a missing table with a type per column that the mapping check accepts as
 * faithful, and guards written as literal SQL that count exactly what the verification counts, or a
 * refusal in one sentence when a value has no faithful literal.
 */
class SchemaPlanTest {

  private static final TableSchema<Everything> EVERYTHING = TableSchema.of(Everything.TABLE)
      .required(Everything.ID)
      .optional(Everything.TEXT, ColumnSchema.Size.length(200))
      .required(Everything.FLAG)
      .optional(Everything.COUNT)
      .optional(Everything.RATIO)
      .optional(Everything.AMOUNT, ColumnSchema.Size.decimal(20, 5))
      .optional(Everything.UUID_VALUE)
      .optional(Everything.AT)
      .optional(Everything.DAY)
      .optional(Everything.LOCAL)
      .optional(Everything.PLAN, ColumnSchema.Size.length(10))
      .optional(Everything.PREFS)
      .build();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableIsCreatedWithTypesTheMappingCheckAccepts(TestDatabase kind) {
    Db db = new Db(kind);
    Migrator migrator = db.migrator();

    SchemaPlan plan = migrator.plan(List.of(EVERYTHING));
    boolean mySql = db.kind == TestDatabase.MARIADB;
    assertEquals(List.of("CREATE TABLE " + q(db, "everything") + " ("
        + q(db, "id") + " BIGINT NOT NULL, " + q(db, "text") + " VARCHAR(200), "
        + q(db, "flag") + (mySql ? " TINYINT(1)" : " BOOLEAN") + " NOT NULL, "
        + q(db, "count") + (mySql ? " INT, " : " INTEGER, ")
        + q(db, "ratio") + (mySql ? " DOUBLE, " : " DOUBLE PRECISION, ")
        + q(db, "amount") + (mySql ? " DECIMAL(20, 5), " : " NUMERIC(20, 5), ")
        + q(db, "uuid_value") + " UUID, "
        + q(db, "at") + (mySql ? " TIMESTAMP(6), " : " TIMESTAMP WITH TIME ZONE, ")
        + q(db, "day") + " DATE, " + q(db, "local_time") + (mySql ? " DATETIME(6), " : " TIMESTAMP, ")
        + q(db, "plan") + " VARCHAR(10), " + q(db, "prefs") + (mySql ? " JSON, " : " VARCHAR, ")
        + "PRIMARY KEY (" + q(db, "id") + "))"), plan.steps(Phase.EXPAND).get(0).statements());
    assertEquals(switch (db.kind) {
      case H2 -> "H2";
      case POSTGRES -> "PostgreSQL";
      case MARIADB -> "MySQL/MariaDB";
    }, plan.database());
    assertThrows(SchemaCheckException.class, () -> migrator.check(List.of(EVERYTHING)));

    migrator.apply(List.of(EVERYTHING), Phase.EXPAND);

    assertDoesNotThrow(() -> migrator.checkMapping(Everything.TABLE));
    assertDoesNotThrow(() -> migrator.check(List.of(EVERYTHING)));
    assertTrue(migrator.plan(List.of(EVERYTHING)).isEmpty());
    db.insert(Everything.TABLE, LongStream.rangeClosed(1, 4).mapToObj(Everything::full).toList());
    assertEquals(4, db.count("SELECT COUNT(*) FROM everything"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aGuardCountsWithLiteralsWhatTheVerificationCounts(TestDatabase kind) {
    Db db = new Db(kind);
    createNullable(db);
    db.insert(Everything.TABLE, LongStream.rangeClosed(1, 6).mapToObj(Everything::full).toList());
    db.execute("UPDATE everything SET " + q(db, "text") + " = 'it''s late' WHERE id = 1");
    Migrator migrator = db.migrator();
    Condition<Everything> remaining = Everything.FLAG.isNull()
        .or(Everything.TEXT.eq("it's late"))
        .or(Everything.AMOUNT.eq(new BigDecimal("1234567892.12345")))
        .or(Everything.AT.eq(Instant.parse("2024-02-29T23:59:59.123456Z").plusSeconds(3)))
        .or(Everything.DAY.eq(LocalDate.of(1999, 12, 31).plusDays(4)))
        .or(Everything.RATIO.eq(5.25))
        .or(Everything.PLAN.in(List.of()));
    Verification<Everything> verification =
        Verification.of(Everything.TABLE, "everything.fillFlag", remaining);
    TableSchema<Everything> narrowed = TableSchema.of(Everything.TABLE)
        .required(Everything.ID).optional(Everything.TEXT).narrowed(Everything.FLAG, verification)
        .optional(Everything.COUNT).optional(Everything.RATIO).optional(Everything.AMOUNT)
        .optional(Everything.UUID_VALUE).optional(Everything.AT).optional(Everything.DAY)
        .optional(Everything.LOCAL).optional(Everything.PLAN).optional(Everything.PREFS).build();

    SchemaStep step = migrator.plan(List.of(narrowed)).steps(Phase.NARROW).get(0);
    String guard = step.guards().get(0).violationsSql();

    assertTrue(guard.contains(db.kind == TestDatabase.MARIADB ? "_utf8mb4 X'69742773206C617465'"
        : "'it''s late'"), guard);
    assertEquals(5, db.count(guard), guard);
    assertEquals(migrator.verify(verification).remaining(), db.count(guard));
    MigrationException refused = assertThrows(MigrationException.class,
        () -> migrator.apply(List.of(narrowed), Phase.NARROW));
    assertEquals("Narrow of everything.flag refused: everything.fillFlag has 5 rows left"
        + " (verification everything.fillFlag); run it, then apply narrow again.",
        refused.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aVerificationValueWithoutAFaithfulLiteralIsNotPlanned(TestDatabase kind) {
    Db db = new Db(kind);
    createNullable(db);
    Verification<Everything> verification = Verification.of(Everything.TABLE,
        "everything.fillFlag", Everything.FLAG.isNull().or(Everything.RATIO.eq(Double.NaN)));
    TableSchema<Everything> narrowed = TableSchema.of(Everything.TABLE)
        .required(Everything.ID).optional(Everything.TEXT).narrowed(Everything.FLAG, verification)
        .optional(Everything.COUNT).optional(Everything.RATIO).optional(Everything.AMOUNT)
        .optional(Everything.UUID_VALUE).optional(Everything.AT).optional(Everything.DAY)
        .optional(Everything.LOCAL).optional(Everything.PLAN).optional(Everything.PREFS).build();

    MigrationException refused = assertThrows(MigrationException.class,
        () -> db.migrator().plan(List.of(narrowed)));

    assertEquals(ErrorCode.SCHEMA_NOT_PLANNABLE, refused.code());
    assertEquals("Cannot plan the schema of everything: the condition of verification"
        + " everything.fillFlag cannot be written as an SQL literal faithfully, since the value"
        + " NaN has no SQL literal; compare with values that have an exact literal (or none, as"
        + " IS NULL does) in the verification of everything.fillFlag.", refused.getMessage());
  }

  /** The table with every column nullable, created by a plan of its own. */
  private static void createNullable(Db db) {
    db.migrator().apply(List.of(TableSchema.of(Everything.TABLE)
        .required(Everything.ID).optional(Everything.TEXT, ColumnSchema.Size.length(200))
        .optional(Everything.FLAG).optional(Everything.COUNT).optional(Everything.RATIO)
        .optional(Everything.AMOUNT, ColumnSchema.Size.decimal(20, 5))
        .optional(Everything.UUID_VALUE).optional(Everything.AT).optional(Everything.DAY)
        .optional(Everything.LOCAL).optional(Everything.PLAN).optional(Everything.PREFS).build()),
        Phase.EXPAND);
  }

  private static String q(Db db, String name) {
    char quote = db.kind == TestDatabase.MARIADB ? '`' : '"';
    return quote + (db.kind == TestDatabase.H2 ? name.toUpperCase(Locale.ROOT) : name) + quote;
  }
}
