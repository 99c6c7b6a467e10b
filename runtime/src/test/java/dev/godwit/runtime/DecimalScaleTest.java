package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A decimal with more digits after the point than its column's declared scale is refused, never
 * written: PostgreSQL and H2 round it to the scale without an error, so a run would succeed over values
 * it changed (a constant backfill of 0.075 into {@code NUMERIC(38, 2)} stored 0.08).
 */
class DecimalScaleTest {

  record Rate(long id, BigDecimal rate, BigDecimal exact) {}

  static final Column<Rate, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Rate, BigDecimal> RATE = Column.of("rate", ColumnType.DECIMAL);
  static final Column<Rate, BigDecimal> EXACT = Column.of("exact", ColumnType.DECIMAL);
  static final Table<Rate> RATES = Table.of("rates", ID, List.of(ID, RATE, EXACT),
      row -> new Rate(row.get(ID), row.get(RATE), row.get(EXACT)),
      rate -> new Patch<Rate>().set(ID, rate.id()).set(RATE, rate.rate()).set(EXACT, rate.exact()));

  private static Db ratesWithTwoRows(TestDatabase kind, String rateType) {
    Db db = new Db(kind);
    db.execute("CREATE TABLE rates (id BIGINT PRIMARY KEY, rate " + rateType
            + ", exact NUMERIC(38, 4))",
        "INSERT INTO rates (id, exact) VALUES (1, 0.0750), (2, 1.2345)");
    return db;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aConstantWithMoreDigitsThanTheScaleIsRefusedBeforeTheFirstBatch(TestDatabase kind) {
    Db db = ratesWithTwoRows(kind, "NUMERIC(38, 2)");
    Migration<Rate> backfill = Migration.on(RATES, "rates.backfillRate")
        .range(RATE.isNull())
        .migrateInDatabase(RATE.setTo(new BigDecimal("0.075")));

    MigrationException refusal = assertThrows(MigrationException.class,
        () -> db.migrator().run(backfill));

    assertEquals("Migration rates.backfillRate is refused: the value 0.075 for rates.rate has 3 digits"
        + " after the decimal point, more than the column's scale of 2, so the database would round"
        + " it without an error; declare the column with a scale of at least 3, or round the value in"
        + " the migration.", refusal.getMessage());
    assertEquals(2, db.count("SELECT COUNT(*) FROM rates WHERE rate IS NULL"));
    assertThrows(MigrationException.class, () -> db.migrator().runAll(List.of(backfill)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aConstantThatFitsTheScaleIsWrittenExactly(TestDatabase kind) {
    Db db = ratesWithTwoRows(kind, "NUMERIC(38, 3)");
    Migration<Rate> backfill = Migration.on(RATES, "rates.backfillRate")
        .range(RATE.isNull())
        .migrateInDatabase(RATE.setTo(new BigDecimal("0.07500")));

    assertTrue(db.migrator().run(backfill).succeeded());

    assertEquals(2, db.count("SELECT COUNT(*) FROM rates WHERE rate = 0.075"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aComputedValueWithMoreDigitsThanTheScaleFailsItsRowAndWritesNothing(TestDatabase kind) {
    Db db = ratesWithTwoRows(kind, "NUMERIC(38, 2)");
    Migration<Rate> backfill = Migration.on(RATES, "rates.copyExact")
        .range(RATE.isNull())
        .migrateOne((context, rate) -> Patch.of(RATES).set(RATE, rate.exact()));

    RunResult result = db.migrator().run(backfill);

    assertFalse(result.succeeded());
    assertEquals(MigrationState.FAILED, result.status().state());
    assertTrue(result.status().error().contains("the value 0.075 for rates.rate has 3 digits after"
        + " the decimal point, more than the column's scale of 2"), result.status().error());
    assertEquals(2, db.count("SELECT COUNT(*) FROM rates WHERE rate IS NULL"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anInDatabaseCopyIntoASmallerScaleIsRefused(TestDatabase kind) {
    Db db = ratesWithTwoRows(kind, "NUMERIC(38, 2)");
    Migration<Rate> copy = Migration.on(RATES, "rates.copyExact")
        .range(RATE.isNull())
        .migrateInDatabase(RATE.copyOf(EXACT));

    MigrationException refusal = assertThrows(MigrationException.class,
        () -> db.migrator().run(copy));

    assertEquals("Migration rates.copyExact is refused: copying rates.exact (scale 4) into rate"
        + " (scale 2) would round its values without an error; declare rate with a scale of at"
        + " least 4.", refusal.getMessage());
    assertEquals(2, db.count("SELECT COUNT(*) FROM rates WHERE rate IS NULL"));
  }

  /** PostgreSQL's {@code numeric} without a declared scale keeps every digit, so nothing is refused. */
  @Test
  void anUnconstrainedPostgresNumericTakesAnyScale() {
    Db db = ratesWithTwoRows(TestDatabase.POSTGRES, "NUMERIC");
    Migration<Rate> backfill = Migration.on(RATES, "rates.backfillRate")
        .range(RATE.isNull())
        .migrateInDatabase(RATE.setTo(new BigDecimal("0.0123456789")));

    assertTrue(db.migrator().run(backfill).succeeded());

    assertEquals(2, db.count("SELECT COUNT(*) FROM rates WHERE rate = 0.0123456789"));
  }
}
