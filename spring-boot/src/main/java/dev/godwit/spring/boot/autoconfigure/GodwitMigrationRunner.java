package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationAlreadyRunningException;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the application's migrations in a background thread: with {@code godwit.run-on-startup}, the
 * registry's migrations of the {@link Phase#MIGRATE} phase once the application is ready (never
 * before: startup is not blocked, and the readiness probe can report the run); and one migration at
 * a time on request ({@link #resume}).
 *
 * <p>A destructive migration ({@link Migration#destroysData()}: a clear, the contract phase) is never
 * run from here: it runs only on an operator's explicit request, through the command line.
 *
 * <p>Several instances of the application starting together share the work through the runtime's
 * leases: one runs a migration, the others find it running ({@link MigrationAlreadyRunningException})
 * and wait, looking again every {@code godwit.wait-interval}; they go on with the next migration once
 * it succeeded, and take it over if its runner dies (its lease expires) or pauses (a graceful
 * shutdown). A migration found {@link MigrationState#CANCELED} or {@link MigrationState#FAILED} stops
 * the series: an operator canceled it, or it needs a fix; it runs again only when resumed.
 *
 * <p>On a graceful shutdown ({@link #stop(Runnable)}) the running migration is paused at a batch
 * boundary: the batch being written commits, no other starts, and the next start resumes it at its
 * cursor.
 */
public class GodwitMigrationRunner implements ApplicationListener<ApplicationReadyEvent>,
    SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GodwitMigrationRunner.class);

  private final Migrator migrator;
  private final MigrationRegistry registry;
  private final RunOptions options;
  private final boolean runOnStartup;
  private final Duration waitInterval;
  private final Duration shutdownTimeout;
  private final List<GodwitRunListener> listeners;

  private final Object lock = new Object();
  private Thread worker;
  private volatile String current;
  private volatile boolean stopping;
  private volatile boolean running;

  /**
   * A runner.
   *
   * @param migrator runs the migrations
   * @param registry the published migrations
   * @param options how each run behaves; the listeners are added to its listener
   * @param runOnStartup whether to run the migrate phase once the application is ready
   * @param waitInterval how often to look again at a migration another instance runs
   * @param shutdownTimeout how long {@link #stop(Runnable)} waits for the run to pause
   * @param listeners see every run this runner starts
   */
  public GodwitMigrationRunner(Migrator migrator, MigrationRegistry registry, RunOptions options,
      boolean runOnStartup, Duration waitInterval, Duration shutdownTimeout,
      List<GodwitRunListener> listeners) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.runOnStartup = runOnStartup;
    this.waitInterval = Objects.requireNonNull(waitInterval, "waitInterval");
    this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    this.listeners = List.copyOf(listeners);
    RunOptions base = Objects.requireNonNull(options, "options");
    this.options = base.withListener(status -> {
      base.listener().onProgress(status);
      for (GodwitRunListener listener : this.listeners) {
        listener.onProgress(status);
      }
    });
  }

  /**
   * The migrations a run on startup runs, in the registry's order: the migrate phase's, none that
   * destroys data.
   *
   * @return the migrations
   */
  public List<Migration<?>> startupMigrations() {
    return registry.all().stream()
        .filter(migration -> migration.phase() == Phase.MIGRATE && !migration.destroysData())
        .toList();
  }

  /**
   * Starts the run on startup, if configured, in a background thread.
   *
   * @param event the application is ready
   */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (runOnStartup) {
      List<Migration<?>> migrations = startupMigrations();
      log.info("Godwit runs {} migration(s) in the background: {}", migrations.size(),
          migrations.stream().map(Migration::name).toList());
      startWorker("godwit-startup-run", () -> runSeries(migrations, false));
    }
  }

  /**
   * Runs one published migration in the background, continuing at its cursor: what an operator's
   * resume of a paused, canceled or failed migration does.
   *
   * @param name the migration's name
   * @return {@code true} if a run started; {@code false} if this application already runs a
   *     migration (one at a time)
   * @throws IllegalArgumentException if no migration of that name is published, or it destroys data
   */
  public boolean resume(String name) {
    Migration<?> migration = registry.find(name).orElseThrow(() -> new IllegalArgumentException(
        "no migration named " + name + " is published"
        + registry.closest(name).map(closest -> "; did you mean " + closest + "?").orElse("")));
    if (migration.destroysData()) {
      throw new IllegalArgumentException("migration " + name + " destroys data, so it is not run"
          + " from the application; run it explicitly with 'godwit run " + name + "'");
    }
    return startWorker("godwit-run-" + name, () -> runSeries(List.of(migration), true));
  }

  /**
   * The migration this application is running now.
   *
   * @return its name, or empty
   */
  public Optional<String> current() {
    return Optional.ofNullable(current);
  }

  private boolean startWorker(String threadName, Runnable work) {
    synchronized (lock) {
      if (stopping || (worker != null && worker.isAlive())) {
        return false;
      }
      worker = new Thread(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          log.error("Godwit's background run stopped: {}", e.getMessage(), e);
        } finally {
          current = null;
        }
      }, threadName);
      worker.setDaemon(true);
      worker.start();
      return true;
    }
  }

  /**
   * Runs the migrations in order, stopping at the first that does not succeed; {@code explicit}
   * when an operator asked for them, so that canceled and failed ones run again.
   */
  private void runSeries(List<Migration<?>> migrations, boolean explicit) {
    for (Migration<?> migration : migrations) {
      if (stopping || !runToEnd(migration, explicit)) {
        return;
      }
    }
  }

  /** Runs one migration, waiting while another instance runs it; whether it ended succeeded. */
  private boolean runToEnd(Migration<?> migration, boolean explicit) {
    String name = migration.name();
    boolean waiting = false;
    while (!stopping) {
      Optional<MigrationStatus> recorded = migrator.status(name);
      MigrationState state = recorded.map(MigrationStatus::state).orElse(MigrationState.PENDING);
      if (state == MigrationState.SUCCEEDED) {
        return true;
      }
      boolean stopped = state == MigrationState.CANCELED || state == MigrationState.FAILED;
      if (stopped && (waiting || !explicit)) {
        log.warn("Godwit does not run {}: it is {}; resume it through the godwit actuator endpoint"
            + " once it should run", name, state);
        return false;
      }
      try {
        current = name;
        listeners.forEach(listener -> listener.runStarting(migration, recorded));
        RunResult result = migrator.run(migration, options);
        MigrationStatus status = result.status();
        if (status.state() == MigrationState.RUNNING) {
          // this instance's workers are done; another instance sweeps and verifies it
          waiting = true;
          current = null;
          sleep(waitInterval);
          continue;
        }
        if (!result.succeeded()) {
          log.warn("Godwit's run of {} ended {}{}", name, status.state(),
              status.error() == null ? "" : ": " + status.error());
        }
        return result.succeeded();
      } catch (MigrationAlreadyRunningException e) {
        if (!waiting) {
          log.info("Another instance runs {}; waiting for it", name);
          waiting = true;
        }
        current = null;
        sleep(waitInterval);
      } catch (MigrationException e) {
        log.error("Godwit could not run {}: {}", name, e.getMessage());
        return false;
      }
    }
    return false;
  }

  private void sleep(Duration duration) {
    try {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  /** Marks the runner started; runs begin only on {@link ApplicationReadyEvent} or a resume. */
  @Override
  public void start() {
    running = true;
  }

  /** Pauses the running migration at a batch boundary and waits for it, up to the timeout. */
  @Override
  public void stop() {
    stopping = true;
    Thread thread;
    synchronized (lock) {
      thread = worker;
    }
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    while (thread != null && thread.isAlive() && System.nanoTime() < deadline) {
      String name = current;
      if (name != null) {
        try {
          migrator.pause(name);
        } catch (MigrationException e) {
          log.warn("Godwit could not pause {} at shutdown: {}", name, e.getMessage());
          break;
        }
      }
      try {
        thread.join(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (thread != null && thread.isAlive()) {
      log.warn("Godwit's run did not pause within {}; its lease lets another instance take it"
          + " over", shutdownTimeout);
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
