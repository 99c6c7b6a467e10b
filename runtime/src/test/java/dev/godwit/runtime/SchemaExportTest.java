package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plan exported as Flyway and Liquibase files, applied by the real Flyway from Maven Central:
 * expand, then narrow refused by its guard while one row lacks the value and applied once it is
 * filled, then contract.
 */
class SchemaExportTest {

  private static final int ROWS = 30;

  @TempDir Path folder;

  private Flyway flyway(Db db) {
    return Flyway.configure()
        .dataSource(db.dataSource)
        .locations("filesystem:" + folder)
        // the database already holds the application's tables, as one adopting Flyway does
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }

  private List<Path> export(Migrator migrator, TableSchema<?> schema, String version)
      throws Exception {
    SchemaPlan plan = migrator.plan(List.of(schema));
    return SchemaExport.write(SchemaExport.of(migrator)
        .files(plan, SchemaExport.Format.FLYWAY, version), folder);
  }

  @ParameterizedTest
  // not on MariaDB: the MySQL dialect writes no statement that fails with a guard's message, so
  // a narrow file cannot be exported for Flyway (see the test below), and Flyway's MySQL support
  // is a module of its own that the build does not use
  @EnumSource(value = TestDatabase.class, names = "MARIADB", mode = EnumSource.Mode.EXCLUDE)
  void flywayAppliesEachPhaseAndItsNarrowFileFailsWhileARowIsLeft(TestDatabase kind)
      throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, ROWS);
    Migrator migrator = db.migrator();

    List<Path> expand = export(migrator, Accounts.DEPLOY_1, "1");
    assertEquals(List.of("V1.1__godwit_expand.sql"), names(expand));
    flyway(db).migrate();
    migrator.check(List.of(Accounts.DEPLOY_1));

    assertTrue(migrator.run(Accounts.backfillPlan(10)).succeeded());
    // an old instance still writing: one row without a plan
    db.execute("UPDATE accounts SET plan = NULL WHERE id = 7");
    List<Path> narrow = export(migrator, Accounts.DEPLOY_2, "2");
    assertEquals(List.of("V2.1__godwit_expand.sql", "V2.2__godwit_narrow.sql"), names(narrow));
    String narrowSql = Files.readString(narrow.get(1));
    assertTrue(narrowSql.contains("guard: "), narrowSql);

    FlywayException refused = assertThrows(FlywayException.class, () -> flyway(db).migrate());
    assertTrue(chain(refused).contains("Godwit refused the step 'Require a value in accounts.plan"),
        chain(refused));
    assertTrue(chain(refused).contains("accounts.backfillPlan"), chain(refused));
    assertEquals(1, db.count("SELECT COUNT(*) FROM accounts WHERE plan IS NULL"));
    assertTrue(nullable(db, "plan"), "the narrow step did not run");

    assertTrue(migrator.run(Accounts.backfillPlan(10), RunOptions.defaults().withReset())
        .succeeded());
    // H2 cannot roll back DDL, so Flyway recorded the failed file there: repair forgets it
    flyway(db).repair();
    flyway(db).migrate();
    assertTrue(!nullable(db, "plan"), "narrow set plan NOT NULL");
    migrator.check(List.of(Accounts.DEPLOY_2));

    List<Path> contract = export(db.migrator(), Accounts.DEPLOY_3, "3");
    assertEquals(List.of("V3.3__godwit_contract.sql"), names(contract));
    flyway(db).migrate();
    assertEquals(0, db.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE "
        + "LOWER(TABLE_NAME) = 'accounts' AND LOWER(COLUMN_NAME) = 'legacy_code'"));
    db.migrator().check(List.of(Accounts.DEPLOY_3));
  }

  @org.junit.jupiter.api.Test
  void aFlywayNarrowFileIsRefusedOnMySqlWhileItsExpandFileIsWritten() throws Exception {
    Db db = new Db(TestDatabase.MARIADB);
    Accounts.createDeployZero(db, ROWS);
    Migrator migrator = db.migrator();

    List<Path> expand = export(migrator, Accounts.DEPLOY_1, "1");
    assertEquals(List.of("V1.1__godwit_expand.sql"), names(expand));
    migrator.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND);

    MigrationException refused = assertThrows(MigrationException.class,
        () -> export(migrator, Accounts.DEPLOY_2, "2"));
    assertEquals("The MySQL/MariaDB dialect cannot write a statement that fails when a guard does"
        + " not hold, so Godwit cannot export a plan with guards for it; apply the plan with"
        + " Migrator.apply, or give the dialect failUnlessZero.", refused.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void liquibaseChangesetsCarryEachGuardAsAPreconditionThatCountsTheRowsLeft(TestDatabase kind)
      throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, ROWS);
    Migrator migrator = db.migrator();
    migrator.apply(List.of(Accounts.DEPLOY_1), Phase.EXPAND);
    migrator.run(Accounts.backfillPlan(10));
    db.execute("UPDATE accounts SET plan = NULL WHERE id = 7");

    List<SchemaExport.ExportedFile> files = SchemaExport.of(migrator)
        .files(migrator.plan(List.of(Accounts.DEPLOY_2)), SchemaExport.Format.LIQUIBASE, "2");

    assertEquals(List.of("godwit_2_expand.sql", "godwit_2_narrow.sql"),
        files.stream().map(SchemaExport.ExportedFile::name).toList());
    List<String> lines = files.get(1).content().lines().toList();
    assertEquals("--liquibase formatted sql", lines.get(0));
    assertTrue(lines.contains("--changeset godwit:2-narrow-1"), files.get(1).content());
    assertTrue(lines.contains("--preconditions onFail:HALT onError:HALT"), files.get(1).content());
    List<String> checks = lines.stream()
        .filter(line -> line.startsWith("--precondition-sql-check expectedResult:0 ")).toList();
    assertTrue(!checks.isEmpty(), files.get(1).content());
    // the preconditions are the guards' own queries: one of them counts the row left
    long violations = 0;
    for (String check : checks) {
      violations += count(db, check.substring("--precondition-sql-check expectedResult:0 ".length()));
    }
    assertTrue(violations > 0, files.get(1).content());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anExportedFileIsNeverOverwrittenAndAVersionIsNumbers(TestDatabase kind) throws Exception {
    Db db = new Db(kind);
    Accounts.createDeployZero(db, 1);
    Migrator migrator = db.migrator();
    SchemaPlan plan = migrator.plan(List.of(Accounts.DEPLOY_1));
    SchemaExport export = SchemaExport.of(migrator);
    SchemaExport.write(export.files(plan, SchemaExport.Format.FLYWAY, "4"), folder);

    assertThrows(FileAlreadyExistsException.class, () ->
        SchemaExport.write(export.files(plan, SchemaExport.Format.FLYWAY, "4"), folder));
    IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
        () -> export.files(plan, SchemaExport.Format.FLYWAY, "4a"));
    assertEquals("an export's version is numbers separated by dots, such as 7 or 2.1, not '4a'",
        version.getMessage());
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(path -> path.getFileName().toString()).toList();
  }

  private static String chain(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }

  private static boolean nullable(Db db, String column) {
    return "YES".equalsIgnoreCase(String.valueOf(db.rows("SELECT IS_NULLABLE FROM"
        + " INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_NAME) = 'accounts' AND LOWER(COLUMN_NAME) = '"
        + column + "'").get(0).get("is_nullable")));
  }

  private static long count(Db db, String sql) throws SQLException {
    try (Connection connection = db.dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
