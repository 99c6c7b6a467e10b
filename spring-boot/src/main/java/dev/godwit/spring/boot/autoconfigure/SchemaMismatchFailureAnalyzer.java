package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.SchemaMismatchException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a startup refused by Godwit's check into Spring Boot's "APPLICATION FAILED TO START" report:
 * the description lists every problem (each sentence names the table or column, the cause and its
 * fix), the action says how to proceed. Registered in {@code META-INF/spring.factories}.
 */
public class SchemaMismatchFailureAnalyzer extends AbstractFailureAnalyzer<SchemaMismatchException> {

  /** The analyzer Spring Boot instantiates from {@code spring.factories}. */
  public SchemaMismatchFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SchemaMismatchException cause) {
    String description = "Godwit's startup check found " + cause.problems().size()
        + " problem(s) between the code's entities and the database (" + cause.table() + "):"
        + list(cause.problems());
    String action = "Fix each problem as it says (a schema change belongs in a Flyway or Liquibase"
        + " migration that runs before the check, or in 'godwit schema apply'), then start again;"
        + " set godwit.check=warn to start while they remain.";
    return new FailureAnalysis(description, action, cause);
  }

  /** The problems, one per line, each indented under the sentence that introduces them. */
  static String list(List<SchemaMismatchException.Problem> problems) {
    return problems.stream().map(problem -> "\n  - " + problem.message())
        .collect(Collectors.joining());
  }
}
