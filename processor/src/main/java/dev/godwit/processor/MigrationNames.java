package dev.godwit.processor;

import dev.godwit.processor.model.Entity;
import dev.godwit.processor.model.MigrationPlan;
import dev.godwit.processor.model.Names;
import dev.godwit.processor.validation.AnnotationNames;
import dev.godwit.processor.validation.Message;
import dev.godwit.processor.validation.ValidationReport;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The tables and migrations generated so far in this compilation, across entities, by schema-qualified
 * table: two entities mapping the same table would publish migrations of the same name, and two
 * schemas of one table, both of which the runtime's registry refuses. Tables are the same when their
 * schemas and names are, plain names ignoring case
 * (the database folds them), exact names exactly; a table of the same name in another schema is
 * another table.
 */
final class MigrationNames {

  private final Map<String, String> owners = new HashMap<>();
  private final Map<String, String> tables = new HashMap<>();

  /** Records an entity's migration names, reporting those another entity already has. */
  ValidationReport claim(Entity entity, TypeElement type) {
    ValidationReport.Builder report = new ValidationReport.Builder();
    String owner = type.getQualifiedName().toString();
    AnnotationMirror marker = type.getAnnotationMirrors().stream()
        .filter(mirror -> mirror.getAnnotationType().toString().equals(AnnotationNames.MIGRATED_TABLE))
        .findFirst()
        .orElse(null);
    for (MigrationPlan migration : entity.migrations()) {
      String previous = owners.get(key(entity, migration));
      if (previous != null && !previous.equals(owner)) {
        report.error(Message.DUPLICATE_TABLE_MIGRATION, type, marker, null, migration.name(), previous);
      }
    }
    String table = entity.schema().map(Names::key).orElse("") + "." + Names.key(entity.table());
    String mapper = tables.get(table);
    if (!report.hasErrors() && mapper != null && !mapper.equals(owner)) {
      report.error(Message.DUPLICATE_TABLE, type, marker, null, entity.qualifiedTable(), mapper);
    }
    if (report.hasErrors()) {
      return report.build();
    }
    tables.put(table, owner);
    entity.migrations().forEach(migration -> owners.put(key(entity, migration), owner));
    return report.build();
  }

  private static String key(Entity entity, MigrationPlan migration) {
    return entity.schema().map(Names::key).orElse("") + "." + Names.key(entity.table()) + "."
        + migration.method();
  }
}
