package dev.godwit.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Makes the {@link GodwitSchemaCheck} a database initializer in Spring Boot's sense, so that Boot
 * orders it (see {@code DatabaseInitializationDependencyConfigurer}): initializers found by
 * detectors of a lower order run first, so the check runs after Liquibase (order 0), Flyway (order
 * 1) and the {@code spring.sql.init} scripts ({@code Ordered.LOWEST_PRECEDENCE - 100}); and every
 * bean that depends on database initialization (JPA's EntityManagerFactory, {@code JdbcTemplate},
 * beans annotated {@code @DependsOnDatabaseInitialization}) is created after it. Registered in
 * {@code META-INF/spring.factories}, as Boot's own detectors are.
 */
public class GodwitSchemaCheckDatabaseInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {

  /** After every initializer Spring Boot ships, so the check sees the schema they leave. */
  static final int ORDER = Ordered.LOWEST_PRECEDENCE - 50;

  /** The detector Spring Boot instantiates from {@code spring.factories}. */
  public GodwitSchemaCheckDatabaseInitializerDetector() {}

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(GodwitSchemaCheck.class);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
