package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.godwit.processor.history.Snapshot;
import dev.godwit.processor.history.SnapshotJson;
import dev.godwit.runtime.ColumnSchema;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.Verification;
import dev.godwit.runtime.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An owner's {@code telephone} renamed to {@code phone} over four deploys, each compiled against the
 * baseline the previous one left and run on a real database: deploy 0 the original entity, deploy 1
 * widens, deploy 2 narrows with a plain field (the README's checklist), deploy 3 removes the old
 * field. The processor's memory keeps the clear of the old field guarded in deploy 2, although no
 * annotation says any more what {@code phone} was filled from.
 */
class SnapshotDeploysTest {

  private static final String OWNER = "com.example.Owner";

  private static final String DEPLOY_0 = """
      @MigratedTable("owners")
      public record Owner(@Id long id, String telephone) {}
      """;

  private static final String DEPLOY_1 = """
      @MigratedTable("owners")
      public record Owner(@Id long id, @Deprecated(forRemoval = true) String telephone,
          @Widened @Backfill(from = "telephone") String phone) {}
      """;

  /** Step 7 of the checklist: the new field plain, the old one no longer written. */
  private static final String DEPLOY_2 = """
      @MigratedTable("owners")
      public record Owner(@Id long id, @Deprecated(forRemoval = true) String telephone,
          String phone) {}
      """;

  private static final String DEPLOY_3 = """
      @MigratedTable(value = "owners", removed = "telephone")
      public record Owner(@Id long id, String phone) {}
      """;

  @TempDir Path snapshots;

  private static JavaFileObject owner(String declaration) {
    return Compilations.source(OWNER, Compilations.IMPORTS + "\n" + declaration);
  }

  private LoadedCompilation deploy(String declaration, boolean accept) {
    List<String> options = new ArrayList<>(List.of("-Agodwit.schemaDir=" + snapshots));
    if (accept) {
      options.add("-Agodwit.acceptSchema=true");
    }
    Compilation compilation = Compilations.compile(options, owner(declaration));
    assertThat(compilation).succeeded();
    return new LoadedCompilation(compilation);
  }

  private Snapshot baseline() throws IOException {
    return SnapshotJson.read(Files.readString(snapshots.resolve("owners.json"),
        StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theClearOfTheOldFieldStaysGuardedOnceTheNarrowedFieldLosesItsBackfill(TestDatabase kind)
      throws Exception {
    deploy(DEPLOY_0, false);
    deploy(DEPLOY_1, true);
    LoadedCompilation narrowed = deploy(DEPLOY_2, false);

    TableSchema<?> schema = narrowed.field(OWNER + "Table", "SCHEMA");
    ColumnSchema phone = schema.column("phone").orElseThrow();
    assertEquals(ColumnSchema.Role.NARROWED, phone.role());
    assertEquals(Optional.of("owners.backfillPhone"), phone.filledBy().map(Verification::name));

    DataSource database = databaseWithAnOldRow(kind);
    Migrator migrator = Migrator.create(database);
    MigrationException early = assertThrows(MigrationException.class,
        () -> migrator.apply(List.of(schema), Phase.NARROW));
    assertTrue(early.getMessage().contains("owners.backfillPhone"), early.getMessage());
    RunResult clear = migrator.run(migration(narrowed, "owners.clearTelephone"));

    assertEquals(MigrationState.FAILED, clear.status().state(), clear.toString());
    assertEquals(List.of("1 555-0101 null", "2 null 555-0102"), rows(database));

    assertTrue(migrator.run(migration(narrowed, "owners.backfillPhone")).succeeded());
    assertTrue(migrator.run(migration(narrowed, "owners.clearTelephone")).succeeded());
    assertEquals(List.of("1 null 555-0101", "2 null 555-0102"), rows(database));
    migrator.apply(List.of(schema), Phase.NARROW);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void withoutTheBaselineTheSameClearDestroysTheOnlyCopy(TestDatabase kind) throws Exception {
    Compilation forgetful = Compilations.compile(owner(DEPLOY_2));
    assertThat(forgetful).succeeded();
    LoadedCompilation narrowed = new LoadedCompilation(forgetful);

    DataSource database = databaseWithAnOldRow(kind);
    RunResult clear = Migrator.create(database).run(migration(narrowed, "owners.clearTelephone"));

    assertTrue(clear.succeeded(), clear.toString());
    assertEquals(List.of("1 null null", "2 null 555-0102"), rows(database));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void fourDeploysEachPlanningWhatTheirSnapshotsSay(TestDatabase kind) throws Exception {
    DataSource database = kind.newDatabase();
    Migrator migrator = Migrator.create(database);

    LoadedCompilation deploy0 = deploy(DEPLOY_0, false);
    Snapshot snapshot0 = baseline();
    List<TableSchema<?>> schemas0 = schemas(deploy0);
    assertEquals(expectedSteps(Optional.empty(), snapshot0), steps(migrator, schemas0));
    migrator.apply(schemas0, Phase.EXPAND);
    execute(database, "INSERT INTO owners (id, telephone) VALUES (1, '555-0101'), (2, '555-0102')");

    LoadedCompilation deploy1 = deploy(DEPLOY_1, true);
    Snapshot snapshot1 = baseline();
    List<TableSchema<?>> schemas1 = schemas(deploy1);
    assertEquals(expectedSteps(Optional.of(snapshot0), snapshot1), steps(migrator, schemas1));
    migrator.apply(schemas1, Phase.EXPAND);
    // An instance of deploy 0 still writes while deploy 1 rolls out.
    execute(database, "INSERT INTO owners (id, telephone) VALUES (3, '555-0103')");
    List<Migration<?>> migrations1 = deploy1.call(OWNER + "Migrations", "all");
    migrator.runAll(migrations1).forEach(result -> assertTrue(result.succeeded(), result::toString));
    assertEquals(List.of("owners.backfillPhone"), migrations1.stream().map(Migration::name).toList());

    LoadedCompilation deploy2 = deploy(DEPLOY_2, true);
    Snapshot snapshot2 = baseline();
    assertEquals("NARROWED", snapshot2.field("phone").orElseThrow().role());
    List<TableSchema<?>> schemas2 = schemas(deploy2);
    assertEquals(expectedSteps(Optional.of(snapshot1), snapshot2), steps(migrator, schemas2));
    migrator.apply(schemas2, Phase.NARROW);
    List<Migration<?>> migrations2 = deploy2.call(OWNER + "Migrations", "all");
    for (Migration<?> migration : migrations2) {
      assertTrue(migrator.run(migration).succeeded(), migration.name());
    }
    assertEquals(List.of("owners.backfillPhone", "owners.clearTelephone"),
        migrations2.stream().map(Migration::name).toList());

    LoadedCompilation deploy3 = deploy(DEPLOY_3, true);
    Snapshot snapshot3 = baseline();
    List<TableSchema<?>> schemas3 = schemas(deploy3);
    assertEquals(expectedSteps(Optional.of(snapshot2), snapshot3), steps(migrator, schemas3));
    migrator.apply(schemas3, Phase.CONTRACT);
    migrator.check(schemas3);
    assertTrue(steps(migrator, schemas3).isEmpty());
    assertEquals(List.<Object>of("555-0101", "555-0102", "555-0103"),
        query(database, "SELECT phone FROM owners ORDER BY id"));
  }

  /**
   * The schema steps two consecutive snapshots call for: a table created for the first, a column
   * added for each new field, {@code SET NOT NULL} for each field narrowed, a column dropped for each
   * name newly declared removed.
   */
  private static Set<String> expectedSteps(Optional<Snapshot> before, Snapshot after) {
    Set<String> steps = new TreeSet<>();
    if (before.isEmpty()) {
      steps.add("EXPAND CREATE_TABLE -");
      return steps;
    }
    for (Snapshot.Column column : after.columns()) {
      Optional<Snapshot.Column> old = before.get().field(column.field());
      if (old.isEmpty()) {
        steps.add("EXPAND ADD_COLUMN " + column.column());
      } else if (column.role().equals("NARROWED") && !old.get().role().equals("NARROWED")) {
        steps.add("NARROW SET_NOT_NULL " + column.column());
      }
    }
    for (String removed : after.removed()) {
      if (!before.get().removed().contains(removed)) {
        steps.add("CONTRACT DROP_COLUMN " + removed);
      }
    }
    return steps;
  }

  private static Set<String> steps(Migrator migrator, List<TableSchema<?>> schemas) {
    Set<String> steps = new TreeSet<>();
    for (Phase phase : Phase.values()) {
      for (SchemaStep step : migrator.plan(schemas).steps(phase)) {
        steps.add(step.phase() + " " + step.kind() + " " + step.column().orElse("-"));
      }
    }
    return steps;
  }

  private static List<TableSchema<?>> schemas(LoadedCompilation code) {
    TableSchema<?> schema = code.field(OWNER + "Table", "SCHEMA");
    return List.of(schema);
  }

  private static Migration<?> migration(LoadedCompilation code, String name) {
    List<Migration<?>> all = code.call(OWNER + "Migrations", "all");
    return all.stream().filter(migration -> migration.name().equals(name)).findFirst().orElseThrow();
  }

  /** Deploy 1's table, with a row an instance of deploy 0 wrote and one deploy 1 wrote. */
  private static DataSource databaseWithAnOldRow(TestDatabase kind) throws SQLException {
    DataSource database = kind.newDatabase();
    execute(database, "CREATE TABLE owners (id BIGINT PRIMARY KEY, telephone VARCHAR(20),"
        + " phone VARCHAR(20))");
    execute(database, "INSERT INTO owners VALUES (1, '555-0101', NULL), (2, NULL, '555-0102')");
    return database;
  }

  private static List<String> rows(DataSource database) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT id, telephone, phone FROM owners ORDER BY id")) {
      while (result.next()) {
        rows.add(result.getLong(1) + " " + result.getString(2) + " " + result.getString(3));
      }
    }
    return rows;
  }

  private static List<Object> query(DataSource database, String sql) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getObject(1));
      }
    }
    return values;
  }

  private static void execute(DataSource database, String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
