package dev.godwit.benchmarks;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The whole backfill as one {@code UPDATE} in one transaction: the fastest a database can do it, and
 * the reason online migrations exist, since it locks every row it touches until it commits.
 */
record SetBasedUpdate() implements Strategy {

  @Override
  public String name() {
    return "set-based UPDATE (offline ceiling)";
  }

  @Override
  public Kind kind() {
    return Kind.SET_BASED;
  }

  @Override
  public int batchSize() {
    return 0;
  }

  @Override
  public long run(BenchDatabase database, Backfill backfill, long upTo) throws Exception {
    try (Connection connection = database.pool().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      return statement.executeUpdate(backfill.setBasedSql());
    }
  }
}
