package dev.godwit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.SchemaCheckException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.SchemaMismatchException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every condition and property of the auto-configuration, on a real H2 database. */
class GodwitAutoConfigurationTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String url = "jdbc:h2:mem:autoconfig" + DATABASES.incrementAndGet()
      + ";DB_CLOSE_DELAY=-1";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(dataSourceAutoConfiguration(),
          GodwitAutoConfiguration.class, GodwitEndpointAutoConfiguration.class,
          GodwitHealthAutoConfiguration.class, GodwitMetricsAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + url);

  @Test
  void configuresEverythingOnTheApplicationsDataSource() throws SQLException {
    createTeams(true);
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Migrator.class)
          .hasSingleBean(GodwitSchemaCheck.class).hasSingleBean(GodwitMigrationRunner.class)
          .hasBean("godwitHealthIndicator")
          .doesNotHaveBean(GodwitEndpoint.class).doesNotHaveBean(GodwitMetrics.class);
      assertThat(context.getBean(GodwitSchemaCheck.class).problems()).isEmpty();
      assertThat(context.getBean(GodwitMigrationRunner.class).startupMigrations())
          .containsExactly(TestMigrations.BACKFILL_PLAN);
    });
  }

  @Test
  void backsOffWithoutADataSource() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GodwitAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
  }

  @Test
  void backsOffWithoutTheRuntime() {
    runner.withClassLoader(new FilteredClassLoader(Migrator.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
            .doesNotHaveBean(GodwitSchemaCheck.class));
  }

  @Test
  void backsOffWhenDisabled() {
    runner.withPropertyValues("godwit.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
            .doesNotHaveBean(GodwitSchemaCheck.class));
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsMigrator() throws SQLException {
    createTeams(true);
    runner.withUserConfiguration(OwnMigrator.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
      assertThat(context.getBean(Migrator.class)).isSameAs(context.getBean("ownMigrator"));
    });
  }

  @Test
  void keepsStateWhereThePropertiesSay() throws SQLException {
    createTeams(true);
    runner.withPropertyValues("godwit.state-table=app_migrations").run(context -> {
      context.getBean(Migrator.class).run(TestMigrations.BACKFILL_PLAN);
      assertThat(tableExists("APP_MIGRATIONS")).isTrue();
      assertThat(tableExists("GODWIT_MIGRATIONS")).isFalse();
    });
  }

  @Test
  void refusesAStateTableThatIsNotAPlainName() {
    runner.withPropertyValues("godwit.state-table=migrations; DROP TABLE teams")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasRootCauseMessage("the state table must be a plain identifier of letters, digits"
                + " and underscores, not 'migrations; DROP TABLE teams'"));
  }

  @Test
  void failsStartupOverAMissingColumnByDefault() throws SQLException {
    createTeams(false);
    runner.run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaCheckException.class)
          .hasMessageContaining("Column teams.plan does not exist");
    });
  }

  @Test
  void refusesNarrowedCodeOverUnmigratedDataWithTheFailureReport(@TempDir Path classes)
      throws Exception {
    createTeams(true);
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE members (id BIGINT PRIMARY KEY, role VARCHAR(16))");
      statement.execute("INSERT INTO members (id, role) VALUES (1, 'ADMIN'), (2, NULL)");
    }
    Path services = classes.resolve("META-INF/services/" + MigrationProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, NarrowedMigrations.class.getName() + "\n");
    ClassLoader deploy2 = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader());
    runner.withBean(MigrationRegistry.class, () -> MigrationRegistry.load(deploy2))
        .run(context -> {
          assertThat(context).hasFailed();
          SchemaCheckException failure = (SchemaCheckException) NestedExceptionUtils
              .getRootCause(context.getStartupFailure());
          assertThat(failure.problems()).singleElement().satisfies(problem ->
              assertThat(problem.code()).isEqualTo(SchemaMismatchException.Code.REQUIRED_HOLDS_NULL));
          FailureAnalysis analysis = new SchemaMismatchFailureAnalyzer()
              .analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).isEqualTo("Godwit's startup check found 1"
              + " problem(s) between the code's entities and the database (members):\n  - "
              + failure.problems().get(0).message());
          assertThat(analysis.getAction()).contains("set godwit.check=warn to start while they"
              + " remain");
        });
  }

  @Test
  void warnsAndReportsReadinessDownWhenTold() throws SQLException {
    createTeams(false);
    runner.withPropertyValues("godwit.check=warn").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(GodwitSchemaCheck.class).problems()).singleElement()
          .satisfies(problem -> assertThat(problem.message())
              .contains("Column teams.plan does not exist"));
      GodwitReadiness readiness = context.getBean(GodwitReadiness.class);
      assertThat(readiness.isUp()).isFalse();
      assertThat(readiness.details()).containsKey("checkProblems");
    });
  }

  @Test
  void skipsTheCheckWhenOff() throws SQLException {
    createTeams(false);
    runner.withPropertyValues("godwit.check=OFF").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(GodwitSchemaCheck.class);
      assertThat(context.getBean(GodwitReadiness.class).isUp()).isTrue();
    });
  }

  @Test
  void runsTheMigratePhaseOnceReadyWhenTold() throws SQLException {
    createTeams(true);
    runner.withPropertyValues("godwit.run-on-startup=true").run(context -> {
      ready(context);
      Migrator migrator = context.getBean(Migrator.class);
      MigrationStatus status = awaitDone(migrator, "teams.backfillPlan");
      assertThat(status.state()).isEqualTo(MigrationState.SUCCEEDED);
      assertThat(status.rowsChanged()).isEqualTo(3);
      assertThat(migrator.status("teams.clearIsPro")).as("a destructive migration").isEmpty();
    });
  }

  @Test
  void instancesStartingTogetherRunEachMigrationOnce() throws SQLException {
    createTeams(true);
    ApplicationContextRunner instance = runner.withPropertyValues("godwit.run-on-startup=true",
        "godwit.pause-between-batches=100ms", "godwit.wait-interval=20ms");
    instance.withPropertyValues("godwit.worker-name=first").run(first ->
        instance.withPropertyValues("godwit.worker-name=second").run(second -> {
          ready(first);
          ready(second);
          MigrationStatus status = awaitDone(first.getBean(Migrator.class), "teams.backfillPlan");
          assertThat(status.state()).isEqualTo(MigrationState.SUCCEEDED);
          assertThat(status.rowsVisited()).as("each row visited once").isEqualTo(3);
          awaitIdle(first.getBean(GodwitMigrationRunner.class));
          awaitIdle(second.getBean(GodwitMigrationRunner.class));
        }));
  }

  @Test
  void gracefulShutdownPausesAtABatchBoundary() throws SQLException {
    createTeams(true);
    runner.withPropertyValues("godwit.run-on-startup=true", "godwit.pause-between-batches=1s")
        .run(context -> {
          Migrator migrator = context.getBean(Migrator.class);
          ready(context);
          while (migrator.status("teams.backfillPlan").map(MigrationStatus::rowsVisited)
              .orElse(0L) == 0) {
            Thread.sleep(10);
          }
        });
    JdbcDataSource afterShutdown = new JdbcDataSource();
    afterShutdown.setURL(url);
    afterShutdown.setUser("sa");
    MigrationStatus status = Migrator.create(afterShutdown).status("teams.backfillPlan")
        .orElseThrow();
    assertThat(status.state()).isEqualTo(MigrationState.PAUSED);
    assertThat(status.rowsVisited()).isEqualTo(2);
    assertThat(status.cursor()).isEqualTo("2");
  }

  @Test
  void runsNothingOnceReadyByDefault() throws SQLException {
    createTeams(true);
    runner.run(context -> {
      ready(context);
      Thread.sleep(300);
      assertThat(context.getBean(GodwitMigrationRunner.class).current()).isEmpty();
      assertThat(context.getBean(Migrator.class).status("teams.backfillPlan")).isEmpty();
    });
  }

  @Test
  void exposesTheEndpointWhenExposed() throws SQLException {
    createTeams(true);
    runner.withPropertyValues("management.endpoints.web.exposure.include=godwit").run(context -> {
      assertThat(context).hasSingleBean(GodwitEndpoint.class);
      GodwitEndpoint endpoint = context.getBean(GodwitEndpoint.class);
      assertThat(endpoint.migrations().migrations())
          .extracting(GodwitEndpoint.MigrationReport::name)
          .containsExactly("teams.backfillPlan", "teams.clearIsPro");
      assertThatThrownBy(() -> endpoint.control("teams.clearIsPro", "resume"))
          .isInstanceOf(InvalidEndpointRequestException.class)
          .hasMessage("migration teams.clearIsPro destroys data, so it is not run from the"
              + " application; run it explicitly with 'godwit run teams.clearIsPro'");
      assertThatThrownBy(() -> endpoint.control("teams.backfillPlan", "drop"))
          .isInstanceOf(InvalidEndpointRequestException.class)
          .hasMessage("unknown action 'drop'; use pause, resume or cancel");
      assertThat(endpoint.migration("teams.backfilPlan")).isNull();
      assertThat(context.getBean(Migrator.class).status("teams.clearIsPro")).isEmpty();
    });
  }

  @Test
  void leavesActuatorOutWithoutActuator() throws SQLException {
    createTeams(true);
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
            "org.springframework.boot.health"))
        .withPropertyValues("management.endpoints.web.exposure.include=godwit")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class)
            .doesNotHaveBean(GodwitEndpoint.class).doesNotHaveBean("godwitHealthIndicator"));
  }

  @Test
  void leavesTheHealthIndicatorOutWhenDisabled() throws SQLException {
    createTeams(true);
    runner.withPropertyValues("management.health.godwit.enabled=false")
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean("godwitHealthIndicator"));
  }

  @Test
  void recordsMetricsWhenAMeterRegistryExists() throws SQLException {
    createTeams(true);
    runner.withUserConfiguration(Meters.class).withPropertyValues("godwit.run-on-startup=true")
        .run(context -> {
          assertThat(context).hasSingleBean(GodwitMetrics.class);
          ready(context);
          awaitDone(context.getBean(Migrator.class), "teams.backfillPlan");
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get("godwit.rows.visited").tag("migration", "teams.backfillPlan")
              .counter().count()).isEqualTo(3.0);
          assertThat(meters.get("godwit.rows.changed").counter().count()).isEqualTo(3.0);
          assertThat(meters.get("godwit.batch.duration").timer().count()).isEqualTo(2);
          assertThat(meters.get("godwit.rows.remaining").gauge().value()).isZero();
          assertThat(meters.get("godwit.batch.retries").tag("migration", "teams.backfillPlan")
              .counter().count()).isZero();
        });
  }

  @Test
  void countsTheBatchRetriesAConflictingWriterForced() throws SQLException {
    createTeams(true);
    // Hikari discards a connection whose statement failed with H2's lock timeout (SQLState HYT00,
    // a SQLTimeoutException), so the retry would find the batch connection closed
    runner.withUserConfiguration(Meters.class, LastStatus.class)
        .withPropertyValues("godwit.run-on-startup=true",
            "spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource")
        .run(context -> {
          try (Connection writer = DriverManager.getConnection(url, "sa", "")) {
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
              statement.executeUpdate("UPDATE teams SET name = 'held' WHERE id = 3");
            }
            ready(context);
            awaitAWaitThatEnded(writer);
            writer.commit();
          }
          assertThat(awaitDone(context.getBean(Migrator.class), "teams.backfillPlan").state())
              .isEqualTo(MigrationState.SUCCEEDED);
          MigrationStatus last = context.getBean(LastStatus.class).status;
          assertThat(last.retries()).isPositive();
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get("godwit.batch.retries").tag("migration", "teams.backfillPlan")
              .counter().count()).isEqualTo((double) last.retries());
          assertThat(meters.get("godwit.rows.visited").counter().count()).isEqualTo(3.0);
        });
  }

  /**
   * Waits until a session waited for a lock the writer holds and stopped waiting while the writer
   * still holds it: its lock wait timed out, so the run retries that batch.
   */
  private static void awaitAWaitThatEnded(Connection writer) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean waited = false;
    try (Connection watcher = DriverManager.getConnection(writer.getMetaData().getURL(), "sa", "");
        java.sql.PreparedStatement waiters = watcher.prepareStatement("SELECT COUNT(*) FROM"
            + " INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?")) {
      int holder;
      try (Statement statement = writer.createStatement();
          java.sql.ResultSet session = statement.executeQuery("SELECT SESSION_ID()")) {
        session.next();
        holder = session.getInt(1);
      }
      waiters.setInt(1, holder);
      while (true) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        try (java.sql.ResultSet count = waiters.executeQuery()) {
          count.next();
          boolean waiting = count.getInt(1) > 0;
          if (waited && !waiting) {
            return;
          }
          waited |= waiting;
        }
        Thread.sleep(1);
      }
    }
  }

  /** Spring Boot's data source auto-configuration, whose package Boot 4 moved. */
  private static Class<?> dataSourceAutoConfiguration() {
    for (String name : new String[] {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"}) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        // the other Spring Boot version's
      }
    }
    throw new IllegalStateException("no DataSourceAutoConfiguration on the class path");
  }

  private static void ready(ConfigurableApplicationContext context) {
    context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
        context, Duration.ZERO));
  }

  private static MigrationStatus awaitDone(Migrator migrator, String name)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<MigrationStatus> status = migrator.status(name);
      if (status.isPresent() && status.get().state() != MigrationState.RUNNING
          && status.get().state() != MigrationState.PENDING) {
        return status.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError(name + " did not finish");
  }

  private static void awaitIdle(GodwitMigrationRunner runner) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (runner.current().isPresent()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aHealthSignalBeanHoldsTheRunBackAndTheEndpointShowsWhyUntilItClears() throws Exception {
    createTeams(true);
    setLag(2, true);
    runner.withUserConfiguration(TableLag.class)
        .withPropertyValues("godwit.run-on-startup=true", "godwit.health-check-interval=10ms",
            "management.endpoints.web.exposure.include=godwit")
        .run(context -> {
          ready(context);
          GodwitEndpoint endpoint = context.getBean(GodwitEndpoint.class);
          long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          while (endpoint.migration("teams.backfillPlan") == null
              || endpoint.migration("teams.backfillPlan").waiting() == null) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
          }
          assertThat(endpoint.migration("teams.backfillPlan").waiting())
              .isEqualTo("test.lag: lag 2 s");
          assertThat(endpoint.migration("teams.backfillPlan").rowsVisited()).isZero();

          setLag(0, false);
          MigrationStatus status = awaitDone(context.getBean(Migrator.class), "teams.backfillPlan");
          assertThat(status.state()).isEqualTo(MigrationState.SUCCEEDED);
          assertThat(endpoint.migration("teams.backfillPlan").waiting()).isNull();
        });
  }

  @Test
  void theLongestHealthWaitAndTheThresholdsAreProperties() throws Exception {
    createTeams(true);
    setLag(2, true);
    runner.withUserConfiguration(TableLag.class)
        .withPropertyValues("godwit.run-on-startup=true", "godwit.health-check-interval=10ms",
            "godwit.max-health-wait=50ms", "godwit.max-replication-lag=5s",
            "godwit.max-retained-wal=2GB", "godwit.wait-for-autovacuum=false",
            "godwit.health-signals=false")
        .run(context -> {
          GodwitProperties properties = context.getBean(GodwitProperties.class);
          assertThat(properties.getMaxReplicationLag()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.getMaxRetainedWal().toBytes()).isEqualTo(2L << 30);
          assertThat(properties.isWaitForAutovacuum()).isFalse();
          assertThat(properties.isHealthSignals()).isFalse();
          ready(context);
          MigrationStatus status = awaitDone(context.getBean(Migrator.class), "teams.backfillPlan");
          assertThat(status.state()).isEqualTo(MigrationState.PAUSED);
          assertThat(status.error()).isEqualTo("paused itself after waiting 50ms on its health"
              + " signals (test.lag: lag 2 s); run it again to continue once they are healthy");
        });
  }

  private void setLag(int lag, boolean create) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      if (create) {
        statement.execute("CREATE TABLE health_lag (lag INTEGER NOT NULL)");
        statement.execute("INSERT INTO health_lag (lag) VALUES (0)");
      }
      statement.execute("UPDATE health_lag SET lag = " + lag);
    }
  }

  /** A health signal the application declares: waits while {@code health_lag} holds a lag. */
  @Configuration(proxyBeanMethods = false)
  static class TableLag {
    @Bean
    HealthSignal tableLag() {
      return new HealthSignal() {
        @Override
        public String name() {
          return "test.lag";
        }

        @Override
        public Optional<String> check(Connection connection, Table<?> table) throws SQLException {
          try (Statement statement = connection.createStatement();
              java.sql.ResultSet row = statement.executeQuery("SELECT lag FROM health_lag")) {
            row.next();
            int lag = row.getInt(1);
            return lag > 0 ? Optional.of("lag " + lag + " s") : Optional.empty();
          }
        }
      };
    }
  }

  /** Creates {@code teams} with three old rows, with or without the widened column. */
  private void createTeams(boolean widened) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(100),"
          + " is_pro BOOLEAN" + (widened ? ", plan VARCHAR(16)" : "") + ")");
      statement.execute("INSERT INTO teams (id, name, is_pro) VALUES (1, 'a', TRUE),"
          + " (2, 'b', FALSE), (3, 'c', NULL)");
    }
  }

  private boolean tableExists(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      return connection.getMetaData().getTables(null, null, name, null).next();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMigrator {
    @Bean
    Migrator ownMigrator(DataSource dataSource) {
      return Migrator.builder(dataSource).stateTable("own_migrations").build();
    }
  }

  /** Keeps the last status the application's runs reported. */
  @Configuration(proxyBeanMethods = false)
  static class LastStatus implements GodwitRunListener {
    private volatile MigrationStatus status;

    @Override
    public void onProgress(MigrationStatus status) {
      this.status = status;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Meters {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
