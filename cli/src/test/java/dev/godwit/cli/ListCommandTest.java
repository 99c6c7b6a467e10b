package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.cli.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

  @Test
  void listsEveryMigrationWithItsTableAndWhetherItHasAVerification() {
    Cli.Result result = Cli.run("list");

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertEquals("MIGRATION           TABLE       BATCH  VERIFIED BY  RUNS IN", lines.get(0));
    assertEquals("teams.backfillPlan  teams       1000   yes          java", lines.get(1));
    assertEquals("teams.clearIsPro    teams       1000   no           database", lines.get(2));
    assertEquals("slow.touch          slow_items  1      yes          java", lines.get(3));
    assertEquals(4, lines.size(), result::toString);
    assertEquals("", result.err());
  }

  @Test
  void classPathOptionAddsTheMigrationsOfAnotherJar(@TempDir Path folder) throws IOException {
    Path classes = compileExtraProvider(folder);

    Cli.Result without = Cli.run("list");
    Cli.Result with = Cli.run("list", "--class-path", classes.toString());

    assertFalse(without.out().contains("extra.touch"), without::toString);
    assertEquals(Godwit.EXIT_DONE, with.exitCode(), with::toString);
    assertTrue(with.out().contains("extra.touch         slow_items  7      no           java"), with::toString);
  }

  @Test
  void classPathEntryThatDoesNotExistIsBadUsage(@TempDir Path folder) {
    Path missing = folder.resolve("app.jar");

    Cli.Result result = Cli.run("list", "--class-path", missing.toString());

    assertEquals(Godwit.EXIT_USAGE, result.exitCode(), result::toString);
    assertEquals("godwit list: --class-path entry '" + missing + "' does not exist; give the path of "
        + "the application's jar or classes folder\n", result.err());
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
        import java.util.List;

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
