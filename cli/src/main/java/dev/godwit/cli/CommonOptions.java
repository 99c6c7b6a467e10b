package dev.godwit.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes: where to find the application's migrations, and how much to say. */
final class CommonOptions {

  @Option(
      names = "--class-path",
      paramLabel = "PATH",
      description = "Jars or class folders holding the application's migrations, separated by '"
          + "${sys:path.separator}'; repeatable.")
  private List<String> classPath = new ArrayList<>();

  @Option(names = "--verbose", description = "On an error, print its stack trace too.")
  private boolean verbose;

  boolean verbose() {
    return verbose;
  }

  /** Every entry of {@code --class-path}, checked to exist. */
  List<Path> classPath() {
    List<Path> entries = new ArrayList<>();
    for (String option : classPath) {
      for (String entry : option.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
          throw CommandException.usage("--class-path entry '" + entry + "' does not exist; "
              + "give the path of the application's jar or classes folder");
        }
        entries.add(path);
      }
    }
    return entries;
  }
}
