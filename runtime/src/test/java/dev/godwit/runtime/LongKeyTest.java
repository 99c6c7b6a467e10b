package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A text key of any length is a cursor and a failing row's id: the state table stores both without a
 * length limit, and a state table an earlier version created with {@code VARCHAR(2000)} columns is
 * changed in place, keeping its rows.
 */
class LongKeyTest {

  /** A document keyed by a long path. */
  record Doc(String path, String title) {
    static final Column<Doc, String> PATH = Column.of("path", ColumnType.STRING);
    static final Column<Doc, String> TITLE = Column.of("title", ColumnType.STRING);
    static final Table<Doc> TABLE = Table.of("docs", PATH, List.of(PATH, TITLE),
        row -> new Doc(row.get(PATH), row.get(TITLE)),
        doc -> Patch.of(Doc.TABLE).set(PATH, doc.path()).set(TITLE, doc.title()));
  }

  private static final String LONG_PATH = "d/" + "x".repeat(2_098);

  private static Db withDocs(TestDatabase kind) {
    Db db = new Db(kind);
    // InnoDB limits a key to 3,072 bytes (MySQL reference manual, "InnoDB Limits"): 2,100
    // characters fit as single-byte latin1, not as utf8mb4
    db.execute("CREATE TABLE docs (path VARCHAR(3000) PRIMARY KEY, title VARCHAR(100))"
            + (kind == TestDatabase.MARIADB ? " CHARACTER SET latin1" : ""),
        "INSERT INTO docs VALUES ('a', 'first'), ('" + LONG_PATH + "', 'long'), ('e', 'last')");
    return db;
  }

  private static Migration<Doc> upperTitles(boolean failOnLongPath) {
    return Migration.on(Doc.TABLE, "docs.upperTitles")
        .batchSize(1)
        .migrateOne((ctx, doc) -> {
          if (failOnLongPath && doc.path().equals(LONG_PATH)) {
            throw new IllegalStateException("refused " + doc.path().length() + " characters");
          }
          return Patch.of(Doc.TABLE).set(Doc.TITLE, doc.title().toUpperCase());
        });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aKeyOf2100CharactersIsStoredAsTheCursorAndAsTheFailingRowsId(TestDatabase kind) {
    assertEquals(2_100, LONG_PATH.length());
    Db db = withDocs(kind);

    RunResult failed = db.migrator().run(upperTitles(true));

    assertEquals(MigrationState.FAILED, failed.status().state());
    assertEquals(LONG_PATH, failed.status().errorRowId());
    assertEquals(LONG_PATH, db.migrator().status().get(0).errorRowId());

    RunResult result = db.migrator().run(upperTitles(false));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals("e", result.status().cursor());
    assertEquals(3, db.count("SELECT COUNT(*) FROM docs WHERE title = UPPER(title)"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStateTableWithTheOldBoundedColumnsIsChangedInPlaceKeepingItsRows(TestDatabase kind) {
    // no release of Godwit created a state table on MySQL or MariaDB with the old bounded columns
    org.junit.jupiter.api.Assumptions.assumeTrue(kind != TestDatabase.MARIADB,
        "the bounded state table predates the MySQL dialect");
    Db db = withDocs(kind);
    String instant = kind == TestDatabase.H2 ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMPTZ";
    db.execute("CREATE TABLE godwit_migrations (name VARCHAR(200) NOT NULL PRIMARY KEY,"
        + " table_name VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL,"
        + " cursor_value VARCHAR(2000), rows_visited BIGINT DEFAULT 0 NOT NULL,"
        + " rows_changed BIGINT DEFAULT 0 NOT NULL, estimated_total BIGINT DEFAULT -1 NOT NULL,"
        + " batch_size INTEGER DEFAULT 0 NOT NULL, started_at " + instant + ","
        + " heartbeat_at " + instant + ", finished_at " + instant + ", error VARCHAR(2000),"
        + " error_row_id VARCHAR(2000), pass INTEGER DEFAULT 0 NOT NULL, owner VARCHAR(200),"
        + " lease_expires_at " + instant + ", requested VARCHAR(16))",
        "INSERT INTO godwit_migrations (name, table_name, state, cursor_value, rows_visited)"
            + " VALUES ('docs.earlier', 'docs', 'SUCCEEDED', 'e', 3)");

    RunResult result = db.migrator().run(upperTitles(false));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(3, db.count("SELECT COUNT(*) FROM docs WHERE title = UPPER(title)"));
    MigrationStatus earlier = db.migrator().status().stream()
        .filter(status -> status.name().equals("docs.earlier")).findFirst().orElseThrow();
    assertEquals("e", earlier.cursor());
    assertEquals(3, earlier.rowsVisited());
    // a key longer than the old bound is now stored
    db.execute("UPDATE godwit_migrations SET cursor_value = '" + LONG_PATH + "'"
        + " WHERE name = 'docs.earlier'");
    assertEquals(1, db.count("SELECT COUNT(*) FROM godwit_migrations WHERE LENGTH(cursor_value)"
        + " = 2100"));
  }
}
