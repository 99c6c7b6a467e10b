package dev.godwit.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.godwit.runtime.Migrator;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pooled connection to the database a command works on, proven reachable when opened. Opening
 * never creates a database: a mistyped H2 path is an error, not a new empty file.
 */
final class Database implements AutoCloseable {

  private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:?;,]+)(?::(\\d+))?");
  private static final Pattern PASSWORD_IN_URL =
      Pattern.compile("(?i)(password=)[^&;]*");
  private static final String BUNDLED = "godwit bundles the H2 (jdbc:h2:...) and PostgreSQL "
      + "(jdbc:postgresql://...) drivers";
  /** H2's error code for a database that does not exist when IFEXISTS is set. */
  private static final int H2_DATABASE_NOT_FOUND = 90146;

  private final HikariDataSource pool;
  private final Migrator migrator;

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.migrator = Migrator.create(pool);
  }

  /**
   * Connects, or explains in one sentence why not.
   *
   * @throws CommandException bad usage for a URL no bundled driver accepts; a failure for a database
   *     that does not answer or refuses the login
   */
  static Database open(String url, String user, String password) {
    String shown = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    if (!url.startsWith("jdbc:")) {
      throw CommandException.usage("--url must be a JDBC URL such as "
          + "jdbc:postgresql://localhost:5432/app or jdbc:h2:./data/app, not '" + shown + "'");
    }
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw CommandException.usage("no JDBC driver accepts --url '" + shown + "'; " + BUNDLED);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("godwit");
    config.setJdbcUrl(embeddedH2Settings(url));
    config.setUsername(user);
    config.setPassword(password);
    // A batch, the lease's heartbeat and an interrupt's pause may each hold one at the same time.
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    // Try once, at once: a database that is not there is reported now, not at the first batch.
    config.setInitializationFailTimeout(1);
    config.setExceptionOverrideClassName(KeepConnectionOnLockTimeout.class.getName());
    try {
      return new Database(new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException e) {
      throw CommandException.failure(unreachable(shown, user, e), e);
    }
  }

  Migrator migrator() {
    return migrator;
  }

  /**
   * A pool on a MySQL or MariaDB replica whose lag a run reads, as the same user; connected at its
   * first use, before the run's first batch, so an unreachable replica fails the run then.
   *
   * @param url the replica's JDBC URL
   */
  static HikariDataSource replica(String url, String user, String password) {
    if (!url.startsWith("jdbc:")) {
      throw CommandException.usage("--replica-url must be a JDBC URL such as "
          + "jdbc:mariadb://replica1:3306/app, not '" + PASSWORD_IN_URL.matcher(url)
              .replaceAll("$1***") + "'");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("godwit-replica");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * An embedded H2 database opens only if it exists (a server decides that for itself), and stays
   * open while the process exits, so that an interrupted run can still pause after its batch.
   */
  private static String embeddedH2Settings(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean embeddedH2 = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
        && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    if (!embeddedH2) {
      return url;
    }
    StringBuilder settings = new StringBuilder(url);
    if (!lower.contains(";ifexists=")) {
      settings.append(";IFEXISTS=TRUE");
    }
    // H2 refuses the setting with AUTO_SERVER, whose owner must close the database for its clients.
    if (!lower.contains(";db_close_on_exit=") && !lower.contains(";auto_server=true")) {
      settings.append(";DB_CLOSE_ON_EXIT=FALSE");
    }
    return settings.toString();
  }

  private static String unreachable(String url, String user, Exception failure) {
    SQLException error = find(failure, SQLException.class);
    String where = where(url);
    if (error != null && error.getErrorCode() == H2_DATABASE_NOT_FOUND) {
      return "there is no H2 database at " + where + "; check --url (godwit never creates a database)";
    }
    if (error != null && error.getSQLState() != null && error.getSQLState().startsWith("28")) {
      return "the database at " + where + " refused the login of user '" + user
          + "'; check --user and the " + Godwit.PASSWORD_VARIABLE + " environment variable";
    }
    return "could not reach the database at " + where + " (" + reason(failure, error)
        + "); check --url and that the database server is running";
  }

  /** Host and port for a server URL, the path for an embedded one. */
  private static String where(String url) {
    Matcher matcher = HOST_AND_PORT.matcher(url);
    if (matcher.find()) {
      String port = matcher.group(2) != null ? matcher.group(2) : defaultPort(url);
      return port == null ? matcher.group(1) : matcher.group(1) + ":" + port;
    }
    String path = url.replaceFirst("^jdbc:h2:(file:)?", "");
    int options = path.indexOf(';');
    return options < 0 ? path : path.substring(0, options);
  }

  private static String defaultPort(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return "5432";
    }
    return url.startsWith("jdbc:h2:") ? "9092" : null;
  }

  private static String reason(Throwable failure, SQLException error) {
    if (find(failure, ConnectException.class) != null) {
      return "connection refused";
    }
    UnknownHostException unknownHost = find(failure, UnknownHostException.class);
    if (unknownHost != null) {
      return "unknown host " + unknownHost.getMessage();
    }
    if (find(failure, SocketTimeoutException.class) != null) {
      return "no answer";
    }
    if (find(failure, NoRouteToHostException.class) != null) {
      return "no route to host";
    }
    String message = error != null ? error.getMessage() : failure.getMessage();
    if (message == null) {
      return failure.getClass().getSimpleName();
    }
    String firstLine = message.lines().findFirst().orElse(message);
    int end = firstLine.indexOf(". ");
    return (end < 0 ? firstLine : firstLine.substring(0, end)).strip();
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
