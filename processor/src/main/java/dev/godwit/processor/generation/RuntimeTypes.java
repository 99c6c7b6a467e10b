package dev.godwit.processor.generation;

import com.palantir.javapoet.ClassName;

/** The runtime's types that generated code uses, named without loading them. */
final class RuntimeTypes {

  private static final String PACKAGE = "dev.godwit.runtime";

  static final ClassName TABLE = ClassName.get(PACKAGE, "Table");
  static final ClassName COLUMN = ClassName.get(PACKAGE, "Column");
  static final ClassName COLUMN_TYPE = ClassName.get(PACKAGE, "ColumnType");
  static final ClassName JSON_CODEC = ClassName.get(PACKAGE, "JsonCodec");
  static final ClassName PATCH = ClassName.get(PACKAGE, "Patch");
  static final ClassName ROW = ClassName.get(PACKAGE, "Row");
  static final ClassName MIGRATION = ClassName.get(PACKAGE, "Migration");
  static final ClassName MIGRATION_PROVIDER = ClassName.get(PACKAGE, "MigrationProvider");
  static final ClassName VERIFICATION = ClassName.get(PACKAGE, "Verification");
  static final ClassName TABLE_SCHEMA = ClassName.get(PACKAGE, "TableSchema");
  static final ClassName COLUMN_SIZE = ClassName.get(PACKAGE, "ColumnSchema", "Size");
  static final ClassName PHASE = ClassName.get(PACKAGE, "Phase");

  /** The service file that publishes every generated {@code XMigrations}. */
  static final String PROVIDER_SERVICE_FILE = "META-INF/services/" + PACKAGE + ".MigrationProvider";

  private RuntimeTypes() {}
}
