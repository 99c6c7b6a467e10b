package dev.godwit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The loop written in a hurry: find the next row, update it, each statement its own transaction.
 * Too slow for a whole table, so it is timed on the first rows only (the report says how many).
 */
record NaiveLoop() implements Strategy {

  @Override
  public String name() {
    return "naive per-row loop";
  }

  @Override
  public Kind kind() {
    return Kind.NAIVE_LOOP;
  }

  @Override
  public int batchSize() {
    return 1;
  }

  @Override
  public long run(BenchDatabase database, Backfill backfill, long upTo) throws Exception {
    long changed = 0;
    try (Connection connection = database.pool().getConnection();
        PreparedStatement read = connection.prepareStatement(backfill.keysetSelect(1, false));
        PreparedStatement write = connection.prepareStatement(backfill.updateById())) {
      connection.setAutoCommit(true);
      long after = 0;
      while (true) {
        read.setLong(1, after);
        read.setLong(2, upTo);
        Team team;
        try (ResultSet resultSet = read.executeQuery()) {
          if (!resultSet.next()) {
            return changed;
          }
          team = backfill.read(resultSet);
        }
        write.setObject(1, backfill.value(team));
        write.setLong(2, team.id());
        changed += write.executeUpdate();
        after = team.id();
      }
    }
  }
}
