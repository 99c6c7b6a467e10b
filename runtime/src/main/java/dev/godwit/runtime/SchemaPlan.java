package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The schema changes that bring a database's catalog to what the code expects, ordered by phase
 * (expand, narrow, contract) and, within a phase, in the order they must run. Made by
 * {@link Migrator}'s {@code plan} from the generated {@link TableSchema}s and the live catalog; an empty
 * plan means the catalog already matches the code.
 *
 * @param database the name of the database the plan was made on ({@code H2}, {@code PostgreSQL}):
 *     its statements are in that database's SQL
 * @param steps every step, expand steps first, then narrow, then contract
 */
public record SchemaPlan(String database, List<SchemaStep> steps) {

  /** Copies the steps. */
  public SchemaPlan {
    Objects.requireNonNull(database, "database");
    steps = List.copyOf(steps);
  }

  /**
   * The steps of one phase, in order.
   *
   * @param phase the phase
   * @return its steps, possibly none
   */
  public List<SchemaStep> steps(Phase phase) {
    return steps.stream().filter(step -> step.phase() == phase).toList();
  }

  /**
   * Whether nothing is left to change.
   *
   * @return {@code true} if the catalog matches the code
   */
  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
