package dev.godwit.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The code and the database disagree: thrown by {@link Migrator#check} listing every problem of
 * every table checked, one sentence each with its fix, each with a stable {@link
 * SchemaMismatchException.Code}. A deploy pipeline or an application's startup runs the check before
 * serving the code, and refuses to when it throws this.
 *
 * <p>The codes a check reports beyond the mapping's ({@link Code#TABLE_MISSING}, {@link
 * Code#COLUMN_MISSING}, {@link Code#COLUMN_TYPE}, {@link Code#KEY_NOT_UNIQUE}, {@link
 * Code#KEY_NULLABLE}) are {@link Code#REQUIRED_HOLDS_NULL}, {@link Code#EXPAND_PENDING} and {@link
 * Code#NARROW_PENDING}.
 */
public class SchemaCheckException extends SchemaMismatchException {

  private static final long serialVersionUID = 1L;

  private final List<String> tables;

  /**
   * An exception for the problems found in the tables checked.
   *
   * @param tables the qualified names, as declared, of the tables with problems, in the order
   *     checked
   * @param problems at least one problem, in the order the tables were checked
   * @throws IllegalArgumentException if there is no problem
   */
  public SchemaCheckException(List<String> tables, List<Problem> problems) {
    super(ErrorCode.SCHEMA_CHECK_FAILED, String.join(", ", tables), problems,
        message(problems));
    this.tables = List.copyOf(tables);
  }

  /**
   * The tables with problems.
   *
   * @return their qualified names, as declared, in the order checked
   */
  public List<String> tables() {
    return tables;
  }

  private static String message(List<Problem> problems) {
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    return ErrorCode.SCHEMA_CHECK_FAILED.message(problems.size(), problems.stream()
        .map(problem -> "\n  " + problem.message()).collect(Collectors.joining()));
  }
}
