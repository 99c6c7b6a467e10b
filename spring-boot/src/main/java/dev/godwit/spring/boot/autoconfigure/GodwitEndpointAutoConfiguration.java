package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures Godwit's actuator endpoint, {@code godwit}, when Spring Boot's actuator is on the
 * class path, Godwit is configured and the endpoint is exposed. The health indicator has its own
 * auto-configuration, {@link GodwitHealthAutoConfiguration}.
 */
@AutoConfiguration(after = GodwitAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(GodwitMigrationRunner.class)
public class GodwitEndpointAutoConfiguration {

  /** Instantiated by Spring Boot. */
  public GodwitEndpointAutoConfiguration() {}

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
}
