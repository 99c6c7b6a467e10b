package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a framework integration configures on {@link Migrator#builder}: the state table and the worker. */
class MigratorBuilderTest {

  record Item(long id, String label) {
    static final Column<Item, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Item, String> LABEL = Column.of("label", ColumnType.STRING);
    static final Table<Item> TABLE = Table.<Item>builder("items").key(ID).columns(List.of(ID, LABEL))
        .reader(row -> new Item(row.get(ID), row.get(LABEL)))
        .writer(item -> Patch.of(Item.TABLE).set(ID, item.id()).set(LABEL, item.label()))
        .build();
  }

  private static String owner(Db db) {
    try (Connection connection = db.dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT owner FROM ops.app_migrations")) {
      return row.next() ? row.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void stateLivesInTheConfiguredTableAndSchemaAndLeasesNameTheWorker(TestDatabase kind) {
    Db db = new Db(kind);
    db.execute("CREATE SCHEMA ops");
    db.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(20))");
    db.execute("INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    Migrator migrator = Migrator.builder(db.dataSource).stateSchema("ops")
        .stateTable("app_migrations").workerName("orders-service worker 7").build();
    AtomicReference<String> ownerWhileRunning = new AtomicReference<>();
    Migration<Item> migration = Migration.on(Item.TABLE, "items.upper").batchSize(2)
        .migrateOne((context, item) -> {
          ownerWhileRunning.compareAndSet(null, owner(db));
          return Patch.of(Item.TABLE).set(Item.LABEL, item.label().toUpperCase());
        });

    assertTrue(migrator.run(migration).succeeded());

    assertTrue(ownerWhileRunning.get().startsWith("orders-service worker 7 run "),
        ownerWhileRunning.get());
    assertEquals(MigrationState.SUCCEEDED, migrator.status("items.upper").orElseThrow().state());
    assertEquals(1, db.count("SELECT COUNT(*) FROM ops.app_migrations WHERE name = 'items.upper'"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE LOWER(table_name) = 'godwit_migrations'"
        // a MySQL schema is a database, of which the server has one per test
        + (kind == TestDatabase.MARIADB ? " AND table_schema IN (DATABASE(), 'ops')" : "")));
    assertEquals(List.of(), Migrator.create(db.dataSource).status(),
        "a migrator with the default state table sees none of it");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStateTableThatIsNotAPlainIdentifierIsRefused(TestDatabase kind) {
    Migrator.Builder builder = Migrator.builder(kind.newDatabase());
    assertEquals("the state table must be a plain identifier of letters, digits and underscores,"
        + " not 'app-migrations'", assertThrows(IllegalArgumentException.class,
            () -> builder.stateTable("app-migrations")).getMessage());
    assertEquals("a worker name must be 1 to 180 characters and not blank, not ' '",
        assertThrows(IllegalArgumentException.class, () -> builder.workerName(" ")).getMessage());
  }
}
