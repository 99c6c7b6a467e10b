package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures Godwit when the runtime is on the class path and the application has a {@link
 * DataSource}: a {@link Migrator} on it (unless the application defines its own), the {@link
 * MigrationRegistry} of the migrations and schemas the application publishes, the startup check
 * ({@code godwit.check}) and the {@link GodwitMigrationRunner} ({@code godwit.run-on-startup}).
 * Everything backs off with {@code godwit.enabled=false}.
 *
 * <p>The order of the startup check relative to Flyway, Liquibase and JPA is not set here but by
 * Spring Boot's database initialization ordering, which orders beans rather than configurations:
 * see {@link GodwitSchemaCheckDatabaseInitializerDetector}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
})
@ConditionalOnClass(Migrator.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "godwit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GodwitProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class GodwitAutoConfiguration {

  /** Instantiated by Spring Boot. */
  public GodwitAutoConfiguration() {}

  /**
   * The migrator, on the application's data source, configured by {@code godwit.state-table},
   * {@code godwit.state-schema} and {@code godwit.worker-name}.
   *
   * @param dataSource the application's data source
   * @param properties Godwit's settings
   * @return the migrator
   * @throws IllegalArgumentException if a setting is not a valid name
   */
  @Bean
  @ConditionalOnMissingBean
  public Migrator godwitMigrator(DataSource dataSource, GodwitProperties properties) {
    Migrator.Builder builder = Migrator.builder(dataSource)
        .stateTable(properties.getStateTable())
        .stateSchema(properties.getStateSchema());
    if (properties.getWorkerName() != null) {
      builder.workerName(properties.getWorkerName());
    }
    return builder.build();
  }

  /**
   * The migrations and schemas published on the application's class path (every generated
   * {@code XMigrations}).
   *
   * @param resourceLoader gives the application's class loader
   * @return the registry
   */
  @Bean
  @ConditionalOnMissingBean
  public MigrationRegistry godwitMigrationRegistry(ResourceLoader resourceLoader) {
    ClassLoader classLoader = resourceLoader.getClassLoader();
    return classLoader == null ? MigrationRegistry.load() : MigrationRegistry.load(classLoader);
  }

  /**
   * The startup check, unless {@code godwit.check=off}.
   *
   * @param migrator checks the database
   * @param registry publishes the expected schemas
   * @param properties gives the mode
   * @return the check, run when Spring Boot initializes the database
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(CheckNotOff.class)
  public GodwitSchemaCheck godwitSchemaCheck(Migrator migrator, MigrationRegistry registry,
      GodwitProperties properties) {
    return new GodwitSchemaCheck(migrator, registry, properties.getCheck());
  }

  /**
   * The runner of the application's migrations: on startup if {@code godwit.run-on-startup}, and
   * on resume through the endpoint.
   *
   * @param migrator runs the migrations
   * @param registry the published migrations
   * @param properties the batch size, pause, lease, health, wait and shutdown settings
   * @param listeners see every run it starts (the metrics, when Micrometer is present)
   * @param healthSignals the application's own health signals, waited on besides the database's
   *     built-in ones
   * @return the runner
   */
  @Bean
  @ConditionalOnMissingBean
  public GodwitMigrationRunner godwitMigrationRunner(Migrator migrator, MigrationRegistry registry,
      GodwitProperties properties, ObjectProvider<GodwitRunListener> listeners,
      ObjectProvider<HealthSignal> healthSignals) {
    RunOptions options = RunOptions.builder()
        .batchSize(properties.getBatchSize())
        .pauseBetweenBatches(properties.getPauseBetweenBatches())
        .leaseDuration(properties.getLeaseDuration())
        .defaultHealthSignals(properties.isHealthSignals())
        .maxReplicationLag(properties.getMaxReplicationLag())
        .maxRetainedWalBytes(properties.getMaxRetainedWal().toBytes())
        .waitForAutovacuum(properties.isWaitForAutovacuum())
        .healthCheckInterval(properties.getHealthCheckInterval())
        .maxHealthWait(properties.getMaxHealthWait())
        .healthSignals(healthSignals.orderedStream().toList())
        .build();
    return new GodwitMigrationRunner(migrator, registry, options, properties.isRunOnStartup(),
        properties.getWaitInterval(), properties.getShutdownTimeout(),
        listeners.orderedStream().toList());
  }

  /** Matches unless {@code godwit.check} is {@code off} (in any case). */
  static final class CheckNotOff extends NoneNestedConditions {

    CheckNotOff() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "godwit", name = "check", havingValue = "off")
    static final class Off {}
  }
}
