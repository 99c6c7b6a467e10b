package dev.godwit.processor.generation;

import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Property;
import java.util.stream.Collectors;

/** The Javadoc sentences of generated code that describe a migration in words. */
final class Prose {

  private Prose() {}

  /** The rows a migration has still to change, as a phrase. */
  static String remaining(Entity entity, MigrationPlan migration) {
    if (migration.kind() == MigrationPlan.Kind.CLEAR) {
      return "rows where {@code " + entity.property(migration.fields().get(0)).column() + "} is not NULL";
    }
    return "rows where " + migration.fields().stream()
        .map(entity::property)
        .map(property -> lacking(entity, property))
        .collect(Collectors.joining(", or "));
  }

  private static String lacking(Entity entity, Property property) {
    String isNull = "{@code " + property.column() + "} is NULL";
    if (property.backfill().orElseThrow() instanceof Backfill.Copy copy) {
      return isNull + " but {@code " + entity.property(copy.source()).column() + "} is not";
    }
    return isNull;
  }

  /** Where a backfilled value comes from, as a phrase. */
  static String source(Entity entity, Property property) {
    Backfill backfill = property.backfill().orElseThrow();
    if (backfill instanceof Backfill.Constant constant) {
      return "the constant {@code " + constant.text() + "}";
    }
    if (backfill instanceof Backfill.Copy copy) {
      return "a copy of {@code " + copy.source() + "}";
    }
    return "{@code " + entity.type().simpleName() + "." + ((Backfill.Computed) backfill).method()
        + "}";
  }
}
