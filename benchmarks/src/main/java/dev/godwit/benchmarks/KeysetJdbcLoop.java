package dev.godwit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * What a careful engineer writes by hand: keyset pagination on the primary key, each batch's rows read
 * under a lock, one JDBC-batched {@code UPDATE} per row, one transaction per batch.
 *
 * @param batchSize rows per batch
 */
record KeysetJdbcLoop(int batchSize) implements Strategy {

  @Override
  public String name() {
    return "hand-written keyset loop, JDBC batch " + batchSize;
  }

  @Override
  public Kind kind() {
    return Kind.KEYSET_LOOP;
  }

  @Override
  public long run(BenchDatabase database, Backfill backfill, long upTo) throws Exception {
    long changed = 0;
    try (Connection connection = database.pool().getConnection();
        PreparedStatement read = connection.prepareStatement(backfill.keysetSelect(batchSize, true));
        PreparedStatement write = connection.prepareStatement(backfill.updateById())) {
      connection.setAutoCommit(false);
      long after = 0;
      while (true) {
        int rows = 0;
        read.setLong(1, after);
        read.setLong(2, upTo);
        try (ResultSet resultSet = read.executeQuery()) {
          while (resultSet.next()) {
            Team team = backfill.read(resultSet);
            write.setObject(1, backfill.value(team));
            write.setLong(2, team.id());
            write.addBatch();
            after = team.id();
            rows++;
          }
        }
        if (rows > 0) {
          write.executeBatch();
        }
        connection.commit();
        if (rows == 0) {
          return changed;
        }
        changed += rows;
      }
    }
  }
}
