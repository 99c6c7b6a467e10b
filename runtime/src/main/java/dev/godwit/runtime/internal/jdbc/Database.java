package dev.godwit.runtime.internal.jdbc;

import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.spi.Dialect;
import dev.godwit.runtime.spi.DialectProvider;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The database a migrator works on: its connections and its dialect, detected on first use. */
public final class Database {

  private final DataSource dataSource;
  private final DecimalScales decimalScales = new DecimalScales();
  /** The provider chosen by the user, or {@code null} to find one by the database's metadata. */
  private final DialectProvider provider;
  private volatile Dialect dialect;

  public Database(DataSource dataSource, DialectProvider provider) {
    this.dataSource = dataSource;
    this.provider = provider;
  }

  /** Work done on a connection. */
  @FunctionalInterface
  public interface Work<R> {
    R run(Connection connection) throws SQLException;
  }

  /**
   * H2's {@code DATABASE_IS_IN_EXCLUSIVE_MODE}: H2 refuses a new connection, rather than queueing
   * it, while another session holds the database in exclusive mode (H2 documentation, "SET
   * EXCLUSIVE"), as Godwit's own H2 schema steps do for at most their lock timeout per try.
   */
  private static final int H2_EXCLUSIVE_MODE = 90135;

  /** How long a connection refused for H2's exclusive mode is tried again, in milliseconds. */
  private static final long EXCLUSIVE_MODE_WAIT_MILLIS = 30_000;

  /**
   * A new connection in auto-commit mode; the caller closes it. A connection H2 refuses because
   * another session holds the database in exclusive mode is tried again for up to {@value
   * #EXCLUSIVE_MODE_WAIT_MILLIS} ms.
   *
   * @throws MigrationException if the database cannot be reached
   */
  public Connection connect() {
    Connection connection;
    long deadline = System.nanoTime() + EXCLUSIVE_MODE_WAIT_MILLIS * 1_000_000;
    while (true) {
      try {
        connection = dataSource.getConnection();
        break;
      } catch (SQLException e) {
        if (e.getErrorCode() != H2_EXCLUSIVE_MODE || System.nanoTime() > deadline) {
          throw unreachable(e);
        }
        waitForExclusiveMode(e);
      } catch (RuntimeException e) {
        // closed pools say so with an unchecked exception (H2's IllegalStateException) as often as
        // not
        throw unreachable(e);
      }
    }
    try {
      if (dialect == null) {
        dialect = provider == null ? Dialect.of(connection)
            : provider.create(connection.getMetaData());
      }
      connection.setAutoCommit(true);
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e instanceof MigrationException migration ? migration : unreachable(e);
    }
  }

  private void waitForExclusiveMode(SQLException refusal) {
    try {
      Thread.sleep(20);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw unreachable(refusal);
    }
  }

  /**
   * A connection for a run's batches, in a transaction and read committed whatever the data source's
   * default: a batch is made safe by its row locks, and under a snapshot isolation it would also fail
   * on every row the application wrote since it began (H2 would even lock whole tables). Closing it
   * gives it back with the isolation it came with.
   *
   * @throws MigrationException if the database cannot be reached
   */
  public BatchConnection connectForBatches() throws SQLException {
    Connection connection = connect();
    try {
      int isolation = connection.getTransactionIsolation();
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      connection.setAutoCommit(false);
      dialect.beginBatches(connection);
      return new BatchConnection(connection, isolation, dialect);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** A connection set up for batches, and the isolation to give it back with. */
  public record BatchConnection(Connection connection, int isolation, Dialect dialect)
      implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      try {
        if (!connection.isClosed()) {
          connection.rollback();
          dialect.endBatches(connection);
        }
        if (isolation != Connection.TRANSACTION_READ_COMMITTED && !connection.isClosed()) {
          connection.setAutoCommit(true);
          connection.setTransactionIsolation(isolation);
        }
      } catch (SQLException e) {
        // a broken connection keeps no isolation worth restoring; it is closed below all the same
      } finally {
        connection.close();
      }
    }
  }

  /** The declared scales of the NUMERIC columns the catalog check has seen on this database. */
  public DecimalScales decimalScales() {
    return decimalScales;
  }

  /** The dialect, connecting once to detect it if needed. */
  public Dialect dialect() {
    if (dialect == null) {
      closeQuietly(connect());
    }
    return dialect;
  }

  /** Runs work on a new auto-commit connection and closes it. */
  public <R> R call(Work<R> work) throws SQLException {
    try (Connection connection = connect()) {
      return work.run(connection);
    }
  }

  /** The one-sentence error for a database that does not answer. */
  public MigrationException unreachable(Throwable cause) {
    return new MigrationException(ErrorCode.DATABASE_UNREACHABLE,
        ErrorCode.DATABASE_UNREACHABLE.message(describe(), Errors.oneLine(cause)), cause);
  }

  /**
   * Where the database is, when the data source tells its URL, for messages: without the URL's
   * parameters, which some drivers list in full, every default included.
   */
  public String describe() {
    for (String getter : new String[] {"getUrl", "getURL", "getJdbcUrl"}) {
      try {
        Method method = dataSource.getClass().getMethod(getter);
        Object url = method.invoke(dataSource);
        if (url != null) {
          return "at " + url.toString().split("[?;]", 2)[0];
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // this data source does not say its URL; try the next getter
      }
    }
    return "behind " + dataSource.getClass().getSimpleName();
  }

  public static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // nothing more can be done with a resource that fails to close
    }
  }
}
