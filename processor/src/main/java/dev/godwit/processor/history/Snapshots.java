package dev.godwit.processor.history;

import dev.godwit.processor.model.Backfill;
import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Property;
import dev.godwit.processor.model.ValueType;
import java.util.Optional;

/** Takes the snapshot of a checked entity, from the model alone. */
public final class Snapshots {

  private Snapshots() {}

  /**
   * The snapshot of an entity as this build compiles it.
   *
   * @param entity the checked entity
   * @return its snapshot
   */
  public static Snapshot of(Entity entity) {
    return new Snapshot(entity.type().canonicalName(), entity.schema(), entity.table(),
        entity.properties().stream().map(property -> column(entity, property)).toList(),
        entity.migrations().stream().map(Snapshots::migration).toList(),
        entity.removed());
  }

  private static Snapshot.Column column(Entity entity, Property property) {
    Property.Role role = property.role();
    Optional<Snapshot.Backfill> backfill = Optional.empty();
    if (role == Property.Role.WIDENED || role == Property.Role.NARROWED) {
      String migration = entity.fillerOf(property.name()).name();
      Backfill filler = property.backfill().orElseThrow();
      if (filler instanceof Backfill.Constant constant) {
        backfill = Optional.of(new Snapshot.Backfill("value", constant.text(), migration));
      } else if (filler instanceof Backfill.Copy copy) {
        backfill = Optional.of(new Snapshot.Backfill("from", copy.source(), migration));
      } else {
        String method = ((Backfill.Computed) filler).method();
        backfill = Optional.of(new Snapshot.Backfill("method", method, migration));
      }
    }
    return new Snapshot.Column(property.name(), property.column(),
        property.type().javaType().toString(), sqlType(property.type()), role.name(), property.id(),
        property.size().length(), property.size().precision(), property.size().scale(), backfill);
  }

  private static Snapshot.Migration migration(MigrationPlan plan) {
    String phase = plan.kind() == MigrationPlan.Kind.CLEAR ? "CONTRACT" : "MIGRATE";
    return new Snapshot.Migration(plan.name(), plan.kind().name(), phase, plan.fields(),
        plan.requires(), plan.batchSize());
  }

  /** The database-neutral kind of column a value type is stored in. */
  static String sqlType(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return scalar.kind().name();
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return enumValue.storage() == ValueType.EnumStorage.NAME ? "STRING" : "INTEGER";
    }
    if (type instanceof ValueType.Converted converted) {
      return converted.stored().name();
    }
    return "JSON";
  }
}
