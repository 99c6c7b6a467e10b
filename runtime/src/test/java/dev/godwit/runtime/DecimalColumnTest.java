package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A table created from {@link ColumnType#DECIMAL}'s SQL type keeps the fraction of its values. */
class DecimalColumnTest {

  record Price(long id, BigDecimal amount) {}

  static final Column<Price, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Price, BigDecimal> AMOUNT = Column.of("amount", ColumnType.DECIMAL);
  static final Table<Price> PRICES = Table.of("prices", ID, List.of(ID, AMOUNT),
      row -> new Price(row.get(ID), row.get(AMOUNT)),
      price -> new Patch<Price>().set(ID, price.id()).set(AMOUNT, price.amount()));

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void keepsFractionsThroughTheDeclaredTypeAndTheWrites(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(PRICES);
    db.insert(PRICES, List.of(new Price(1, new BigDecimal("12.345")), new Price(2, null)));
    Migration<Price> doubled = Migration.on(PRICES, "prices.double")
        .range(AMOUNT.isNotNull())
        .migrateOne((ctx, price) -> Patch.of(PRICES).set(AMOUNT, price.amount().multiply(BigDecimal.valueOf(2))));

    assertTrue(db.migrator().run(doubled).succeeded());

    Object stored = db.rows("SELECT amount FROM prices WHERE id = 1").get(0).values().iterator().next();
    assertEquals(0, new BigDecimal("24.69").compareTo(new BigDecimal(String.valueOf(stored))),
        "stored " + stored);
  }
}
