package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.SchemaCheckException;
import dev.godwit.runtime.SchemaMismatchException;
import dev.godwit.runtime.Table;
import dev.godwit.spring.boot.autoconfigure.GodwitProperties.CheckMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The startup check: {@link Migrator#check(List)} of the schemas the application's code publishes
 * (the generated {@code XTable.SCHEMA}s, through the {@link MigrationRegistry}), when the bean is
 * initialized: every table and column there with a faithful type and a unique key, no column the
 * code requires holding NULL, no expand step pending. The tables of published migrations that no
 * published schema describes (a hand-written provider's) have their mapping checked ({@link
 * Migrator#checkMapping}). Spring Boot's database-initialization ordering places that after Flyway's and
 * Liquibase's migrations and before JPA's EntityManagerFactory (see {@link
 * GodwitSchemaCheckDatabaseInitializerDetector}), so the schema checked is the one the migrations
 * left, and no repository serves a request before the check.
 *
 * <p>In {@link CheckMode#FAIL} mode a mismatch fails startup with a {@link SchemaCheckException}
 * (reported by {@link SchemaMismatchFailureAnalyzer}, every problem with its fix); in {@link
 * CheckMode#WARN} mode it is logged and kept for the health indicator and the endpoint.
 */
public class GodwitSchemaCheck implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(GodwitSchemaCheck.class);

  private final Migrator migrator;
  private final MigrationRegistry registry;
  private final CheckMode mode;
  private volatile List<SchemaMismatchException.Problem> problems = List.of();

  /**
   * A check of the registry's schemas.
   *
   * @param migrator checks the database
   * @param registry publishes the schemas the code expects
   * @param mode {@link CheckMode#FAIL} or {@link CheckMode#WARN}
   */
  public GodwitSchemaCheck(Migrator migrator, MigrationRegistry registry, CheckMode mode) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /**
   * Runs the check.
   *
   * @throws SchemaCheckException in {@link CheckMode#FAIL} mode, listing every
   *     problem found in every table, each with its fix
   * @throws dev.godwit.runtime.MigrationException if the database cannot be reached
   */
  @Override
  public void afterPropertiesSet() {
    List<String> tables = new ArrayList<>();
    List<SchemaMismatchException.Problem> found = new ArrayList<>();
    try {
      migrator.check(registry.schemas());
    } catch (SchemaMismatchException mismatch) {
      tables.add(mismatch.table());
      found.addAll(mismatch.problems());
    }
    for (Table<?> table : tablesWithoutSchema()) {
      try {
        migrator.checkMapping(table);
      } catch (SchemaMismatchException mismatch) {
        tables.add(mismatch.table());
        found.addAll(mismatch.problems());
      }
    }
    problems = List.copyOf(found);
    if (found.isEmpty()) {
      log.info("Godwit's startup check found the database as the code expects it");
      return;
    }
    if (mode == CheckMode.FAIL) {
      throw new SchemaCheckException(tables, found);
    }
    log.warn("Godwit's startup check found {} problem(s); starting anyway because godwit.check=warn:"
        + "{}", found.size(), SchemaMismatchFailureAnalyzer.list(found));
  }

  /**
   * The tables of published migrations that no published schema describes (a hand-written
   * provider's): their mapping at least is checked.
   */
  private Collection<Table<?>> tablesWithoutSchema() {
    Set<String> described = new HashSet<>();
    registry.schemas().forEach(schema -> described.add(schema.table().qualifiedName()));
    Map<String, Table<?>> tables = new LinkedHashMap<>();
    for (Migration<?> migration : registry.all()) {
      if (!described.contains(migration.table().qualifiedName())) {
        tables.putIfAbsent(migration.table().qualifiedName(), migration.table());
      }
    }
    return tables.values();
  }

  /**
   * The problems the last check found, kept in {@link CheckMode#WARN} mode.
   *
   * @return the problems, empty if none were found or the check has not run
   */
  public List<SchemaMismatchException.Problem> problems() {
    return problems;
  }
}
