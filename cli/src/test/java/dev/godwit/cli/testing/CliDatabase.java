package dev.godwit.cli.testing;

import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A database the command line reaches by URL: an H2 file database in a test's folder, or a fresh
 * database on the embedded PostgreSQL server. The test fills and inspects it through
 * {@link #dataSource()}; the command line gets {@link #url()} and {@link #user()}.
 */
public final class CliDatabase implements AutoCloseable {

  private final String url;
  private final String user;
  private final DataSource dataSource;
  private final Connection keeper;

  private CliDatabase(String url, String user, DataSource dataSource, Connection keeper) {
    this.url = url;
    this.user = user;
    this.dataSource = dataSource;
    this.keeper = keeper;
  }

  /** A new empty database of the given kind; H2 ones are files in {@code folder}. */
  public static CliDatabase create(TestDatabase kind, Path folder) {
    return create(kind, folder, false);
  }

  /**
   * A new empty database that other processes can open at the same time: H2 in AUTO_SERVER mode, or
   * PostgreSQL. An H2 one is held open by this process until {@link #close()}, so that this process
   * stays its server: were the processes to take turns, closing it would cut the others off.
   */
  public static CliDatabase shared(TestDatabase kind, Path folder) {
    return create(kind, folder, true);
  }

  private static CliDatabase create(TestDatabase kind, Path folder, boolean shared) {
    if (kind == TestDatabase.H2) {
      String url = "jdbc:h2:file:" + folder.resolve("app").toAbsolutePath() + (shared ? ";AUTO_SERVER=TRUE" : "");
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL(url);
      dataSource.setUser("sa");
      try {
        // Opening an H2 database creates it: the command line only opens existing ones.
        Connection connection = dataSource.getConnection();
        if (!shared) {
          connection.close();
        }
        return new CliDatabase(url, "sa", dataSource, shared ? connection : null);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the test database", e);
      }
    }
    DataSource dataSource = kind.newDatabase();
    try (Connection connection = dataSource.getConnection()) {
      return new CliDatabase(connection.getMetaData().getURL(), connection.getMetaData().getUserName(),
          dataSource, null);
    } catch (SQLException e) {
      throw new IllegalStateException("could not open the test database", e);
    }
  }

  /** Lets an H2 database close once every other connection has. */
  @Override
  public void close() throws SQLException {
    if (keeper != null) {
      keeper.close();
    }
  }

  /** The JDBC URL the command line gets. */
  public String url() {
    return url;
  }

  /** The user the command line gets. */
  public String user() {
    return user;
  }

  /** The database, for the test to fill and inspect. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The given arguments followed by this database's {@code --url} and {@code --user}. */
  public String[] args(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--url", url, "--user", user));
    return all.toArray(String[]::new);
  }

  /** Runs statements, each in its own transaction. */
  public void execute(String... statements) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + Arrays.toString(statements), e);
    }
  }

  /** The single number a query returns. */
  public long count(String query) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + query, e);
    }
  }

  /**
   * The state the state table records for a migration, or {@code null} if it has no row or there is
   * no state table.
   */
  public String recordedState(String migration) {
    try (Connection connection = dataSource.getConnection()) {
      if (!hasStateTable(connection)) {
        return null;
      }
      try (PreparedStatement statement =
              connection.prepareStatement("SELECT state FROM godwit_migrations WHERE name = ?")) {
        statement.setString(1, migration);
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next() ? rows.getString(1) : null;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the state of " + migration, e);
    }
  }

  private static boolean hasStateTable(Connection connection) throws SQLException {
    for (String name : List.of("godwit_migrations", "GODWIT_MIGRATIONS")) {
      try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null,
          name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Creates {@code teams} with {@code count} teams, ids 1.., odd ones pro, every plan unset. */
  public void createTeams(int count) {
    execute("CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(100), is_pro BOOLEAN, "
        + "plan VARCHAR(20))");
    List<String> inserts = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      inserts.add("INSERT INTO teams (id, name, is_pro) VALUES (" + id + ", 'team " + id + "', "
          + (id % 2 == 1) + ")");
    }
    execute(inserts.toArray(String[]::new));
  }

  /** Creates {@code slow_items} with {@code count} untouched items, ids 1... */
  public void createItems(int count) {
    execute("CREATE TABLE slow_items (id BIGINT PRIMARY KEY, touched BOOLEAN)");
    List<String> inserts = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      inserts.add("INSERT INTO slow_items (id) VALUES (" + id + ")");
    }
    execute(inserts.toArray(String[]::new));
  }
}
