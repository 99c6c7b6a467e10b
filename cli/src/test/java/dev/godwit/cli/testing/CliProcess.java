package dev.godwit.cli.testing;

import dev.godwit.cli.Godwit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in a new JVM, as a deploy job would, with this JVM's class path. */
public final class CliProcess {

  private static final long TIMEOUT_SECONDS = 120;

  private CliProcess() {}

  /** Runs a command to its end and returns what it did. */
  public static Cli.Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Godwit.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    // read both streams fully before waiting: a full pipe would block the process
    var err = process.getErrorStream();
    byte[][] errBytes = new byte[1][];
    Thread errReader = new Thread(() -> {
      try {
        errBytes[0] = err.readAllBytes();
      } catch (IOException e) {
        errBytes[0] = ("could not read standard error: " + e).getBytes(StandardCharsets.UTF_8);
      }
    });
    errReader.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    errReader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("godwit " + String.join(" ", args) + " did not end");
    }
    return new Cli.Result(process.exitValue(), out, new String(errBytes[0], StandardCharsets.UTF_8));
  }
}
