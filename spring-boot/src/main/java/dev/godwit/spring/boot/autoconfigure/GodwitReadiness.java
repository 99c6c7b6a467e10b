package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.SchemaMismatchException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * What Godwit's readiness health reports, whatever Spring Boot's health API: DOWN when the startup
 * check found the code and the database in disagreement (possible only with {@code
 * godwit.check=warn}), since serving then may read or write wrong values; UP otherwise, also while
 * backfills run or after one failed, because the generated dual reads give every row's right value
 * whether or not it is migrated. Its details count the published migrations by state and name
 * those running, failed and canceled.
 *
 * <p>Meant for the readiness group only, never liveness: a migration is no reason to restart an
 * instance, and a liveness probe that fails while a backfill runs gets pods killed in a loop.
 */
public class GodwitReadiness {

  private final Migrator migrator;
  private final MigrationRegistry registry;
  private final GodwitSchemaCheck check;

  /**
   * The readiness of an application's Godwit.
   *
   * @param migrator reads the migrations' state
   * @param registry the published migrations
   * @param check the startup check, or {@code null} when it is off
   */
  public GodwitReadiness(Migrator migrator, MigrationRegistry registry,
      @Nullable GodwitSchemaCheck check) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.check = check;
  }

  /**
   * Whether the application may serve.
   *
   * @return {@code false} only when the startup check found problems
   */
  public boolean isUp() {
    return check == null || check.problems().isEmpty();
  }

  /**
   * The details to report.
   *
   * @return {@code migrations}: counts by state; {@code running}, {@code failed}, {@code canceled}:
   *     names, when any; {@code checkProblems}: the check's problems, when any
   * @throws dev.godwit.runtime.MigrationException if the database cannot be reached
   */
  public Map<String, Object> details() {
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
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("migrations", counts);
    for (MigrationState state : List.of(
        MigrationState.RUNNING, MigrationState.FAILED, MigrationState.CANCELED)) {
      List<String> names = states.entrySet().stream().filter(entry -> entry.getValue() == state)
          .map(Map.Entry::getKey).toList();
      if (!names.isEmpty()) {
        details.put(state.name().toLowerCase(Locale.ROOT), names);
      }
    }
    if (!isUp()) {
      details.put("checkProblems",
          check.problems().stream().map(SchemaMismatchException.Problem::message).toList());
    }
    return details;
  }
}
