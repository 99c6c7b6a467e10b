package dev.godwit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases the harness measures on: an embedded PostgreSQL server started from its Maven
 * dependency, and H2 in memory, in the harness's own JVM. H2 in a file was tried first: its
 * background compaction of the previous run's garbage fell on whichever strategy ran next, so the
 * order of the strategies changed their figures more than the strategies did.
 */
enum Backend {
  POSTGRES("PostgreSQL") {
    @Override
    BenchDatabase open(Path workDir) throws IOException, SQLException {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE bench");
      }
      DataSource direct = server.getDatabase("postgres", "bench");
      return new BenchDatabase(this, pool(server.getJdbcUrl("postgres", "bench"), "postgres"), direct,
          server);
    }

    @Override
    String loadSql() {
      return "INSERT INTO teams (id, name, is_pro, visits)"
          + " SELECT g, 'team ' || g, g % 4 = 0, 0 FROM generate_series(1, ?) AS g";
    }
  },

  H2("H2") {
    @Override
    BenchDatabase open(Path workDir) {
      // H2's own lock timeout, said aloud: the writer gives up on a row locked for longer than this
      String url = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT="
          + H2_LOCK_TIMEOUT_MILLIS;
      JdbcDataSource direct = new JdbcDataSource();
      direct.setURL(url);
      direct.setUser("sa");
      return new BenchDatabase(this, pool(url, "sa"), direct, () -> {
        try (Connection connection = direct.getConnection();
            Statement statement = connection.createStatement()) {
          statement.execute("SHUTDOWN");
        } catch (SQLException e) {
          throw new UncheckedIOException(new IOException("could not shut H2 down", e));
        }
      });
    }

    @Override
    String loadSql() {
      return "INSERT INTO teams (id, name, is_pro, visits)"
          + " SELECT X, 'team ' || X, MOD(X, 4) = 0, 0 FROM SYSTEM_RANGE(1, ?)";
    }
  };

  /** How long an H2 statement waits for a row lock before it fails. */
  static final int H2_LOCK_TIMEOUT_MILLIS = 1000;

  private final String label;

  Backend(String label) {
    this.label = label;
  }

  /** The database's name in the report. */
  String label() {
    return label;
  }

  /**
   * Starts (PostgreSQL) or creates (H2) an empty database.
   *
   * @param workDir a temporary folder the harness deletes afterwards
   */
  abstract BenchDatabase open(Path workDir) throws IOException, SQLException;

  /** Inserts rows {@code 1..?} of {@code teams} in the old format: no plan, no seats. */
  abstract String loadSql();

  /**
   * The pool every strategy draws its connections from, as an application would give one to a
   * migration library.
   */
  private static HikariDataSource pool(String url, String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setMaximumPoolSize(4);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }
}
