package dev.godwit.runtime.dialect.mysql;

import dev.godwit.runtime.HealthSignal;
import dev.godwit.runtime.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Waits while a MySQL or MariaDB replica is more than the allowed lag behind, or is not replicating.
 * A primary cannot see its replicas' lag, so the signal connects to each replica given and reads
 * {@code SHOW REPLICA STATUS} (MySQL 8.0.22+, MariaDB 10.5.1+; {@code SHOW SLAVE STATUS} on older
 * servers): its {@code Seconds_Behind_Source} (MySQL's name since 8.0.22) or {@code
 * Seconds_Behind_Master} (MariaDB's, and MySQL's before), whole seconds by which the replica's
 * applier trails the source's events, a delay set with {@code MASTER_DELAY} included. Both manuals
 * give NULL when the applier or the receiver thread is not running: a stopped replica, which is
 * waited for with the threads' states and last error as the reason, as is a server that shows no
 * replication at all (given as a replica by mistake, or reset). On a replica of several sources
 * (channels) the worst is reported.
 */
final class MySqlReplicaLag implements HealthSignal {

  /** MySQL's and MariaDB's ER_SPECIFIC_ACCESS_DENIED_ERROR. */
  private static final int ACCESS_DENIED = 1227;

  /** ER_PARSE_ERROR: a server older than {@code SHOW REPLICA STATUS}. */
  private static final int PARSE_ERROR = 1064;

  private final List<DataSource> replicas;
  private final Duration maxLag;

  MySqlReplicaLag(List<DataSource> replicas, Duration maxLag) {
    this.replicas = List.copyOf(replicas);
    this.maxLag = maxLag;
  }

  @Override
  public String name() {
    return "mysql.replica-lag";
  }

  @Override
  public Optional<String> missingPrivilege(Connection connection, Table<?> table)
      throws SQLException {
    for (DataSource replica : replicas) {
      try (Connection replicaConnection = replica.getConnection()) {
        try {
          status(replicaConnection);
        } catch (SQLException e) {
          if (e.getErrorCode() != ACCESS_DENIED) {
            throw e;
          }
          boolean mariaDb = replicaConnection.getMetaData().getDatabaseProductName()
              .toLowerCase(Locale.ROOT).contains("mariadb");
          return Optional.of("cannot read SHOW REPLICA STATUS on replica " + name(replicaConnection)
              + " without the " + (mariaDb ? "REPLICA MONITOR" : "REPLICATION CLIENT")
              + " privilege (GRANT " + (mariaDb ? "REPLICA MONITOR" : "REPLICATION CLIENT")
              + " ON *.* TO " + replicaConnection.getMetaData().getUserName().split("@")[0] + ")");
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> check(Connection connection, Table<?> table) throws SQLException {
    List<String> reasons = new ArrayList<>();
    for (DataSource replica : replicas) {
      try (Connection replicaConnection = replica.getConnection()) {
        reason(name(replicaConnection), status(replicaConnection)).ifPresent(reasons::add);
      }
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /**
   * Why to wait on one replica, from the rows of its {@code SHOW REPLICA STATUS}, one per source.
   *
   * @param replica names the replica in the reason
   * @param channels each source's columns by name
   */
  Optional<String> reason(String replica, List<ReplicaStatus> channels) {
    if (channels.isEmpty()) {
      return Optional.of("replica " + replica + " is not replicating (SHOW REPLICA STATUS shows"
          + " no source)");
    }
    ReplicaStatus worst = null;
    for (ReplicaStatus channel : channels) {
      if (channel.secondsBehind() == null) {
        return Optional.of("replica " + replica + " has stopped replicating (receiver thread "
            + channel.receiverRunning() + ", applier thread " + channel.applierRunning()
            + (channel.lastError() == null || channel.lastError().isEmpty() ? ""
                : ", last error: " + channel.lastError()) + ")");
      }
      if (worst == null || channel.secondsBehind() > worst.secondsBehind()) {
        worst = channel;
      }
    }
    if (worst.secondsBehind() * 1000 <= maxLag.toMillis()) {
      return Optional.empty();
    }
    return Optional.of("replica " + replica + " is " + worst.secondsBehind() + " s behind, more"
        + " than the " + String.format(Locale.ROOT, "%.1f", maxLag.toMillis() / 1000.0)
        + " s allowed");
  }

  /**
   * One row of {@code SHOW REPLICA STATUS}.
   *
   * @param secondsBehind whole seconds, or {@code null} when a replication thread is not running
   * @param receiverRunning {@code Replica_IO_Running}: {@code Yes}, {@code No} or {@code
   *     Connecting}
   * @param applierRunning {@code Replica_SQL_Running}: {@code Yes} or {@code No}
   * @param lastError the applier's or receiver's last error, or empty
   */
  record ReplicaStatus(Long secondsBehind, String receiverRunning, String applierRunning,
      String lastError) {}

  /** The replica's status rows, read by either generation of column names. */
  static List<ReplicaStatus> status(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = showStatus(statement)) {
        ResultSetMetaData meta = rows.getMetaData();
        int seconds = column(meta, "Seconds_Behind_Source", "Seconds_Behind_Master");
        int receiver = column(meta, "Replica_IO_Running", "Slave_IO_Running");
        int applier = column(meta, "Replica_SQL_Running", "Slave_SQL_Running");
        int sqlError = column(meta, "Last_SQL_Error");
        int ioError = column(meta, "Last_IO_Error");
        List<ReplicaStatus> channels = new ArrayList<>();
        while (rows.next()) {
          long behind = rows.getLong(seconds);
          Long secondsBehind = rows.wasNull() ? null : behind;
          String error = rows.getString(sqlError);
          if (error == null || error.isEmpty()) {
            error = rows.getString(ioError);
          }
          channels.add(new ReplicaStatus(secondsBehind, rows.getString(receiver),
              rows.getString(applier), error));
        }
        return channels;
      }
    }
  }

  private static ResultSet showStatus(Statement statement) throws SQLException {
    try {
      return statement.executeQuery("SHOW REPLICA STATUS");
    } catch (SQLException e) {
      if (e.getErrorCode() != PARSE_ERROR) {
        throw e;
      }
      return statement.executeQuery("SHOW SLAVE STATUS");
    }
  }

  private static int column(ResultSetMetaData meta, String... names) throws SQLException {
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      for (String name : names) {
        if (name.equalsIgnoreCase(meta.getColumnLabel(i))) {
          return i;
        }
      }
    }
    throw new SQLException("SHOW REPLICA STATUS has no column " + String.join(" or ", names));
  }

  /** The replica's URL without its parameters, which may hold credentials. */
  private static String name(Connection connection) throws SQLException {
    String url = connection.getMetaData().getURL();
    return url == null ? "?" : url.split("[?;]", 2)[0];
  }
}
