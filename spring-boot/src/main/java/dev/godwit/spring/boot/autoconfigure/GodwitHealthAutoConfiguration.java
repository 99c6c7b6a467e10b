package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures Godwit's health indicator, named {@code godwit}, for the readiness group, when
 * Spring Boot's actuator is present and Godwit is configured, unless {@code
 * management.health.godwit.enabled=false}: on Spring Boot 3 through {@code
 * org.springframework.boot.actuate.health}, on Spring Boot 4 through {@code
 * org.springframework.boot.health}. Each nested configuration is guarded by the name of its
 * version's classes, so neither loads a class the other version lacks.
 */
@AutoConfiguration(after = GodwitAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(GodwitMigrationRunner.class)
public class GodwitHealthAutoConfiguration {

  /** Instantiated by Spring Boot. */
  public GodwitHealthAutoConfiguration() {}

  /**
   * What the indicator reports.
   *
   * @param migrator reads the migrations' state
   * @param registry the published migrations
   * @param check the startup check, if on
   * @return the readiness
   */
  @Bean
  @ConditionalOnMissingBean
  public GodwitReadiness godwitReadiness(Migrator migrator, MigrationRegistry registry,
      ObjectProvider<GodwitSchemaCheck> check) {
    return new GodwitReadiness(migrator, registry, check.getIfAvailable());
  }

  /** On Spring Boot 3. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
  @org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator("godwit")
  static class Boot3 {

    @Bean
    @ConditionalOnMissingBean(name = "godwitHealthIndicator")
    GodwitHealthIndicator godwitHealthIndicator(GodwitReadiness readiness) {
      return new GodwitHealthIndicator(readiness);
    }
  }

  /** On Spring Boot 4. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
  @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator(
      "godwit")
  static class Boot4 {

    @Bean
    @ConditionalOnMissingBean(name = "godwitHealthIndicator")
    dev.godwit.spring.boot.autoconfigure.boot4.GodwitHealthIndicator godwitHealthIndicator(
        GodwitReadiness readiness) {
      return new dev.godwit.spring.boot.autoconfigure.boot4.GodwitHealthIndicator(readiness);
    }
  }
}
