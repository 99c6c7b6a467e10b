package dev.godwit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The example's generated and hand-written migrations are both published, as the CLI finds them, and
 * so are deploy 1's schemas; the next deploys' {@code Team}s, unpublished, are not.
 */
class ExampleRegistryTest {

  @Test
  void publishesGeneratedAndHandWrittenMigrations() {
    MigrationRegistry registry = MigrationRegistry.load(getClass().getClassLoader());

    List<String> names = registry.all().stream().map(Migration::name).toList();

    for (Migration<?> migration : ExampleMigrations.migratePhase()) {
      assertTrue(names.contains(migration.name()), migration.name() + " in " + names);
    }
    for (Migration<?> migration : ExampleMigrations.onRequest()) {
      assertTrue(names.contains(migration.name()), migration.name() + " in " + names);
    }
    assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    assertFalse(names.contains("teams.clearIsPro"), "deploy 2's clear is not published: " + names);
  }

  @Test
  void publishesDeployOnesSchemasOnly() {
    MigrationRegistry registry = MigrationRegistry.load(getClass().getClassLoader());

    assertEquals(Set.copyOf(ExampleMigrations.deploy1()), Set.copyOf(registry.schemas()));
  }
}
