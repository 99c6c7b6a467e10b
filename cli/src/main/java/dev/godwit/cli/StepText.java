package dev.godwit.cli;

import dev.godwit.runtime.SchemaStep;
import java.io.PrintStream;

/** Schema steps as {@code schema plan} and {@code schema apply} print them: SQL, with comments. */
final class StepText {

  private StepText() {}

  /** A step as SQL: its description and guards as comments, then its statements. */
  static void print(PrintStream out, SchemaStep step) {
    out.println("-- " + oneLine(step.description()));
    for (SchemaStep.Guard guard : step.guards()) {
      out.println("--   guard: " + withoutPeriod(guard.description()) + " (if not: "
          + withoutPeriod(guard.fix()) + ")");
      out.println("--     " + oneLine(guard.violationsSql()) + "  -- must return 0");
    }
    for (String statement : step.statements()) {
      out.println(statement.endsWith(";") ? statement : statement + ";");
    }
  }

  /** {@code 1 step}, {@code 2 steps}. */
  static String steps(int count) {
    return count + (count == 1 ? " step" : " steps");
  }

  private static String withoutPeriod(String text) {
    String line = oneLine(text);
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
