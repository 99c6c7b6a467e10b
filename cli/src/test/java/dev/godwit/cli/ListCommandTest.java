package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

  @Test
  void listsEveryMigrationWithItsTablePhaseWhetherItDestroysDataAndItsVerification() {
    Cli.Result result = Cli.run("list");

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "MIGRATION           TABLE       PHASE     DESTROYS DATA  BATCH  VERIFIED BY  RUNS IN",
            "teams.backfillPlan  teams       migrate   no             1000   yes          java",
            "teams.clearIsPro    teams       contract  yes            1000   no           database",
            "slow.touch          slow_items  migrate   no             1      yes          java"),
        result.out().lines().toList());
    assertEquals("", result.err());
  }

  @Test
  void findingNoMigrationIsBadUsageAsForRunAllAndVerify() throws Exception {
    // A new JVM whose class path holds the command line but not the application (the test classes)
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));

    for (String[] args : List.of(new String[] {"list"}, new String[] {"run", "--all", "--url",
        "jdbc:h2:mem:none"}, new String[] {"verify", "--url", "jdbc:h2:mem:none"})) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classPath, Godwit.class.getName()));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));

      assertEquals(Godwit.EXIT_USAGE, process.exitValue(), args[0] + ": " + out + err);
      assertEquals("", out, args[0]);
      assertEquals("godwit " + args[0] + ": no migration was found; " + Migrations.CLASS_PATH_HINT
          + System.lineSeparator(), err, args[0]);
    }
  }

  @Test
  void classPathOptionAddsTheMigrationsOfAnotherJar(@TempDir Path folder) throws IOException {
    Path classes = compileExtraProvider(folder);

    Cli.Result without = Cli.run("list");
    Cli.Result with = Cli.run("list", "--class-path", classes.toString());

    assertFalse(without.out().contains("extra.touch"), without::toString);
    assertEquals(Godwit.EXIT_DONE, with.exitCode(), with::toString);
    assertTrue(with.out().contains(
        "extra.touch         slow_items  migrate   no             7      no           java"),
        with::toString);
  }

  @Test
  void classPathEntryThatDoesNotExistIsBadUsage(@TempDir Path folder) {
    Path missing = folder.resolve("app.jar");

    Cli.Result result = Cli.run("list", "--class-path", missing.toString());

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit list: --class-path entry '" + missing + "' does not exist; give the path of "
        + "the application's jar or classes folder\n", result.err());
  }

  @Test
  void codeThatPublishesTablesButNoMigrationHasNothingToListOrVerify(@TempDir Path folder)
      throws Exception {
    // the code of a deploy after contract: its table's schema is published, no migration is
    Path classes = Files.createDirectories(folder.resolve("classes"));
    Path source = Files.createDirectories(folder.resolve("src/after")).resolve("AfterContract.java");
    Files.writeString(source, """
        package after;

        import dev.godwit.runtime.Column;
        import dev.godwit.runtime.ColumnType;
        import dev.godwit.runtime.Migration;
        import dev.godwit.runtime.MigrationProvider;
        import dev.godwit.runtime.Patch;
        import dev.godwit.runtime.Table;
        import dev.godwit.runtime.TableSchema;
        import java.util.List;

        public final class AfterContract implements MigrationProvider {
          record Thing(long id) {}

          static final Column<Thing, Long> ID = Column.of("id", ColumnType.LONG);
          static final Table<Thing> TABLE = Table.of("things", ID, List.of(ID),
              row -> new Thing(row.get(ID)), thing -> Patch.of(AfterContract.TABLE).set(ID, thing.id()));

          @Override
          public List<Migration<?>> migrations() {
            return List.of();
          }

          @Override
          public List<TableSchema<?>> schemas() {
            return List.of(TableSchema.of(TABLE).required(ID).build());
          }
        }
        """);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-classpath",
        System.getProperty("java.class.path"), "-d", classes.toString(), source.toString()));
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve("dev.godwit.runtime.MigrationProvider"),
        "after.AfterContract\n");
    // a new JVM without the test classes, whose migrations this one's class path publishes
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));

    for (String[] args : List.of(new String[] {"list"},
        new String[] {"verify", "--url", "jdbc:h2:mem:none"})) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classPath, Godwit.class.getName()));
      command.addAll(List.of(args));
      command.addAll(List.of("--class-path", classes.toString()));
      Process process = new ProcessBuilder(command).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));

      assertEquals(Godwit.EXIT_DONE, process.exitValue(), args[0] + ": " + out + err);
      assertEquals("no migration is published by the code on the class path; its 1 table needs"
          + " none ('godwit check' compares it with the database)" + System.lineSeparator(), out,
          args[0]);
    }
  }

  /** A provider that is not on the test class path, compiled into its own folder. */
  private static Path compileExtraProvider(Path folder) throws IOException {
    Path sources = Files.createDirectories(folder.resolve("src/extra"));
    Path classes = Files.createDirectories(folder.resolve("classes"));
    Path source = sources.resolve("ExtraMigrations.java");
    Files.writeString(source, """
        package extra;

        import dev.godwit.cli.testing.TestMigrations;
        import dev.godwit.runtime.Migration;
        import dev.godwit.runtime.MigrationProvider;
        import dev.godwit.runtime.Patch;
        import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

        public final class ExtraMigrations implements MigrationProvider {
          @Override
          public List<Migration<?>> migrations() {
            return List.of(Migration.on(TestMigrations.ITEMS, "extra.touch").batchSize(7)
                .migrateOne((context, item) -> Patch.of(TestMigrations.ITEMS)));
          }
        }
        """);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
        "-d", classes.toString(), source.toString());
    assertEquals(0, status, "the extra provider should compile");
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve("dev.godwit.runtime.MigrationProvider"), "extra.ExtraMigrations\n");
    return classes;
  }
}
