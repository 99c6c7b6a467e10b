package dev.godwit.cli;

import dev.godwit.runtime.SchemaExport;
import dev.godwit.runtime.SchemaPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code godwit schema export}: the pending schema steps written as Flyway versioned migrations or
 * Liquibase formatted SQL, one file per phase, each guard carried as SQL that fails the tool's
 * migration while the data is not ready (see {@link SchemaExport}).
 */
@Command(
    name = "export",
    description = {
        "Write the pending schema steps as migration files for Flyway (V<version>.1__godwit_expand"
            + ".sql, .2__godwit_narrow, .3__godwit_contract) or Liquibase (formatted SQL, one "
            + "changeset per step), one file per phase, in this database's SQL.",
        "Each narrow and contract step is preceded by its guards, written so that the tool's "
            + "migration fails with the guard's reason and fix while the data is not ready. "
            + "Existing files are never overwritten."})
final class SchemaExportCommand extends DatabaseCommand {

  /** The default version: the time of the export, to the second, as Flyway projects often name them. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  /**
   * The help option, declared here rather than mixed in: picocli's standard options include
   * {@code --version}, which this command's own {@code --version} (the files' version) displaces,
   * and with it {@code --help}.
   */
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      required = true,
      description = "flyway or liquibase.")
  private String format;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      required = true,
      description = "The folder to write the files in; created if needed.")
  private Path dir;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "Numbers separated by dots (7, 2.1); default: the time now, yyyyMMddHHmmss in "
          + "UTC.")
  private String version;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long each statement of the files waits for a lock (500ms, 2s, ...); "
          + "default 2s.")
  private Duration lockTimeout;

  SchemaExportCommand(Context context) {
    super(context);
  }

  @Override
  int run(Migrations migrations) {
    SchemaExport.Format chosen = format();
    String exported = version != null ? version
        : TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
    if (!exported.matches("[0-9]+(\\.[0-9]+)*")) {
      throw CommandException.usage("--version must be numbers separated by dots, such as 7 or 2.1, "
          + "not '" + exported + "'");
    }
    if (lockTimeout != null && lockTimeout.toMillis() < 1) {
      throw CommandException.usage("--lock-timeout must be at least 1ms, such as 500ms or 2s");
    }
    var schemas = migrations.schemas();
    try (Database database = connect()) {
      SchemaPlan plan = database.migrator().plan(schemas);
      SchemaExport export = SchemaExport.of(database.migrator());
      if (lockTimeout != null) {
        export = export.withLockTimeout(lockTimeout);
      }
      List<SchemaExport.ExportedFile> files = export.files(plan, chosen, exported);
      PrintStream out = context.out();
      if (files.isEmpty()) {
        out.println("the database matches the code: no schema step is pending, no file written");
        return Godwit.EXIT_DONE;
      }
      try {
        SchemaExport.write(files, dir);
      } catch (FileAlreadyExistsException e) {
        throw CommandException.usage(e.getFile() + " exists already, and an exported file is never "
            + "overwritten; give another --version");
      } catch (IOException e) {
        throw CommandException.failure("could not write into " + dir + " (" + e.getMessage()
            + "); check that the folder is writable", e);
      }
      for (SchemaExport.ExportedFile file : files) {
        out.println("wrote " + dir.resolve(file.name()) + ": " + file.phase().label() + ", "
            + StepText.steps(file.steps()));
      }
      out.flush();
      return Godwit.EXIT_DONE;
    }
  }

  private SchemaExport.Format format() {
    for (SchemaExport.Format each : SchemaExport.Format.values()) {
      if (each.label().equalsIgnoreCase(format.strip())) {
        return each;
      }
    }
    throw CommandException.usage("--format must be flyway or liquibase, not '" + format + "'");
  }
}
