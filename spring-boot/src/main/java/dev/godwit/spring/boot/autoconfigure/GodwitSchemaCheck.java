package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.SchemaMismatchException;
import dev.godwit.runtime.TableSchema;
import dev.godwit.spring.boot.autoconfigure.GodwitProperties.CheckMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The startup check: compares the schemas the application's code publishes (the generated
 * {@code XTable.SCHEMA}s, through the {@link MigrationRegistry}) with the database, when the bean is
 * initialized. Spring Boot's database-initialization ordering places that after Flyway's and
 * Liquibase's migrations and before JPA's EntityManagerFactory (see {@link
 * GodwitSchemaCheckDatabaseInitializerDetector}), so the schema checked is the one the migrations
 * left, and no repository serves a request before the check.
 *
 * <p>In {@link CheckMode#FAIL} mode a mismatch fails startup with the {@link SchemaMismatchException}
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
   * @throws SchemaMismatchException in {@link CheckMode#FAIL} mode, listing every problem found in
   *     every table, each with its fix
   * @throws dev.godwit.runtime.MigrationException if the database cannot be reached
   */
  @Override
  public void afterPropertiesSet() {
    List<SchemaMismatchException> mismatches = new ArrayList<>();
    for (TableSchema<?> schema : registry.schemas()) {
      try {
        migrator.checkMapping(schema.table());
      } catch (SchemaMismatchException e) {
        mismatches.add(e);
      }
    }
    if (mismatches.isEmpty()) {
      log.info("Godwit's startup check found the database as the code of {} table(s) expects it",
          registry.schemas().size());
      return;
    }
    SchemaMismatchException mismatch = mismatches.size() == 1 ? mismatches.get(0)
        : new SchemaMismatchException(
            mismatches.stream().map(SchemaMismatchException::table)
                .collect(Collectors.joining(", ")),
            mismatches.stream().flatMap(e -> e.problems().stream()).toList());
    problems = mismatch.problems();
    if (mode == CheckMode.FAIL) {
      throw mismatch;
    }
    log.warn("Godwit's startup check found {} problem(s); starting anyway because godwit.check=warn:"
        + "{}", problems.size(), SchemaMismatchFailureAnalyzer.list(problems));
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
