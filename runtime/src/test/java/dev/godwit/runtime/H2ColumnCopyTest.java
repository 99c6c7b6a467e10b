package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * H2 adds and drops a column by copying the table, and loses the writes other sessions commit while
 * the copy runs; the expand and contract steps that add and drop columns must lose none of them.
 */
class H2ColumnCopyTest {

  private static final int ROWS = 100_000;

  @Test
  void addingAndDroppingColumnsLosesNoWriteOfOtherSessions() throws Exception {
    Db db = new Db(TestDatabase.H2);
    Accounts.createDeployZero(db, ROWS);
    Migrator migrator = db.migrator();

    Map<Long, Long> expand = writeWhile(db, () -> migrator.apply(
        List.of(Accounts.DEPLOY_1), Phase.EXPAND, ApplyOptions.defaults()));
    assertEquals(0, lost(db, expand), "writes lost while expand added a column");

    migrator.run(Accounts.backfillPlan(5_000));
    migrator.apply(List.of(Accounts.DEPLOY_2), Phase.EXPAND, ApplyOptions.defaults());
    migrator.apply(List.of(Accounts.DEPLOY_2), Phase.NARROW, ApplyOptions.defaults());
    Map<Long, Long> contract = writeWhile(db, () -> migrator.apply(
        List.of(Accounts.DEPLOY_3), Phase.CONTRACT, ApplyOptions.defaults()));
    assertEquals(0, lost(db, contract), "writes lost while contract dropped a column");
    assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.columns"
        + " WHERE table_name = 'ACCOUNTS' AND column_name = 'LEGACY_CODE'"));
  }

  /** Runs a schema step while two sessions update names; returns the last name number per row. */
  private static Map<Long, Long> writeWhile(Db db, Runnable step) throws Exception {
    Map<Long, Long> last = new ConcurrentHashMap<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread[] writers = new Thread[2];
    for (int w = 0; w < writers.length; w++) {
      int slot = w;
      writers[w] = new Thread(() -> {
        try (Connection connection = db.dataSource.getConnection();
            PreparedStatement update = connection.prepareStatement(
                "UPDATE accounts SET name = ? WHERE id = ?")) {
          long n = 0;
          while (writing.get()) {
            // each writer owns the rows of its parity, so the last committed value is known
            long id = ThreadLocalRandom.current().nextLong(ROWS / 2) * 2 + slot + 1;
            update.setString(1, "write " + ++n);
            update.setLong(2, id);
            try {
              update.executeUpdate();
              last.put(id, n);
            } catch (SQLException e) {
              // a statement refused while the table changes shape is not a committed write
            }
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      writers[w].start();
    }
    Thread.sleep(200);
    step.run();
    Thread.sleep(200);
    writing.set(false);
    for (Thread writer : writers) {
      writer.join();
    }
    assertTrue(last.size() > 100, "the writers wrote " + last.size() + " rows");
    return last;
  }

  private static long lost(Db db, Map<Long, Long> last) throws SQLException {
    long lost = 0;
    try (Connection connection = db.dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, name FROM accounts")) {
      while (rows.next()) {
        Long written = last.get(rows.getLong(1));
        if (written != null && !rows.getString(2).equals("write " + written)) {
          lost++;
        }
      }
    }
    return lost;
  }
}
