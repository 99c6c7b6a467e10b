package dev.godwit.runtime;

import java.util.List;

/**
 * Publishes migrations through {@link java.util.ServiceLoader}, so tools find them by name. Every
 * generated {@code XMigrations} class implements it; hand-written migrations can be published the same
 * way, with a {@code META-INF/services/dev.godwit.runtime.MigrationProvider} entry.
 */
public interface MigrationProvider {

  /**
   * The migrations this provider publishes, in the order they must run.
   *
   * @return the migrations
   */
  List<Migration<?>> migrations();

  /**
   * The expected schemas of the tables whose migrations this provider publishes: what
   * {@link Migrator#check()} and the schema plan compare with the database. Generated providers
   * publish their table's {@code XTable.SCHEMA}; a hand-written provider publishes none unless it says.
   *
   * @return the schemas
   */
  default List<TableSchema<?>> schemas() {
    return List.of();
  }
}
