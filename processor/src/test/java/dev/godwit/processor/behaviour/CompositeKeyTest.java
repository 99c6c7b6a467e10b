package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Composite primary keys, from several {@code @Id} fields and from an {@code @EmbeddedId}: every row
 * gets its own value, though no key column alone is unique, across batches smaller than the table.
 */
class CompositeKeyTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void severalIdsKeyEachRow(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, OrderLineTable.TABLE,
        new OrderLine(1, 1, 2, 10, null),
        new OrderLine(1, 2, 3, 100, null),
        new OrderLine(2, 1, 1, 7, null),
        new OrderLine(2, 2, 5, 3, null),
        new OrderLine(2, 3, 4, 1000, null));

    RunResult result = Migrator.create(database).run(OrderLineMigrations.backfillTotal());

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of(20, 300, 7, 15, 4000),
        Rows.query(database, "SELECT total FROM order_lines ORDER BY order_id, line_no"));
    assertTrue(Migrator.create(database).verify(OrderLineVerification.backfillTotal()).complete());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEmbeddedIdKeysEachRow(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, ShipmentTable.TABLE,
        new Shipment(new ShipmentKey("north", 1), "ups", null),
        new Shipment(new ShipmentKey("north", 2), "dhl", null),
        new Shipment(new ShipmentKey("south", 1), "fedex", null),
        new Shipment(new ShipmentKey("south", 2), "post", null),
        new Shipment(new ShipmentKey("west", 1), "ups", null));

    RunResult result = Migrator.create(database).run(ShipmentMigrations.backfillPriority());

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of("north-1 by ups", "north-2 by dhl", "south-1 by fedex", "south-2 by post",
            "west-1 by ups"),
        Rows.query(database, "SELECT priority FROM shipments ORDER BY warehouse, parcel_no"));
    List<Shipment> shipments = Rows.all(database, ShipmentTable.TABLE);
    assertEquals(new ShipmentKey("south", 2), shipments.get(3).getKey());
  }
}
