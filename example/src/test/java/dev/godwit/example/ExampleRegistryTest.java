package dev.godwit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's generated and hand-written migrations are both published, as the CLI finds them. */
class ExampleRegistryTest {

  @Test
  void publishesGeneratedAndHandWrittenMigrations() {
    MigrationRegistry registry = MigrationRegistry.load(getClass().getClassLoader());

    List<String> names = registry.all().stream().map(Migration::name).toList();

    for (Migration<?> migration : ExampleMigrations.widenPhase()) {
      assertTrue(names.contains(migration.name()), migration.name() + " in " + names);
    }
    for (Migration<?> migration : ExampleMigrations.narrowPhase()) {
      assertTrue(names.contains(migration.name()), migration.name() + " in " + names);
    }
    assertEquals(names.size(), names.stream().distinct().count(), names.toString());
  }
}
