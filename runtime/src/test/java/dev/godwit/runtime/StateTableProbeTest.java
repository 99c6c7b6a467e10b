package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asking for the state of a database that never ran a migration neither creates the state table nor
 * provokes an error the database would log: H2 writes every SQL error to a trace file beside the
 * database, which a status poll every second would fill.
 */
class StateTableProbeTest {

  @Test
  void statusOfAFreshDatabaseLogsNoErrorAndCreatesNothing(@TempDir Path dir) throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("fresh"));
    dataSource.setUser("sa");
    Migrator migrator = Migrator.create(dataSource);

    assertEquals(0, migrator.status().size());
    assertTrue(migrator.status("users.addDefaultRole").isEmpty());
    assertFalse(migrator.cancel("users.addDefaultRole"));

    assertFalse(Files.exists(dir.resolve("fresh.trace.db")), "H2 logged an error");
    Db db = new Db(TestDatabase.H2, dataSource);
    assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE table_name = 'GODWIT_MIGRATIONS'"));
  }
}
