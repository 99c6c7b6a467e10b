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
}
