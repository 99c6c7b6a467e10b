package dev.godwit.runtime.reliability;

import dev.godwit.runtime.Db;
import dev.godwit.runtime.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases of the reliability suite, which keeps data on disk as production does: H2 in files
 * (embedded, or served over TCP so other processes reach it) and PostgreSQL. Everything a test opened
 * is shut down and its files deleted after it. Register with {@code @RegisterExtension}.
 */
final class Databases implements AfterEachCallback {

  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private Path directory;
  private int count;

  /** An empty database: H2 in a file of its own, or a new database on the shared PostgreSQL or
   * MariaDB. */
  Db create(TestDatabase kind) {
    if (kind != TestDatabase.H2) {
      return new Db(kind);
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory().resolve("db" + ++count) + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    opened.push(() -> shutDown(h2));
    return new Db(kind, h2);
  }

  /**
   * An empty database that other processes reach too: H2 served over TCP from a file, or a new
   * database on the shared PostgreSQL.
   */
  Db createShared(TestDatabase kind) {
    return kind != TestDatabase.H2 ? new Db(kind) : new Db(kind, startServer(kind).dataSource());
  }

  /** A server of the test's own, which it may stop and start again; stopped after the test. */
  DatabaseServer startServer(TestDatabase kind) {
    Path files = directory().resolve("server" + ++count);
    DatabaseServer server = DatabaseServer.start(kind, files);
    opened.push(server);
    return server;
  }

  /** A directory of the test's own, deleted after it. */
  Path directory() {
    if (directory == null) {
      try {
        directory = Files.createTempDirectory("godwit-reliability-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return directory;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
      directory = null;
    }
  }

  private static void shutDown(DataSource h2) {
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already closed, which is all shutting it down is for
    }
  }
}
