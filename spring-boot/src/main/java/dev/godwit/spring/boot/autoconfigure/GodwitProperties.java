package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.RunOptions;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Godwit's settings in a Spring Boot application, under the {@code godwit.} prefix. Each field's
 * Javadoc is the description Spring Boot's configuration metadata gives to IDEs.
 */
@ConfigurationProperties("godwit")
public class GodwitProperties {

  /** What the startup check does when it finds problems. */
  public enum CheckMode {
    /** Refuse to start, listing every problem and its fix. */
    FAIL,
    /** Log every problem and its fix, start anyway, and report the problems as readiness DOWN. */
    WARN,
    /** Do not check. */
    OFF
  }

  /** Whether to auto-configure Godwit at all. */
  private boolean enabled = true;

  /**
   * What the startup check does when the code's expected schema and the database disagree: fail
   * (refuse to start), warn (log and start), or off. The check runs after Flyway or Liquibase and
   * before JPA's EntityManagerFactory.
   */
  private CheckMode check = CheckMode.FAIL;

  /**
   * Whether to run the published migrations of the migrate phase in a background thread once the
   * application is ready. Destructive migrations (clears, contract phase) never run this way.
   */
  private boolean runOnStartup = false;

  /** Rows per batch for the runs the application starts; 0 keeps each migration's own. */
  private int batchSize = 0;

  /** How long the runs the application starts sleep after each committed batch. */
  private Duration pauseBetweenBatches = Duration.ZERO;

  /** How long a run's lease lasts without a heartbeat before another instance may take it over. */
  private Duration leaseDuration = Duration.ofSeconds(30);

  /**
   * Whether the runs the application starts wait on the database's built-in health signals
   * (PostgreSQL: standbys' replication lag, WAL kept by replication slots, autovacuum on the
   * migrated table); HealthSignal beans are waited on either way.
   */
  private boolean healthSignals = true;

  /** The most replication lag a standby may have before a run waits; 0 turns the lag signals off. */
  private Duration maxReplicationLag = RunOptions.DEFAULT_MAX_REPLICATION_LAG;

  /** The most WAL a PostgreSQL replication slot may keep before a run waits; 0 turns it off. */
  private DataSize maxRetainedWal = DataSize.ofBytes(RunOptions.DEFAULT_MAX_RETAINED_WAL_BYTES);

  /** Whether a run waits while PostgreSQL's autovacuum works on the migrated table. */
  private boolean waitForAutovacuum = true;

  /** How often the health signals are asked between batches, and again while one says to wait. */
  private Duration healthCheckInterval = RunOptions.DEFAULT_HEALTH_CHECK_INTERVAL;

  /** How long a run waits on its health signals before it pauses itself, saying why; 0 waits on. */
  private Duration maxHealthWait = RunOptions.DEFAULT_MAX_HEALTH_WAIT;

  /** How often an instance waiting for a migration another instance runs looks at it again. */
  private Duration waitInterval = Duration.ofSeconds(2);

  /** How long a graceful shutdown waits for the running batch to commit and the run to pause. */
  private Duration shutdownTimeout = Duration.ofSeconds(30);

  /** The table the migrations' state is kept in; a plain identifier. */
  private String stateTable = "godwit_migrations";

  /** The schema of the state table; the connection's current schema if not set. */
  private String stateSchema;

  /**
   * How this instance is named in a migration's lease while it runs it; "pid" and the process id
   * if not set.
   */
  private String workerName;

  /**
   * Whether Godwit is auto-configured.
   *
   * @return {@code true} by default
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets {@link #isEnabled()}.
   *
   * @param enabled whether Godwit is auto-configured
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * What the startup check does.
   *
   * @return {@link CheckMode#FAIL} by default
   */
  public CheckMode getCheck() {
    return check;
  }

  /**
   * Sets {@link #getCheck()}.
   *
   * @param check fail, warn or off
   */
  public void setCheck(CheckMode check) {
    this.check = check;
  }

  /**
   * Whether the migrate phase's migrations run once the application is ready.
   *
   * @return {@code false} by default
   */
  public boolean isRunOnStartup() {
    return runOnStartup;
  }

  /**
   * Sets {@link #isRunOnStartup()}.
   *
   * @param runOnStartup whether to run them
   */
  public void setRunOnStartup(boolean runOnStartup) {
    this.runOnStartup = runOnStartup;
  }

  /**
   * Rows per batch.
   *
   * @return a positive number, or 0 (the default) for each migration's own
   */
  public int getBatchSize() {
    return batchSize;
  }

  /**
   * Sets {@link #getBatchSize()}.
   *
   * @param batchSize a positive number, or 0 for each migration's own
   */
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * The sleep after each committed batch.
   *
   * @return zero by default
   */
  public Duration getPauseBetweenBatches() {
    return pauseBetweenBatches;
  }

  /**
   * Sets {@link #getPauseBetweenBatches()}.
   *
   * @param pauseBetweenBatches zero or more
   */
  public void setPauseBetweenBatches(Duration pauseBetweenBatches) {
    this.pauseBetweenBatches = pauseBetweenBatches;
  }

  /**
   * A run's lease.
   *
   * @return 30 seconds by default
   */
  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  /**
   * Sets {@link #getLeaseDuration()}.
   *
   * @param leaseDuration a positive duration
   */
  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  /**
   * How often a waiting instance looks again.
   *
   * @return 2 seconds by default
   */
  public Duration getWaitInterval() {
    return waitInterval;
  }

  /**
   * Sets {@link #getWaitInterval()}.
   *
   * @param waitInterval a positive duration
   */
  public void setWaitInterval(Duration waitInterval) {
    this.waitInterval = waitInterval;
  }

  /**
   * How long a graceful shutdown waits for the run to pause.
   *
   * @return 30 seconds by default
   */
  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  /**
   * Sets {@link #getShutdownTimeout()}.
   *
   * @param shutdownTimeout a positive duration
   */
  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  /**
   * The state table's name.
   *
   * @return {@code godwit_migrations} by default
   */
  public String getStateTable() {
    return stateTable;
  }

  /**
   * Sets {@link #getStateTable()}.
   *
   * @param stateTable a plain identifier
   */
  public void setStateTable(String stateTable) {
    this.stateTable = stateTable;
  }

  /**
   * The state table's schema.
   *
   * @return the schema, or {@code null} (the default) for the connection's current schema
   */
  public String getStateSchema() {
    return stateSchema;
  }

  /**
   * Sets {@link #getStateSchema()}.
   *
   * @param stateSchema a plain identifier of an existing schema, or {@code null}
   */
  public void setStateSchema(String stateSchema) {
    this.stateSchema = stateSchema;
  }

  /**
   * This instance's name in leases.
   *
   * @return the name, or {@code null} (the default) for {@code pid <process id>}
   */
  public String getWorkerName() {
    return workerName;
  }

  /**
   * Sets {@link #getWorkerName()}.
   *
   * @param workerName 1 to 180 characters, not blank, or {@code null}
   */
  public void setWorkerName(String workerName) {
    this.workerName = workerName;
  }

  /**
   * Whether runs wait on the database's built-in health signals.
   *
   * @return {@code true} by default
   */
  public boolean isHealthSignals() {
    return healthSignals;
  }

  /**
   * Sets {@link #isHealthSignals()}.
   *
   * @param healthSignals whether to wait on the built-in signals
   */
  public void setHealthSignals(boolean healthSignals) {
    this.healthSignals = healthSignals;
  }

  /**
   * The most replication lag before a run waits.
   *
   * @return {@link RunOptions#DEFAULT_MAX_REPLICATION_LAG} by default
   */
  public Duration getMaxReplicationLag() {
    return maxReplicationLag;
  }

  /**
   * Sets {@link #getMaxReplicationLag()}.
   *
   * @param maxReplicationLag zero or more; zero turns the lag signals off
   */
  public void setMaxReplicationLag(Duration maxReplicationLag) {
    this.maxReplicationLag = maxReplicationLag;
  }

  /**
   * The most WAL a replication slot may keep before a run waits.
   *
   * @return 1 GiB by default
   */
  public DataSize getMaxRetainedWal() {
    return maxRetainedWal;
  }

  /**
   * Sets {@link #getMaxRetainedWal()}.
   *
   * @param maxRetainedWal zero or more; zero turns the signal off
   */
  public void setMaxRetainedWal(DataSize maxRetainedWal) {
    this.maxRetainedWal = maxRetainedWal;
  }

  /**
   * Whether a run waits while autovacuum works on the migrated table.
   *
   * @return {@code true} by default
   */
  public boolean isWaitForAutovacuum() {
    return waitForAutovacuum;
  }

  /**
   * Sets {@link #isWaitForAutovacuum()}.
   *
   * @param waitForAutovacuum whether to wait for autovacuum
   */
  public void setWaitForAutovacuum(boolean waitForAutovacuum) {
    this.waitForAutovacuum = waitForAutovacuum;
  }

  /**
   * How often the health signals are asked.
   *
   * @return {@link RunOptions#DEFAULT_HEALTH_CHECK_INTERVAL} by default
   */
  public Duration getHealthCheckInterval() {
    return healthCheckInterval;
  }

  /**
   * Sets {@link #getHealthCheckInterval()}.
   *
   * @param healthCheckInterval a positive duration
   */
  public void setHealthCheckInterval(Duration healthCheckInterval) {
    this.healthCheckInterval = healthCheckInterval;
  }

  /**
   * How long a run waits on its health signals before it pauses itself.
   *
   * @return {@link RunOptions#DEFAULT_MAX_HEALTH_WAIT} by default
   */
  public Duration getMaxHealthWait() {
    return maxHealthWait;
  }

  /**
   * Sets {@link #getMaxHealthWait()}.
   *
   * @param maxHealthWait zero or more; zero waits without bound
   */
  public void setMaxHealthWait(Duration maxHealthWait) {
    this.maxHealthWait = maxHealthWait;
  }
}
