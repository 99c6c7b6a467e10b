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

/** Owning {@code @ManyToOne} relations stored as their join columns, read by a method backfill. */
class RelationTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBackfillReadsTheReferencedIds(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, PetTable.TABLE,
        Pet.of(1, "Leo", 1, 10),
        Pet.of(2, "Basil", 6, 11),
        Pet.of(3, "Rosy", null, 12),
        Pet.of(4, "Jewel", 2, null));

    assertEquals(Arrays.asList(1, 6, null, 2), Rows.query(database, "SELECT type_id FROM relation_pets ORDER BY id"));
    assertEquals(Arrays.asList(10, 11, 12, null),
        Rows.query(database, "SELECT owner_id FROM relation_pets ORDER BY id"));

    RunResult result = Migrator.create(database).run(PetMigrations.backfillLabel());

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of("Leo, type 1, of owner 10", "Basil, type 6, of owner 11",
            "Rosy, untyped, of owner 12", "Jewel, type 2, of nobody"),
        Rows.query(database, "SELECT label FROM relation_pets ORDER BY id"));
    assertEquals(Arrays.asList(1, 6, null, 2), Rows.query(database, "SELECT type_id FROM relation_pets ORDER BY id"));
    List<Pet> pets = Rows.all(database, PetTable.TABLE);
    assertEquals(6, pets.get(1).getType().getId());
    assertNull(pets.get(1).getType().getName(), "a reference holds only its id");
    assertNull(pets.get(2).getType());
    assertNull(pets.get(3).getOwner());
  }
}
