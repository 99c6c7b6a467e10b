package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConcurrentWriterTest {

  /** A row the application keeps updating while the migration rewrites it. */
  record Counter(long id, int visits, String role) {
    static final Column<Counter, Long> ID = Column.of("id", ColumnType.LONG);
    static final Column<Counter, Integer> VISITS = Column.of("visits", ColumnType.INTEGER);
    static final Column<Counter, String> ROLE = Column.of("role", ColumnType.STRING);
    static final Table<Counter> TABLE = Table.of("counters", ID, List.of(ID, VISITS, ROLE),
        row -> new Counter(row.get(ID), row.get(VISITS), row.get(ROLE)),
        counter -> Patch.of(Counter.TABLE).set(ID, counter.id()).set(VISITS, counter.visits())
            .set(ROLE, counter.role()));
  }

  private static final int ROWS = 400;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWriterUpdatingRandomRowsDuringARunLosesNoUpdate(TestDatabase kind) throws Exception {
    Db db = new Db(kind);
    db.create(Counter.TABLE);
    db.insert(Counter.TABLE, LongStream.rangeClosed(1, ROWS)
        .mapToObj(id -> new Counter(id, 0, null)).toList());
    // writing back the value it read makes any update that slipped between read and write vanish
    Migration<Counter> rewrite = Migration.on(Counter.TABLE, "counters.addRole").batchSize(20)
        .range(Counter.ROLE.isNull())
        .verifiedBy(Counter.ROLE.isNull())
        .migrateOne((ctx, counter) -> Patch.of(Counter.TABLE)
            .set(Counter.VISITS, counter.visits()).set(Counter.ROLE, "user"));
    Map<Long, Integer> lastWritten = new ConcurrentHashMap<>();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch writing = new CountDownLatch(1);
    CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(
        () -> writeUntil(db, done, writing, lastWritten));

    assertTrue(writing.await(30, TimeUnit.SECONDS));
    RunResult result = db.migrator().run(rewrite);
    done.set(true);
    int updates = writer.get(60, TimeUnit.SECONDS);

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertTrue(updates > 0);
    assertEquals(0, db.count("SELECT COUNT(*) FROM counters WHERE role IS NULL"));
    Map<Long, Integer> stored = new java.util.HashMap<>();
    for (Map<String, Object> row : db.rows("SELECT id, visits FROM counters")) {
      stored.put(Long.parseLong((String) row.get("id")), Integer.parseInt((String) row.get("visits")));
    }
    lastWritten.forEach((id, visits) -> assertEquals(visits, stored.get(id), "row " + id));
  }

  /** Sets random rows to ever larger values until told to stop, remembering each row's last. */
  private static int writeUntil(Db db, AtomicBoolean done, CountDownLatch writing,
      Map<Long, Integer> lastWritten) {
    int value = 0;
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("UPDATE counters SET visits = ? WHERE id = ?")) {
      while (!done.get()) {
        long id = ThreadLocalRandom.current().nextLong(1, ROWS + 1);
        update.setInt(1, ++value);
        update.setLong(2, id);
        try {
          update.executeUpdate();
          lastWritten.put(id, value);
        } catch (SQLException e) {
          // a lock timeout leaves the row as it was; the next value will be larger anyway
        }
        writing.countDown();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return value;
  }
}
