package dev.godwit.runtime;

import dev.godwit.runtime.spi.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link SchemaPlan} written as the migration files of a tool that applies a team's DDL, for
 * teams whose schema changes go through Flyway or Liquibase rather than {@link Migrator#apply}: one
 * file per phase that has steps, in the SQL of the database the plan was made on, each step preceded
 * by its guards, so that the tool's migration fails, naming the guard and its fix, while the data is
 * not ready (a narrow step while a backfill has rows left, a contract step while narrow is pending).
 *
 * <ul>
 *   <li>{@link Format#FLYWAY}: versioned SQL migrations, {@code V<version>.1__godwit_expand.sql},
 *       {@code V<version>.2__godwit_narrow.sql}, {@code V<version>.3__godwit_contract.sql} (Flyway
 *       versions must be unique, so each phase takes a sub-version). Each guard is a statement that
 *       fails when the guard does not hold ({@link Dialect#failUnlessZero}): on PostgreSQL a {@code
 *       DO} block raising an exception with the guard's message; on H2 a query that casts the
 *       message to a number, so that H2's "Data conversion error converting" carries it. Flyway
 *       runs a file in one transaction where the database allows it (PostgreSQL: DDL included), so
 *       a failed guard leaves the phase unapplied. The price, on PostgreSQL: the lock that {@code
 *       ADD CONSTRAINT ... NOT VALID} takes is then held until the file commits, so writers of the
 *       table wait for the {@code VALIDATE CONSTRAINT} scan too, which {@link Migrator#apply}
 *       avoids by committing each statement on its own; narrow a large table with {@code apply}.
 *   <li>{@link Format#LIQUIBASE}: formatted SQL changelogs ({@code --liquibase formatted sql}),
 *       {@code godwit_<version>_expand.sql} and so on, one changeset per step, each guard a
 *       {@code --precondition-sql-check expectedResult:0} under {@code --preconditions onFail:HALT
 *       onError:HALT} (Liquibase documentation, "Preconditions" in formatted SQL changelogs).
 * </ul>
 *
 * <p>Every file first bounds how long a statement waits for a lock ({@link #lockTimeout()}, {@link
 * ApplyOptions#DEFAULT_LOCK_TIMEOUT} by default), as {@link Migrator#apply} does, so a DDL statement
 * never queues the table's writers behind it for longer; unlike {@code apply}, the tools do not retry
 * a statement that timed out: the migration fails and is run again. Include each phase's file in the
 * deploy it belongs to: expand before the widened code, narrow once its backfills are verified,
 * contract once no code maps the removed columns.
 *
 * <pre>{@code
 * SchemaPlan plan = migrator.plan(List.of(TeamTable.SCHEMA));
 * List<SchemaExport.ExportedFile> files = SchemaExport.of(migrator).files(plan, SchemaExport.Format.FLYWAY, "7");
 * SchemaExport.write(files, Path.of("src/main/resources/db/migration"));
 * }</pre>
 */
public final class SchemaExport {

  /** A version: numbers separated by dots, as Flyway orders them. */
  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  /** The tool the files are written for. */
  public enum Format {
    /** Flyway's versioned SQL migrations. */
    FLYWAY,
    /** Liquibase's formatted SQL changelogs. */
    LIQUIBASE;

    /**
     * The format's name as the command line writes it.
     *
     * @return {@code flyway} or {@code liquibase}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One file of an export.
   *
   * @param name the file's name, without a folder
   * @param phase the phase whose steps it holds
   * @param steps how many steps it holds
   * @param content its text, lines ending with {@code \n}
   */
  public record ExportedFile(String name, Phase phase, int steps, String content) {

    /** Checks that nothing is null. */
    public ExportedFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(content, "content");
    }
  }

  private final Dialect dialect;
  private final Duration lockTimeout;

  private SchemaExport(Dialect dialect, Duration lockTimeout) {
    this.dialect = dialect;
    this.lockTimeout = lockTimeout;
  }

  /**
   * An export in the SQL of a migrator's database.
   *
   * @param migrator the migrator whose {@link Migrator#plan} made, or will make, the plan
   * @return the export, with the default lock timeout
   * @throws MigrationException if the database cannot be reached to detect its dialect
   */
  public static SchemaExport of(Migrator migrator) {
    Objects.requireNonNull(migrator, "migrator");
    return new SchemaExport(migrator.dialect(), ApplyOptions.DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * A copy with another lock timeout.
   *
   * @param timeout how long each statement of the files waits for a lock: at least one millisecond
   * @return the copy
   * @throws IllegalArgumentException if it is shorter
   */
  public SchemaExport withLockTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException("the lock timeout must be at least 1 millisecond, not "
          + timeout);
    }
    return new SchemaExport(dialect, Duration.ofMillis(timeout.toMillis()));
  }

  /**
   * How long each statement of the files waits for a lock.
   *
   * @return a positive duration
   */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /**
   * The files of a plan, one per phase that has steps, in phase order.
   *
   * @param plan a plan made on this export's database
   * @param format the tool
   * @param version numbers separated by dots ({@code 7}, {@code 2.1}); each phase's Flyway file
   *     takes a sub-version of it, and Liquibase's changeset ids start with it
   * @return the files; none for an empty plan
   * @throws IllegalArgumentException if the version is not numbers separated by dots, or the plan
   *     was made on another database
   * @throws MigrationException if the database's dialect cannot write a guard
   */
  public List<ExportedFile> files(SchemaPlan plan, Format format, String version) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(version, "version");
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("an export's version is numbers separated by dots, such "
          + "as 7 or 2.1, not '" + version + "'");
    }
    if (!plan.database().equals(dialect.name())) {
      throw new IllegalArgumentException("the plan was made on " + plan.database() + ", not on "
          + dialect.name() + "; export it with a migrator on the database it was made on");
    }
    List<ExportedFile> files = new ArrayList<>();
    int number = 0;
    for (Phase phase : List.of(Phase.EXPAND, Phase.NARROW, Phase.CONTRACT)) {
      number++;
      List<SchemaStep> steps = plan.steps(phase);
      if (steps.isEmpty()) {
        continue;
      }
      files.add(format == Format.FLYWAY
          ? flyway(phase, steps, "V" + version + "." + number + "__godwit_" + phase.label() + ".sql")
          : liquibase(phase, steps, version));
    }
    return files;
  }

  /**
   * Writes files into a folder, creating it if needed. A file that exists already is never
   * overwritten: a tool that applied it keeps its checksum, and changing it would fail its next
   * validation or be silently skipped.
   *
   * @param files what {@link #files} made
   * @param folder where to write them
   * @return the paths written, in order
   * @throws IOException if a file exists already ({@link FileAlreadyExistsException}) or cannot be
   *     written; the files before it stay written
   */
  public static List<Path> write(List<ExportedFile> files, Path folder) throws IOException {
    Objects.requireNonNull(folder, "folder");
    for (ExportedFile file : files) {
      if (Files.exists(folder.resolve(file.name()))) {
        throw new FileAlreadyExistsException(folder.resolve(file.name()).toString(), null,
            "an exported file is never overwritten; export with another version");
      }
    }
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    for (ExportedFile file : files) {
      Path path = folder.resolve(file.name());
      Files.writeString(path, file.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      written.add(path);
    }
    return written;
  }

  private ExportedFile flyway(Phase phase, List<SchemaStep> steps, String name) {
    StringBuilder text = new StringBuilder();
    header(text, phase, steps.size(), "Flyway");
    for (String statement : dialect.lockTimeout(lockTimeout)) {
      text.append(statement).append(";\n");
    }
    for (SchemaStep step : steps) {
      text.append('\n');
      comment(text, step.description());
      for (SchemaStep.Guard guard : step.guards()) {
        comment(text, "guard: " + guard.description());
        text.append(dialect.failUnlessZero(guard.violationsSql(), guardMessage(step, guard)))
            .append(";\n");
      }
      for (String statement : step.statements()) {
        text.append(statement).append(";\n");
      }
    }
    return new ExportedFile(name, phase, steps.size(), text.toString());
  }

  private ExportedFile liquibase(Phase phase, List<SchemaStep> steps, String version) {
    StringBuilder text = new StringBuilder("--liquibase formatted sql\n");
    header(text, phase, steps.size(), "Liquibase");
    int number = 0;
    for (SchemaStep step : steps) {
      number++;
      text.append("\n--changeset godwit:").append(version).append('-').append(phase.label())
          .append('-').append(number).append('\n');
      if (!step.guards().isEmpty()) {
        text.append("--preconditions onFail:HALT onError:HALT\n");
        for (SchemaStep.Guard guard : step.guards()) {
          text.append("--precondition-sql-check expectedResult:0 ")
              .append(oneLine(guard.violationsSql())).append('\n');
        }
      }
      text.append("--comment: ").append(oneLine(step.description())).append('\n');
      for (SchemaStep.Guard guard : step.guards()) {
        comment(text, "guard: " + guard.description() + "; " + guard.fix());
      }
      // each changeset is a transaction of its own, and PostgreSQL's timeout lasts one transaction
      for (String statement : dialect.lockTimeout(lockTimeout)) {
        text.append(statement).append(";\n");
      }
      for (String statement : step.statements()) {
        text.append(statement).append(";\n");
      }
    }
    return new ExportedFile("godwit_" + version + "_" + phase.label() + ".sql", phase,
        steps.size(), text.toString());
  }

  private void header(StringBuilder text, Phase phase, int steps, String tool) {
    comment(text, "Godwit schema plan, " + phase.label() + " phase, " + steps
        + (steps == 1 ? " step" : " steps") + ", in " + dialect.name() + "'s SQL, for " + tool + ".");
    comment(text, "Each statement waits at most " + lockTimeout.toMillis() + " ms for a lock; a"
        + " guard that does not hold fails the migration with its reason and fix.");
  }

  /** What a failed guard says: which guard, before which step, and the fix. */
  private static String guardMessage(SchemaStep step, SchemaStep.Guard guard) {
    return "Godwit refused the step '" + sentence(step.description()) + "': its guard '"
        + sentence(guard.description()) + "' does not hold; " + uncapitalized(oneLine(guard.fix()));
  }

  private static void comment(StringBuilder text, String line) {
    text.append("-- ").append(oneLine(line)).append('\n');
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String sentence(String text) {
    String line = oneLine(text);
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  private static String uncapitalized(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
