package dev.godwit.spring.boot.autoconfigure;

import java.time.Duration;
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

  /**
   * Workers (threads, each with its own connection) of this instance on each migration it runs;
   * other instances join the same migration's key ranges.
   */
  private int workers = 1;

  /** How long the runs the application starts sleep after each committed batch. */
  private Duration pauseBetweenBatches = Duration.ZERO;

  /** How long a run's lease lasts without a heartbeat before another instance may take it over. */
  private Duration leaseDuration = Duration.ofSeconds(30);

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
   * Workers of this instance on each migration it runs, each claiming key ranges of the migration
   * that every instance running it shares (see {@code RunOptions.workers()}).
   *
   * @return at least 1; 1 (the default) for a single runner
   */
  public int getWorkers() {
    return workers;
  }

  /**
   * Sets {@link #getWorkers()}.
   *
   * @param workers at least 1
   */
  public void setWorkers(int workers) {
    this.workers = workers;
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
}
