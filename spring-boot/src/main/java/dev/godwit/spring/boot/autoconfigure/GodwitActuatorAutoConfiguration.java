package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures Godwit's actuator parts when Spring Boot's actuator is on the class path and
 * Godwit is configured: the {@code godwit} endpoint (when exposed) and the {@code godwit} health
 * indicator (unless {@code management.health.godwit.enabled=false}), for the readiness group.
 */
@AutoConfiguration(after = GodwitAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(GodwitMigrationRunner.class)
public class GodwitActuatorAutoConfiguration {

  /** Instantiated by Spring Boot. */
  public GodwitActuatorAutoConfiguration() {}

  /**
   * The endpoint, when {@code management.endpoints.web.exposure.include} names {@code godwit}.
   *
   * @param migrator reads and controls the migrations' state
   * @param registry the published migrations
   * @param runner resumes migrations
   * @param check the startup check, if on
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public GodwitEndpoint godwitEndpoint(Migrator migrator, MigrationRegistry registry,
      GodwitMigrationRunner runner, ObjectProvider<GodwitSchemaCheck> check) {
    return new GodwitEndpoint(migrator, registry, runner, check.getIfAvailable());
  }

  /** The health indicator, named {@code godwit}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("godwit")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "godwitHealthIndicator")
    GodwitHealthIndicator godwitHealthIndicator(Migrator migrator, MigrationRegistry registry,
        ObjectProvider<GodwitSchemaCheck> check) {
      return new GodwitHealthIndicator(migrator, registry, check.getIfAvailable());
    }
  }
}
