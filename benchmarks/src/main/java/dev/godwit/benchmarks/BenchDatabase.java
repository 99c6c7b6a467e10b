package dev.godwit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * One database under test: a pooled data source for the strategies, a direct one for the concurrent
 * writer (so that it never waits for a pooled connection), and the workload's table.
 */
final class BenchDatabase implements AutoCloseable {

  private final Backend backend;
  private final HikariDataSource pool;
  private final DataSource direct;
  private final Closeable server;

  BenchDatabase(Backend backend, HikariDataSource pool, DataSource direct, Closeable server) {
    this.backend = backend;
    this.pool = pool;
    this.direct = direct;
    this.server = server;
  }

  Backend backend() {
    return backend;
  }

  /** The pool the strategies use. */
  DataSource pool() {
    return pool;
  }

  /** A data source outside the pool, for the concurrent writer. */
  DataSource direct() {
    return direct;
  }

  /**
   * Replaces {@code teams} with {@code rows} rows in the old format, then lets PostgreSQL settle them
   * (hint bits, statistics, a checkpoint) so that no strategy pays for the previous one's writes.
   */
  void load(long rows) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS teams");
        statement.execute("CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL,"
            + " is_pro BOOLEAN NOT NULL, visits INTEGER NOT NULL, plan VARCHAR(16), seats INTEGER)");
      }
      try (PreparedStatement insert = connection.prepareStatement(backend.loadSql())) {
        insert.setLong(1, rows);
        insert.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        if (backend == Backend.POSTGRES) {
          statement.execute("VACUUM ANALYZE teams");
          statement.execute("CHECKPOINT");
        } else {
          statement.execute("ANALYZE TABLE teams");
        }
      }
    }
  }

  /** How many rows among the first {@code upTo} a backfill has still to fill. */
  long remaining(Backfill backfill, long upTo) throws SQLException {
    return count("SELECT COUNT(*) FROM teams WHERE " + backfill.column() + " IS NULL AND id <= ?",
        upTo);
  }

  /** How many filled rows hold a value other than the backfill's, which a correct run leaves at 0. */
  long wrong(Backfill backfill) throws SQLException {
    return count("SELECT COUNT(*) FROM teams WHERE " + backfill.column() + " IS NOT NULL AND NOT ("
        + backfill.expectedSql() + ") AND id > ?", 0L);
  }

  /** The server's version, for the report. */
  String version() throws SQLException {
    try (Connection connection = pool.getConnection()) {
      return connection.getMetaData().getDatabaseProductName() + " "
          + connection.getMetaData().getDatabaseProductVersion();
    }
  }

  /**
   * The database server's main process on this machine, whose CPU the harness measures: PostgreSQL's
   * postmaster (the parent of every backend, {@code pg_backend_pid()}), MariaDB's {@code mysqld}
   * (from its {@code pid_file}).
   *
   * @return its process id, or empty for H2 (it runs in this JVM) or off Linux
   */
  OptionalLong serverPid() throws SQLException {
    if (backend == Backend.H2) {
      return OptionalLong.empty();
    }
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(backend == Backend.POSTGRES
            ? "SELECT pg_backend_pid()" : "SELECT @@pid_file")) {
      resultSet.next();
      if (backend == Backend.POSTGRES) {
        return CpuMeter.parentOf(resultSet.getLong(1));
      }
      try {
        return OptionalLong.of(Long.parseLong(
            Files.readString(Path.of(resultSet.getString(1))).trim()));
      } catch (IOException | RuntimeException e) {
        return OptionalLong.empty();
      }
    }
  }

  /**
   * How many bytes of write-ahead log the server has written so far ({@code pg_current_wal_lsn()} as
   * a byte position), to measure the log a run writes per row.
   *
   * @return the position, or empty on a database other than PostgreSQL
   */
  OptionalLong walPosition() throws SQLException {
    if (backend != Backend.POSTGRES) {
      return OptionalLong.empty();
    }
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
      resultSet.next();
      return OptionalLong.of(resultSet.getLong(1));
    }
  }

  private long count(String sql, long parameter) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      try (ResultSet resultSet = statement.executeQuery()) {
        resultSet.next();
        return resultSet.getLong(1);
      }
    }
  }

  @Override
  public void close() throws IOException {
    pool.close();
    server.close();
  }
}
