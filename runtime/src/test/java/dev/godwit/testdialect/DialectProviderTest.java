package dev.godwit.testdialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A dialect outside the runtime's packages, registered through {@code META-INF/services} on the test
 * class path, is found by {@link Migrator#create} from the database's JDBC metadata and runs a whole
 * migration: the dialect SPI is what a new database implements, not an edit of the runtime.
 */
class DialectProviderTest {

  record Note(long id, String text, Long version) {
    static final Column<Note, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Note, String> TEXT = Column.of("text", ColumnType.STRING);
    static final Column<Note, Long> VERSION = Column.of("version", ColumnType.LONG);
    static final Table<Note> TABLE = Table.<Note>builder("notes").key(ID)
        .columns(List.of(ID, TEXT, VERSION)).version(VERSION)
        .reader(row -> new Note(row.get(ID), row.get(TEXT), row.get(VERSION)))
        .writer(note -> Patch.of(Note.TABLE).set(ID, note.id()).set(TEXT, note.text())
            .set(VERSION, note.version()))
        .build();
  }

  private static DataSource withNotes(String product) throws SQLException {
    DataSource dataSource = RenamedH2.rename(TestDatabase.H2.newDatabase(), product);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, text VARCHAR(20),"
          + " version BIGINT NOT NULL)");
      for (int id = 1; id <= 7; id++) {
        statement.execute("INSERT INTO notes VALUES (" + id + ", 'note " + id + "', 0)");
      }
    }
    return dataSource;
  }

  private static Migration<Note> upperCase() {
    return Migration.on(Note.TABLE, "notes.upperCase").batchSize(3)
        .migrateOne((context, note) -> note.id() == 7
            ? null : Patch.of(Note.TABLE).set(Note.TEXT, note.text().toUpperCase()));
  }

  @Test
  void migratorCreateFindsTheRegisteredDialectByProductNameAndRunsWithIt() throws SQLException {
    DataSource dataSource = withNotes(RenamedH2.PRODUCT);
    int writtenBefore = RenamedH2Dialect.ROWS_WRITTEN.get();
    int clausesBefore = RenamedH2Dialect.CLAUSES_ASKED.get();

    RunResult result = Migrator.create(dataSource).run(upperCase());

    assertEquals(MigrationState.SUCCEEDED, result.status().state());
    assertEquals(6, RenamedH2Dialect.ROWS_WRITTEN.get() - writtenBefore,
        "every changed row is written by the registered dialect");
    assertTrue(RenamedH2Dialect.CLAUSES_ASKED.get() > clausesBefore,
        "the state table's DDL and the batch reads take their vendor clauses from the dialect");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM notes WHERE text = UPPER(text) AND version = 1")) {
      rows.next();
      assertEquals(6, rows.getInt(1));
    }
  }

  @Test
  void aDatabaseNoProviderSupportsIsRefusedNamingTheRegisteredOnes() throws SQLException {
    DataSource dataSource = withNotes("Unheard-of DB");

    MigrationException refused = assertThrows(MigrationException.class,
        () -> Migrator.create(dataSource).run(upperCase()));

    assertEquals(dev.godwit.runtime.ErrorCode.UNSUPPORTED_DATABASE, refused.code());
    String message = refused.getMessage();
    assertTrue(message.startsWith("The database is Unheard-of DB, which no registered Godwit"
        + " dialect supports; use "), message);
    assertTrue(message.contains("H2") && message.contains("PostgreSQL")
        && message.contains(RenamedH2.PRODUCT), message);
    assertTrue(message.endsWith("or put a jar that registers a"
        + " dev.godwit.runtime.spi.DialectProvider for it on the class path."), message);
  }

  @Test
  void aDialectChosenOnTheBuilderIsUsedWhateverTheDatabaseReports() throws SQLException {
    DataSource dataSource = withNotes("Unheard-of DB");
    int writtenBefore = RenamedH2Dialect.ROWS_WRITTEN.get();

    RunResult result = Migrator.builder(dataSource).dialect(new RenamedH2DialectProvider()).build()
        .run(upperCase());

    assertEquals(MigrationState.SUCCEEDED, result.status().state());
    assertEquals(6, RenamedH2Dialect.ROWS_WRITTEN.get() - writtenBefore);
  }
}
