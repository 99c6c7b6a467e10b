package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema change of a {@link SchemaPlan}: what it does to which table and column, in which phase,
 * the SQL that does it on the planned database, and the guards that must hold when it is applied.
 *
 * <p>Each statement runs in a transaction of its own, under a short lock timeout, and is retried
 * while another transaction holds the lock it needs, so that no statement queues the table's other
 * writers behind it for longer than that timeout. No statement rewrites the table under an
 * exclusive lock.
 *
 * @param phase {@link Phase#EXPAND}, {@link Phase#NARROW} or {@link Phase#CONTRACT}
 * @param table the table's qualified name ({@link Table#qualifiedName()})
 * @param column the column changed, or empty for a step on the whole table
 * @param kind what the step does
 * @param description one sentence saying what the step does and why, naming table and column
 * @param statements the SQL, in order, for the database the plan was made on
 * @param guards what must hold when the step is applied; none for an expand step
 */
public record SchemaStep(
    Phase phase,
    String table,
    Optional<String> column,
    Kind kind,
    String description,
    List<String> statements,
    List<Guard> guards) {

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException for a step of the migrate phase, which holds no schema change,
   *     or a step without statements
   */
  public SchemaStep {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    statements = List.copyOf(statements);
    guards = List.copyOf(guards);
    if (phase == Phase.MIGRATE) {
      throw new IllegalArgumentException("the migrate phase holds no schema step");
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("a schema step needs at least one statement");
    }
  }

  /** What a step does. */
  public enum Kind {
    /** {@code CREATE TABLE} of a table the code maps and the database lacks (expand). */
    CREATE_TABLE,
    /** {@code ADD COLUMN} of a nullable column the code maps and the table lacks (expand). */
    ADD_COLUMN,
    /** {@code DROP NOT NULL} on a column the new code may leave NULL (expand). */
    DROP_NOT_NULL,
    /** {@code SET NOT NULL} on a column the code requires, once its data is there (narrow). */
    SET_NOT_NULL,
    /** {@code DROP COLUMN} of a column the code declared removed (contract). */
    DROP_COLUMN
  }

  /**
   * A precondition of a step, checked when it is applied and carried by the exported SQL files.
   *
   * @param description what must hold, as one sentence naming the migration or column, such as
   *     "teams.backfillPlan is SUCCEEDED and its verification finds no row left"
   * @param violationsSql a query returning one row with one integer column: how many rows (or
   *     things) violate the precondition; zero when it holds. Literal SQL, without parameters
   * @param fix one sentence saying what to do when it does not hold
   */
  public record Guard(String description, String violationsSql, String fix) {

    /** Checks that nothing is null. */
    public Guard {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(violationsSql, "violationsSql");
      Objects.requireNonNull(fix, "fix");
    }
  }
}
