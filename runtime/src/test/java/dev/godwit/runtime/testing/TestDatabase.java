package dev.godwit.runtime.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases every test runs against: H2 (in memory) and PostgreSQL (an embedded server
 * started once per JVM from a Maven dependency, or the server named by {@code GODWIT_TEST_POSTGRES_URL}
 * with {@code GODWIT_TEST_POSTGRES_USER} and {@code GODWIT_TEST_POSTGRES_PASSWORD}).
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
}
