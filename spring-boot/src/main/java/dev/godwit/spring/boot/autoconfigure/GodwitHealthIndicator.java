package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.SchemaMismatchException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.lang.Nullable;

/**
 * Godwit's health, meant for the readiness group only
 * ({@code management.endpoint.health.group.readiness.include=readinessState,godwit}) and never for
 * liveness: a migration is no reason to restart an instance, and a liveness probe that fails while a
 * backfill runs gets pods killed in a loop.
 *
 * <p>DOWN when the startup check found the code and the database in disagreement (possible only
 * with {@code godwit.check=warn}), since serving then may read or write wrong values; UP otherwise,
 * also while backfills run or after one failed: the generated dual reads give every row's right
 * value whether or not it is migrated. The details count the published migrations by state and
 * name those running, failed and canceled.
 */
public class GodwitHealthIndicator extends AbstractHealthIndicator {

  private final Migrator migrator;
  private final MigrationRegistry registry;
  private final GodwitSchemaCheck check;

  /**
   * The indicator.
   *
   * @param migrator reads the migrations' state
   * @param registry the published migrations
   * @param check the startup check, or {@code null} when it is off
   */
  public GodwitHealthIndicator(Migrator migrator, MigrationRegistry registry,
      @Nullable GodwitSchemaCheck check) {
    super("Godwit health check failed");
    this.migrator = migrator;
    this.registry = registry;
    this.check = check;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Set<String> published = registry.all().stream().map(Migration::name)
        .collect(Collectors.toSet());
    Map<String, MigrationState> states = new TreeMap<>();
    published.forEach(name -> states.put(name, MigrationState.PENDING));
    for (MigrationStatus status : migrator.status()) {
      if (published.contains(status.name())) {
        states.put(status.name(), status.state());
      }
    }
    Map<MigrationState, Long> counts = new EnumMap<>(MigrationState.class);
    states.values().forEach(state -> counts.merge(state, 1L, Long::sum));
    builder.withDetail("migrations", counts);
    for (MigrationState state : List.of(
        MigrationState.RUNNING, MigrationState.FAILED, MigrationState.CANCELED)) {
      List<String> names = states.entrySet().stream().filter(entry -> entry.getValue() == state)
          .map(Map.Entry::getKey).toList();
      if (!names.isEmpty()) {
        builder.withDetail(state.name().toLowerCase(Locale.ROOT), names);
      }
    }
    List<String> problems = check == null ? List.of()
        : check.problems().stream().map(SchemaMismatchException.Problem::message).toList();
    if (problems.isEmpty()) {
      builder.up();
    } else {
      builder.down().withDetail("checkProblems", problems);
    }
  }
}
