package dev.godwit.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures {@link GodwitMetrics} when Micrometer is on the class path and the application has
 * a {@link MeterRegistry} (Spring Boot's actuator makes one).
 */
@AutoConfiguration(
    after = GodwitAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, GodwitMigrationRunner.class})
public class GodwitMetricsAutoConfiguration {

  /** Instantiated by Spring Boot. */
  public GodwitMetricsAutoConfiguration() {}

  /**
   * The meters of the application's runs.
   *
   * @param registry the application's meter registry
   * @return the metrics, a run listener
   */
  @Bean
  @ConditionalOnMissingBean
  public GodwitMetrics godwitMetrics(MeterRegistry registry) {
    return new GodwitMetrics(registry);
  }
}
