package dev.godwit.example;

import dev.godwit.example.app.Schema;
import dev.godwit.example.app.Seed;
import dev.godwit.example.app.Traffic;
import dev.godwit.example.model.Plan;
import dev.godwit.example.model.Team;
import dev.godwit.example.model.TeamDualRead;
import dev.godwit.example.model.TeamMigrations;
import dev.godwit.example.model.UserMigrations;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.Verification;
import dev.godwit.runtime.VerificationResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole widen → migrate → verify → narrow workflow on a real database, under live traffic: seeds
 * rows in the old format, keeps simulated application instances writing, dry-runs, runs every
 * migration with live progress, verifies, and proves that no write was lost.
 */
@Command(name = "godwit-demo", mixinStandardHelpOptions = true,
    description = "Runs every Godwit migration pattern on a database while simulated traffic writes.")
public final class Demo implements Callable<Integer> {

  @Option(names = "--url", description = "JDBC URL; default: an H2 file database under target/, recreated")
  String url;

  @Option(names = "--user", description = "database user (password from GODWIT_PASSWORD)")
  String user;

  @Option(names = "--rows", defaultValue = "100000",
      description = "teams to seed; users, embeddings and chunks scale with it (default: ${DEFAULT-VALUE})")
  int rows;

  private final PrintStream out;

  /** A demo printing to standard output. */
  public Demo() {
    this(System.out);
  }

  Demo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo.
   *
   * @param args {@code --url}, {@code --user}, {@code --rows}
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Demo()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rows < 1_000) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--rows must be at least 1000, not " + rows);
    }
    Report report = run(dataSource());
    return report.ok() ? 0 : 1;
  }

  /**
   * Runs the whole workflow on a database.
   *
   * @param dataSource the database; the example's tables in it are dropped and recreated
   * @return what happened
   * @throws Exception if the database fails
   */
  @SuppressWarnings("removal")
  Report run(DataSource dataSource) throws Exception {
    Seed seed = new Seed(rows);
    heading("1. The database after years of the old format");
    Schema.recreate(dataSource);
    long seedStart = System.nanoTime();
    seed.insert(dataSource);
    out.printf(Locale.ROOT, "Seeded %,d rows in the old format in %s.%n", seed.rows(),
        seconds(System.nanoTime() - seedStart));
    printTeams(dataSource, "Teams before", List.of(1L, 3L, 997L));

    Migrator migrator = Migrator.create(dataSource);
    heading("2. Widen deploy: the application writes both formats; one old instance still runs");
    long migrated = 0;
    long start = System.nanoTime();
    List<RunResult> results = new ArrayList<>();
    Traffic traffic = new Traffic(dataSource, seed.teams());
    try {
      heading("3. Dry run of teams.backfillPlan: one batch, rolled back");
      RunResult dry = migrator.run(TeamMigrations.backfillPlan(), RunOptions.dryRun());
      dry.changes().stream().limit(3).forEach(change ->
          out.printf(Locale.ROOT, "  id %s: %s -> %s%n", change.id(), change.before(), change.after()));
      out.printf(Locale.ROOT, "  %d rows would change in the first batch (first %d shown, 3 of them"
          + " printed above); nothing was kept.%n", dry.rowsWouldChange(), dry.changes().size());

      heading("4. Migrate while the traffic writes");
      out.println("  (the old instance retires once teams.backfillPlan has committed its first batch;"
          + " the rows it wrote are swept before the backfill is recorded as done)");
      start = System.nanoTime();
      results.addAll(runPhase(migrator, ExampleMigrations.widenPhase(), false, status -> {
        if (status.name().equals(TeamMigrations.backfillPlan().name())) {
          traffic.retireOldInstance();
        }
      }));
      heading("5. Narrow deploy: the old instance is gone, is_pro is no longer written");
      traffic.narrow();
      if (results.stream().allMatch(RunResult::succeeded)) {
        // the clears destroy data: a series runs them only when asked to, once no code reads it
        results.addAll(runPhase(migrator, ExampleMigrations.narrowPhase(), true, status -> {}));
      }
    } finally {
      traffic.close();
    }
    long elapsed = System.nanoTime() - start;
    for (RunResult result : results) {
      migrated += result.status().rowsVisited();
    }

    heading("6. Verify");
    boolean verified = true;
    for (Verification<?> verification : verifications()) {
      VerificationResult result = migrator.verify(verification);
      verified &= result.complete();
      out.printf(Locale.ROOT, "  %-28s %s%n", verification.name(), result.complete()
          ? "complete" : result.remaining() + " rows left, e.g. " + result.sampleIds());
    }
    long orphans = count(dataSource,
        "SELECT COUNT(*) FROM embeddings e WHERE NOT EXISTS"
            + " (SELECT 1 FROM chunks c WHERE c.embedding_id = e.id)");
    out.printf(Locale.ROOT, "  %-28s %s%n", "embeddings.deleteOrphans",
        orphans == 0 ? "complete" : orphans + " orphans left");
    verified &= orphans == 0;

    heading("7. After");
    printTeams(dataSource, "Teams after", List.of(1L, 3L, 997L));
    Team oldRow = new Team(42, "an old row", true, null);
    Team newRow = new Team(43, "a new row", null, Plan.BASIC);
    out.printf(Locale.ROOT, "  TeamDualRead.plan(%s) = %s%n", oldRow, TeamDualRead.plan(oldRow));
    out.printf(Locale.ROOT, "  TeamDualRead.plan(%s) = %s%n", newRow, TeamDualRead.plan(newRow));

    long lost = lostWrites(dataSource, traffic);
    Report report = new Report(results.stream().allMatch(RunResult::succeeded) && verified,
        migrated, elapsed, traffic.writes(), lost);
    heading("Summary");
    for (RunResult result : results) {
      MigrationStatus status = result.status();
      out.printf(Locale.ROOT, "  %-28s %-9s visited %,9d  changed %,9d%n", status.name(),
          status.state(), status.rowsVisited(), status.rowsChanged());
    }
    out.printf(Locale.ROOT, "  Rows migrated: %,d in %s (%,.0f rows/s)%n", migrated,
        seconds(elapsed), migrated / Math.max(elapsed / 1e9, 1e-3));
    out.printf(Locale.ROOT, "  Writes made by the traffic: %,d (plus %,d dual reads)%n",
        traffic.writes(), traffic.dualReads());
    out.printf(Locale.ROOT, "  Writes lost: %d%n", lost);
    out.printf(Locale.ROOT, "  Every verification complete: %s%n", verified ? "yes" : "NO");
    return report;
  }

  private List<RunResult> runPhase(Migrator migrator, List<Migration<?>> migrations,
      boolean includeDestructive, BatchHook hook) {
    ProgressPrinter progress = new ProgressPrinter(out, Duration.ofSeconds(1));
    RunOptions options = RunOptions.defaults().withIncludeDestructive(includeDestructive);
    List<RunResult> results = migrator.runAll(migrations, options.withListener(status -> {
      try {
        hook.afterBatch(status);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      progress.onProgress(status);
    }));
    for (RunResult result : results) {
      progress.finished(result.status());
    }
    return results;
  }

  private static List<Verification<?>> verifications() {
    List<Verification<?>> all = new ArrayList<>();
    for (Migration<?> migration : ExampleMigrations.widenPhase()) {
      migration.verification().ifPresent(all::add);
    }
    for (Migration<?> migration : ExampleMigrations.narrowPhase()) {
      migration.verification().ifPresent(all::add);
    }
    return all;
  }

  /** Rows whose name or plan is not the last value the traffic (or the seed) gave them. */
  private static long lostWrites(DataSource dataSource, Traffic traffic) throws SQLException {
    long lost = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, name, plan FROM teams ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String expectedName = traffic.lastName(id);
        if (expectedName == null) {
          String seeded = Seed.teamName(id);
          expectedName = seeded.isEmpty() ? "Team " + id : seeded;
        }
        Plan expectedPlan = traffic.lastPlan(id);
        if (expectedPlan == null) {
          expectedPlan = Seed.teamIsPro(id) ? Plan.PRO : Plan.BASIC;
        }
        if (!expectedName.equals(rs.getString(2)) || !expectedPlan.name().equals(rs.getString(3))) {
          lost++;
        }
      }
    }
    return lost;
  }

  private void printTeams(DataSource dataSource, String title, List<Long> ids) throws SQLException {
    out.println("  " + title + ":");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, name, is_pro, plan FROM teams WHERE id = ?")) {
      for (long id : ids) {
        select.setLong(1, id);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            Object isPro = rs.getObject(3);
            out.printf(Locale.ROOT, "    id=%d name='%s' is_pro=%s plan=%s%n",
                rs.getLong(1), rs.getString(2), isPro, rs.getString(4));
          }
        }
      }
    }
  }

  private static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void heading(String title) {
    out.println();
    out.println(title);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private DataSource dataSource() throws Exception {
    String password = System.getenv().getOrDefault("GODWIT_PASSWORD", "");
    if (url == null) {
      Path dir = Path.of(System.getProperty("godwit.demo.dir", "target/demo"));
      Files.createDirectories(dir);
      for (String suffix : List.of(".mv.db", ".trace.db")) {
        Files.deleteIfExists(dir.resolve("godwit-demo" + suffix));
      }
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("godwit-demo") + ";LOCK_TIMEOUT=10000");
      h2.setUser(user == null ? "sa" : user);
      h2.setPassword(password);
      out.println("Database: H2 file " + dir.toAbsolutePath().resolve("godwit-demo.mv.db"));
      return h2;
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user == null ? "sa" : user);
      h2.setPassword(password);
      return h2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(url);
      if (user != null) {
        postgres.setUser(user);
      }
      postgres.setPassword(password);
      out.println("Database: " + url);
      return postgres;
    }
    if (url.startsWith("jdbc:mariadb:")) {
      org.mariadb.jdbc.MariaDbDataSource mariaDb = new org.mariadb.jdbc.MariaDbDataSource(url);
      if (user != null) {
        mariaDb.setUser(user);
      }
      mariaDb.setPassword(password);
      out.println("Database: " + url.split("[?;]", 2)[0]);
      return mariaDb;
    }
    throw new CommandLine.ParameterException(new CommandLine(this),
        "--url must be a jdbc:h2:, jdbc:postgresql: or jdbc:mariadb: URL, not " + url);
  }

  /** Something the demo does after a batch commits. */
  @FunctionalInterface
  private interface BatchHook {
    void afterBatch(MigrationStatus status) throws InterruptedException;
  }

  /**
   * What the demo proved.
   *
   * @param ok every migration succeeded, every verification is complete and no write was lost
   * @param rowsMigrated rows visited by the migrations
   * @param nanos time the migrations took
   * @param writes writes the traffic committed meanwhile
   * @param lostWrites writes whose value is not in the database at the end
   */
  record Report(boolean ok, long rowsMigrated, long nanos, long writes, long lostWrites) {}
}
