package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * The {@code godwit} actuator endpoint ({@code /actuator/godwit} over HTTP): reads every migration's
 * state, progress, ETA and last error, and the startup check's problems; its write operation
 * ({@code POST /actuator/godwit/{name}} with {@code {"action": "pause" | "resume" | "cancel"}})
 * pauses, resumes or cancels one migration by name. Write operations are exposed and secured like
 * every actuator write operation: only when {@code management.endpoints.web.exposure.include}
 * names {@code godwit}, behind whatever security the application puts on the actuator.
 */
@Endpoint(id = "godwit")
public class GodwitEndpoint {

  private final Migrator migrator;
  private final MigrationRegistry registry;
  private final GodwitMigrationRunner runner;
  private final GodwitSchemaCheck check;

  /**
   * The endpoint.
   *
   * @param migrator reads and controls the migrations' state
   * @param registry the published migrations
   * @param runner resumes migrations in the background
   * @param check the startup check, or {@code null} when it is off
   */
  public GodwitEndpoint(Migrator migrator, MigrationRegistry registry,
      GodwitMigrationRunner runner, @Nullable GodwitSchemaCheck check) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.check = check;
  }

  /**
   * Every published migration, and every other one recorded in the database, with its state.
   *
   * @return the report
   */
  @ReadOperation
  public GodwitReport migrations() {
    Map<String, MigrationReport> byName = new LinkedHashMap<>();
    Map<String, MigrationStatus> recorded = new LinkedHashMap<>();
    for (MigrationStatus status : migrator.status()) {
      recorded.put(status.name(), status);
    }
    for (Migration<?> migration : registry.all()) {
      byName.put(migration.name(), MigrationReport.of(migration, recorded.remove(migration.name()),
          runner.current().filter(migration.name()::equals).isPresent()));
    }
    for (MigrationStatus status : recorded.values()) {
      byName.put(status.name(), MigrationReport.of(null, status, false));
    }
    List<String> problems = new ArrayList<>();
    if (check != null) {
      check.problems().forEach(problem -> problems.add(problem.message()));
    }
    return new GodwitReport(List.copyOf(byName.values()), problems);
  }

  /**
   * One migration.
   *
   * @param name its name
   * @return its report, or {@code null} (HTTP 404) if it is neither published nor recorded
   */
  @ReadOperation
  @Nullable
  public MigrationReport migration(@Selector String name) {
    Optional<Migration<?>> migration = registry.find(name);
    Optional<MigrationStatus> status = migrator.status(name);
    if (migration.isEmpty() && status.isEmpty()) {
      return null;
    }
    return MigrationReport.of(migration.orElse(null), status.orElse(null),
        runner.current().filter(name::equals).isPresent());
  }

  /**
   * Pauses, resumes or cancels a migration. Pause and cancel stop it after its current batch,
   * wherever it runs (they go through the state table); resume runs it again in this application,
   * at its cursor.
   *
   * @param name the migration's name
   * @param action {@code pause}, {@code resume} or {@code cancel}
   * @return the migration's report after the request, and whether the request took effect
   * @throws InvalidEndpointRequestException (HTTP 400) for another action, a migration not
   *     published (resume), or one that destroys data (resume)
   */
  @WriteOperation
  public ControlResult control(@Selector String name, String action) {
    boolean accepted = switch (action == null ? "" : action) {
      case "pause" -> migrator.pause(name);
      case "cancel" -> migrator.cancel(name);
      case "resume" -> {
        try {
          yield runner.resume(name);
        } catch (IllegalArgumentException e) {
          throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
      }
      default -> throw new InvalidEndpointRequestException("unknown action '" + action
          + "'; use pause, resume or cancel", "unknown action '" + action + "'");
    };
    return new ControlResult(name, action, accepted, migration(name));
  }

  /**
   * What the endpoint reads.
   *
   * @param migrations every migration, published ones first in the registry's order
   * @param checkProblems the startup check's problems, kept when {@code godwit.check=warn}
   */
  public record GodwitReport(List<MigrationReport> migrations, List<String> checkProblems) {}

  /**
   * The answer to a write operation.
   *
   * @param name the migration
   * @param action what was asked
   * @param accepted whether it took effect: the migration was running (pause), running or pending
   *     (cancel), or a run started (resume; {@code false} if this application already runs one)
   * @param migration the migration's report after the request
   */
  public record ControlResult(String name, String action, boolean accepted,
      MigrationReport migration) {}

  /**
   * One migration's state.
   *
   * @param name its name
   * @param table its table
   * @param phase its lifecycle phase, or {@code null} if not published by this application
   * @param destroysData whether it destroys data (never run from the application)
   * @param state its recorded state; {@code PENDING} if never run
   * @param runningHere whether this application is running it now
   * @param cursor the key of the last row of the last committed batch, as text, or {@code null}
   * @param rowsVisited rows visited
   * @param rowsChanged rows changed
   * @param estimatedTotal rows to visit in all, or -1 if unknown
   * @param percent 0 to 100, or {@code null} if unknown
   * @param eta the time left at the current rate as an ISO-8601 duration, or {@code null}
   * @param startedAt when the first run started, ISO-8601, or {@code null}
   * @param heartbeatAt when its runner last proved it was alive, or {@code null}
   * @param finishedAt when it ended, or {@code null}
   * @param error its last error, or {@code null}
   * @param errorRowId the key of the row that failed, or {@code null}
   * @param waiting why its run waits on the database's health before its next batch, or {@code
   *     null} when it does not
   */
  public record MigrationReport(String name, String table, String phase, Boolean destroysData,
      MigrationState state, boolean runningHere, String cursor, long rowsVisited, long rowsChanged,
      long estimatedTotal, Double percent, String eta, String startedAt, String heartbeatAt,
      String finishedAt, String error, String errorRowId, String waiting) {

    static MigrationReport of(@Nullable Migration<?> migration, @Nullable MigrationStatus status,
        boolean runningHere) {
      String name = migration != null ? migration.name() : status.name();
      String table = migration != null ? migration.table().qualifiedName() : status.table();
      String phase = migration != null ? migration.phase().name() : null;
      Boolean destroys = migration != null ? migration.destroysData() : null;
      if (status == null) {
        return new MigrationReport(name, table, phase, destroys, MigrationState.PENDING,
            runningHere, null, 0, 0, -1, null, null, null, null, null, null, null, null);
      }
      return new MigrationReport(name, table, phase, destroys, status.state(), runningHere,
          status.cursor(), status.rowsVisited(), status.rowsChanged(), status.estimatedTotal(),
          status.percent().orElse(null), status.eta().map(Duration::toString).orElse(null),
          text(status.startedAt()), text(status.heartbeatAt()), text(status.finishedAt()),
          status.error(), status.errorRowId(), status.waiting());
    }

    private static String text(Instant instant) {
      return instant == null ? null : instant.toString();
    }
  }
}
