package dev.godwit.cli.testing;

import dev.godwit.cli.Godwit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in this JVM, capturing what it prints. */
public final class Cli {

  /**
   * What one command did.
   *
   * @param exitCode its exit code
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Cli() {}

  /** Runs a command as if its output were piped to a file. */
  public static Result run(String... args) {
    return run(Map.of(), false, args);
  }

  /** Runs a command with the given environment, on a terminal or not. */
  public static Result run(Map<String, String> environment, boolean interactive, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int exitCode = new Godwit(outStream, errStream, environment, interactive).execute(args);
      return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
