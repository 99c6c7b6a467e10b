package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.godwit.runtime.SchemaMismatchException.Code;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Migrator.check()} checks every schema the class path publishes. */
class SchemaCheckRegistryTest {

  /** Publishes deploy 1's schema of the accounts table, as a generated provider would. */
  public static final class AccountsProvider implements MigrationProvider {
    @Override
    public List<Migration<?>> migrations() {
      return List.of(Accounts.backfillPlan(100));
    }

    @Override
    public List<TableSchema<?>> schemas() {
      return List.of(Accounts.DEPLOY_1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void checkReadsThePublishedSchemasAndListsEveryProblemWithItsFix(TestDatabase kind,
      @TempDir Path classes) throws Exception {
    Path services = classes.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(MigrationProvider.class.getName()),
        AccountsProvider.class.getName() + "\n");
    Db db = new Db(kind);
    Accounts.createDeployZero(db, 3);
    Migrator migrator = db.migrator();
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader published = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      thread.setContextClassLoader(published);

      SchemaCheckException refusal = assertThrows(SchemaCheckException.class, migrator::check);

      assertEquals(ErrorCode.SCHEMA_CHECK_FAILED, refusal.code());
      assertEquals(List.of("accounts"), refusal.tables());
      assertEquals(List.of(Code.COLUMN_MISSING, Code.EXPAND_PENDING),
          refusal.problems().stream().map(Problem::code).toList());
      assertEquals("2 problems between the code and the database must be fixed before the code is"
          + " served:\n  Column accounts.plan does not exist; add it to table accounts before"
          + " serving this code (godwit schema apply --phase expand adds every column the code"
          + " maps), or correct the column's name in the mapping.\n  Column accounts.legacy_code"
          + " is NOT NULL, but the code may stop writing it; apply the expand phase (godwit schema"
          + " apply --phase expand) before serving this code.", refusal.getMessage());

      migrator.apply(MigrationRegistry.load().schemas(), Phase.EXPAND);
      assertDoesNotThrow(() -> migrator.check());
    } finally {
      thread.setContextClassLoader(original);
    }
  }
}
