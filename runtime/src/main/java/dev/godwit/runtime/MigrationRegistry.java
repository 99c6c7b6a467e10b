package dev.godwit.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every migration published on a class path through {@link MigrationProvider}, found by name. Generated
 * {@code XMigrations} classes are published automatically.
 */
public final class MigrationRegistry {

  private final Map<String, Migration<?>> migrations;
  private final List<TableSchema<?>> schemas;

  private MigrationRegistry(Map<String, Migration<?>> migrations, List<TableSchema<?>> schemas) {
    this.migrations = migrations;
    this.schemas = List.copyOf(schemas);
  }

  /**
   * The migrations published on the context class loader's class path.
   *
   * @return the registry
   */
  public static MigrationRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /**
   * The migrations published on a class loader's class path.
   *
   * @param classLoader where to look
   * @return the registry
   * @throws IllegalStateException if two published migrations share a name, or two published
   *     schemas describe the same table
   */
  public static MigrationRegistry load(ClassLoader classLoader) {
    List<MigrationProvider> providers = new ArrayList<>();
    ServiceLoader.load(MigrationProvider.class, classLoader).forEach(providers::add);
    providers.sort(Comparator.comparing(provider -> provider.getClass().getName()));
    Map<String, Migration<?>> byName = new LinkedHashMap<>();
    Map<String, TableSchema<?>> schemas = new LinkedHashMap<>();
    for (MigrationProvider provider : providers) {
      for (TableSchema<?> schema : provider.schemas()) {
        TableSchema<?> previous = schemas.putIfAbsent(schema.table().qualifiedName(), schema);
        if (previous != null && previous != schema) {
          throw new IllegalStateException("two published schemas describe table "
              + schema.table().qualifiedName() + "; publish one per table");
        }
      }
      for (Migration<?> migration : provider.migrations()) {
        Migration<?> previous = byName.putIfAbsent(migration.name(), migration);
        if (previous != null && previous != migration) {
          throw new IllegalStateException(
              "two migrations are named " + migration.name() + "; names must be unique");
        }
      }
    }
    return new MigrationRegistry(
        Collections.unmodifiableMap(byName), new ArrayList<>(schemas.values()));
  }

  /**
   * Every published table schema, providers by class name.
   *
   * @return the schemas
   */
  public List<TableSchema<?>> schemas() {
    return schemas;
  }

  /**
   * Every published migration, each provider's in its own order, providers by class name.
   *
   * @return the migrations
   */
  public List<Migration<?>> all() {
    return List.copyOf(migrations.values());
  }

  /**
   * The migration of a given name.
   *
   * @param name the name
   * @return the migration, if published
   */
  public Optional<Migration<?>> find(String name) {
    return Optional.ofNullable(migrations.get(name));
  }

  /**
   * The published name closest to a mistyped one, for "did you mean" messages.
   *
   * @param name the unknown name
   * @return the closest name, if any is reasonably close
   */
  public Optional<String> closest(String name) {
    return closest(name, migrations.keySet());
  }

  /**
   * The candidate closest to a mistyped name, for "did you mean" messages about any kind of name.
   *
   * @param name the unknown name
   * @param candidates the names it may have meant
   * @return the closest candidate, if any is reasonably close
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(3, best.length() / 3)
        ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance between two names. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
