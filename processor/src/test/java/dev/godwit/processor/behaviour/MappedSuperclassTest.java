package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JPA entity whose id and names are declared in {@code @MappedSuperclass} ancestors, with an
 * {@code @Embedded} address whose city column is renamed by {@code @AttributeOverride}.
 */
class MappedSuperclassTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMethodBackfillReadsTheInheritedFields(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, OwnerTable.TABLE,
        Owner.of(1, "George", "Franklin", new Residence("110 W. Liberty St.", "Madison", 53703)),
        Owner.of(2, "Betty", "Davis", null),
        Owner.of(3, "Eduardo", "Rodriquez", new Residence(null, "McFarland", null)));

    RunResult result = Migrator.create(database).run(OwnerMigrations.backfillFullName());

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of("George Franklin", "Betty Davis", "Eduardo Rodriquez"),
        Rows.query(database, "SELECT full_name FROM owners ORDER BY id"));
    List<Owner> owners = Rows.all(database, OwnerTable.TABLE);
    assertEquals(List.of(1, 2, 3), owners.stream().map(Owner::getId).toList());
    assertEquals("George", owners.get(0).getFirstName());
    assertEquals("Franklin", owners.get(0).getLastName());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEmbeddedAddressIsOneColumnPerComponentAndNullWhenAllAreNull(TestDatabase kind)
      throws Exception {
    DataSource database = Rows.databaseWith(kind, OwnerTable.TABLE,
        Owner.of(1, "George", "Franklin", new Residence("110 W. Liberty St.", "Madison", 53703)),
        Owner.of(2, "Betty", "Davis", null),
        Owner.of(3, "Eduardo", "Rodriquez", new Residence(null, "McFarland", null)));

    assertEquals(Arrays.asList("Madison", null, "McFarland"),
        Rows.query(database, "SELECT town FROM owners ORDER BY id"));
    assertEquals(Arrays.asList("110 W. Liberty St.", null, null),
        Rows.query(database, "SELECT street FROM owners ORDER BY id"));
    assertTrue(Migrator.create(database).run(OwnerMigrations.backfillFullName()).succeeded());
    List<Owner> owners = Rows.all(database, OwnerTable.TABLE);
    Residence first = owners.get(0).getAddress();
    assertEquals("110 W. Liberty St.", first.getStreet());
    assertEquals("Madison", first.getCity());
    assertEquals(53703, first.getZip());
    assertNull(owners.get(1).getAddress(), "every address column is NULL");
    assertEquals("McFarland", owners.get(2).getAddress().getCity());
    assertNull(owners.get(2).getAddress().getStreet());
  }
}
