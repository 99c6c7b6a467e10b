package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table's mapping does not match the database's catalog, so migrating or verifying it could write
 * or report wrong data: the table or a column is missing, a column's declared type cannot hold its
 * Java type faithfully, or the key is not unique and NOT NULL. Thrown before the first batch, before
 * anything is written (not even the migration's state row), by {@link Migrator#run}, {@link
 * Migrator#runAll}, {@link Migrator#verify} and {@link Migrator#checkMapping}.
 *
 * <p>The message lists every problem found, one sentence each, naming the table or column, its type
 * as the database reports it, the cause and the fix; {@link #problems()} gives them one by one, each
 * with a stable {@link Code} to switch on.
 */
public class SchemaMismatchException extends MigrationException {

  private static final long serialVersionUID = 1L;

  /** What kind of mismatch a problem is: stable across releases, unlike the text. */
  public enum Code {
    /** The table does not exist (in its schema, when it names one). */
    TABLE_MISSING,
    /** A mapped column does not exist in the table. */
    COLUMN_MISSING,
    /** A column's declared type cannot hold its Java type faithfully. */
    COLUMN_TYPE,
    /** The key columns are neither the primary key nor covered by a unique index. */
    KEY_NOT_UNIQUE,
    /** A key column is nullable. */
    KEY_NULLABLE,
    /**
     * A column the code requires (required or narrowed) holds NULL in some rows: found by {@link
     * Migrator#check}.
     */
    REQUIRED_HOLDS_NULL,
    /**
     * An expand step is not applied: a column the new code may leave NULL is still NOT NULL. Found
     * by {@link Migrator#check}; fixed by applying the expand phase.
     */
    EXPAND_PENDING,
    /**
     * A step of an earlier phase is not applied while the code already needs a later one: the code
     * declares removed columns while the table's narrow steps are pending. Found by {@link
     * Migrator#check}.
     */
    NARROW_PENDING
  }

  /**
   * One mismatch.
   *
   * @param code what kind of mismatch
   * @param message one sentence naming the table or column, the cause and the fix
   */
  public record Problem(Code code, String message) {
    /**
     * A problem.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public Problem {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  private final String table;
  private final List<Problem> problems;

  /**
   * An exception for the problems found in one table.
   *
   * @param table the table's qualified name, as declared
   * @param problems at least one problem
   * @throws IllegalArgumentException if there is no problem
   */
  public SchemaMismatchException(String table, List<Problem> problems) {
    this(ErrorCode.SCHEMA_MISMATCH, table, problems, message(table, problems));
  }

  /**
   * An exception for problems found in one or more tables, under another code and message.
   *
   * @param code the error's code
   * @param table the tables' qualified names, as declared, separated by commas
   * @param problems at least one problem
   * @param message the whole message, listing every problem
   * @throws IllegalArgumentException if there is no problem
   */
  protected SchemaMismatchException(ErrorCode code, String table, List<Problem> problems,
      String message) {
    super(code, message);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a schema mismatch needs at least one problem");
    }
    this.table = table;
    this.problems = List.copyOf(problems);
  }

  /**
   * The table whose mapping does not match.
   *
   * @return its qualified name, as declared ({@code schema.name} or {@code name})
   */
  public String table() {
    return table;
  }

  /**
   * Every problem found, in the order the table's columns are declared, the key's last.
   *
   * @return at least one problem
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String table, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a schema mismatch needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    return ErrorCode.SCHEMA_MISMATCH.message(problems.size(), table, problems.stream()
        .map(problem -> "\n  " + problem.message()).collect(Collectors.joining()));
  }
}
