package dev.godwit.example;

import dev.godwit.example.app.Schema;
import dev.godwit.example.app.Seed;
import dev.godwit.example.app.Traffic;
import dev.godwit.example.model.Plan;
import dev.godwit.example.model.TeamMigrations;
import dev.godwit.example.model.TeamVerification;
import dev.godwit.runtime.ApplyResult;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.RowChange;
import dev.godwit.runtime.RunOptions;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.SchemaCheckException;
import dev.godwit.runtime.SchemaMismatchException;
import dev.godwit.runtime.SchemaPlan;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.TableSchema;
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
 * The whole lifecycle on a real database, under live traffic, with the generated code of three
 * versions of the {@code teams} entity: starts from deploy 0's schema and rows, plans and applies
 * deploy 1's expand phase, dry-runs and runs the backfills while simulated instances write, shows
 * deploy 2's narrow refused while an old instance still writes the old format and applied once it
 * stops, drops the removed column in deploy 3's contract phase, checks the code against the database
 * at each deploy, and proves that no write was lost.
 */
@Command(name = "godwit-demo", mixinStandardHelpOptions = true,
    description = "Runs the expand, migrate, narrow and contract phases on a database while simulated"
        + " traffic writes.")
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
   * Runs the whole lifecycle on a database.
   *
   * @param dataSource the database; the example's tables in it are dropped and recreated
   * @return what happened
   * @throws Exception if the database fails
   */
  Report run(DataSource dataSource) throws Exception {
    Seed seed = new Seed(rows);
    heading("1. Deploy 0: the database after years of the old format");
    Schema.recreate(dataSource);
    long seedStart = System.nanoTime();
    seed.insert(dataSource);
    out.printf(Locale.ROOT, "  Seeded %,d rows in the old format in %s: teams have is_pro and no"
        + " plan, users no role, and there is no user_preferences table.%n", seed.rows(),
        seconds(System.nanoTime() - seedStart));
    printTeams(dataSource, "Teams before", List.of(1L, 3L, 997L), false);

    Migrator migrator = Migrator.create(dataSource);
    heading("2. Deploy 1, expand: the plan (godwit schema plan)");
    SchemaPlan plan = migrator.plan(ExampleMigrations.deploy1());
    printSteps(plan.steps(Phase.EXPAND));
    out.printf(Locale.ROOT, "  narrow: %d steps, contract: %d steps (deploy 1 requires and removes"
        + " nothing new)%n", plan.steps(Phase.NARROW).size(), plan.steps(Phase.CONTRACT).size());

    heading("3. Deploy 1, expand: apply (godwit schema apply --phase expand)");
    ApplyResult expand = migrator.apply(ExampleMigrations.deploy1(), Phase.EXPAND);
    printApplied(expand);
    List<String> columnsAdded = expand.applied().stream()
        .filter(step -> step.kind() == SchemaStep.Kind.ADD_COLUMN)
        .map(step -> step.table() + "." + step.column().orElseThrow())
        .toList();

    heading("4. Deploy 1 rolls out: two instances write both formats, one old instance still"
        + " writes only is_pro");
    Traffic traffic = new Traffic(dataSource, seed.teams());
    long start = System.nanoTime();
    boolean narrowRefused = false;
    ApplyResult narrow;
    ApplyResult contract;
    boolean finalCheck;
    try {
      heading("5. Dry run of teams.backfillPlan: its first batch, rolled back");
      RunResult dry = migrator.run(TeamMigrations.backfillPlan(), RunOptions.dryRun());
      out.printf(Locale.ROOT, "  %d rows would change (first %d shown)%n",
          dry.rowsWouldChange(), dry.changes().size());
      for (RowChange change : dry.changes()) {
        out.printf(Locale.ROOT, "    id %s: %s -> %s%n", change.id(), change.before(), change.after());
      }
      out.println("  Nothing was kept.");

      heading("6. Migrate while the traffic writes (godwit run --all)");
      runPhase(migrator, ExampleMigrations.migratePhase());
      traffic.awaitOldInstanceWrites(3);
      VerificationResult left = migrator.verify(TeamVerification.backfillPlan());
      MigrationStatus backfill = migrator.status(left.name()).orElseThrow();
      out.printf(Locale.ROOT, "  %s %s, but the old instance keeps writing the old format: its"
          + " verification now finds %d rows without a plan.%n", left.name(),
          backfill.state() == MigrationState.SUCCEEDED
              ? "swept the rows the old instance had written before it ended"
              : "ended " + backfill.state() + " (" + backfill.error() + ")",
          left.remaining());
      out.println("  Run by name, as it destroys data (godwit run embeddings.deleteOrphans):");
      runPhase(migrator, ExampleMigrations.onRequest());

      heading("7. godwit check, deploy 1");
      check(migrator, ExampleMigrations.deploy1(), "deploy 1");

      heading("8. Deploy 2 too early: plan is required, but the old instance still writes rows"
          + " without it");
      boolean checkRefused = !check(migrator, ExampleMigrations.deploy2(), "deploy 2");
      try {
        migrator.apply(ExampleMigrations.deploy2(), Phase.NARROW);
        out.println("  narrow was applied: it should have been refused");
      } catch (MigrationException e) {
        narrowRefused = checkRefused && e.code() == ErrorCode.SCHEMA_STEP_REFUSED;
        out.println("  godwit schema apply --phase narrow is refused: " + e.getMessage());
      }

      heading("9. The old instance stops; the backfill completes");
      traffic.retireOldInstance();
      out.printf(Locale.ROOT, "  The old instance wrote %,d teams in the old format.%n",
          traffic.oldInstanceWrites());
      runPhase(migrator, List.of(TeamMigrations.backfillPlan()));
      if (!allSucceeded(migrator, ExampleMigrations.migratePhase())) {
        // the first series stopped at a migration that failed: run the rest now
        runPhase(migrator, ExampleMigrations.migratePhase());
      }
      check(migrator, ExampleMigrations.deploy2(), "deploy 2");

      heading("10. Deploy 2 rolls out (no more writes of is_pro), then narrow"
          + " (godwit schema apply --phase narrow)");
      traffic.narrow();
      printSteps(migrator.plan(ExampleMigrations.deploy2()).steps(Phase.NARROW));
      narrow = migrator.apply(ExampleMigrations.deploy2(), Phase.NARROW);
      printApplied(narrow);

      heading("11. Deploy 3 rolls out (isPro removed from the code), then contract"
          + " (godwit schema apply --phase contract)");
      check(migrator, ExampleMigrations.deploy3(), "deploy 3");
      SchemaPlan contractPlan = migrator.plan(ExampleMigrations.deploy3());
      printSteps(contractPlan.steps(Phase.CONTRACT));
      out.println("  No clear first: deploy 2's teams.clearIsPro would set is_pro to NULL in every"
          + " row, rewriting the whole table for nothing the DROP COLUMN does not do.");
      contract = migrator.apply(ExampleMigrations.deploy3(), Phase.CONTRACT);
      printApplied(contract);
      finalCheck = check(migrator, ExampleMigrations.deploy3(), "deploy 3");
    } finally {
      traffic.close();
    }
    long elapsed = System.nanoTime() - start;

    heading("12. Verify (godwit verify)");
    boolean verified = true;
    for (Migration<?> migration : ExampleMigrations.migratePhase()) {
      if (migration.verification().isPresent()) {
        VerificationResult result = migrator.verify(migration.verification().get());
        verified &= result.complete();
        out.printf(Locale.ROOT, "  %-28s %s%n", result.name(), result.complete()
            ? "complete" : result.remaining() + " rows left, e.g. " + result.sampleIds());
      }
    }
    long orphans = count(dataSource,
        "SELECT COUNT(*) FROM embeddings e WHERE NOT EXISTS"
            + " (SELECT 1 FROM chunks c WHERE c.embedding_id = e.id)");
    out.printf(Locale.ROOT, "  %-28s %s%n", "embeddings.deleteOrphans",
        orphans == 0 ? "complete" : orphans + " orphans left");
    verified &= orphans == 0;
    boolean planEmpty = migrator.plan(ExampleMigrations.deploy3()).isEmpty();
    out.printf(Locale.ROOT, "  %-28s %s%n", "schema plan of deploy 3",
        planEmpty ? "nothing left to apply" : "steps left");

    heading("13. After");
    printTeams(dataSource, "Teams after", List.of(1L, 3L, 997L), true);

    List<MigrationStatus> statuses = new ArrayList<>();
    for (Migration<?> migration : concat(ExampleMigrations.migratePhase(),
        ExampleMigrations.onRequest())) {
      statuses.add(migrator.status(migration.name()).orElseThrow());
    }
    long migrated = statuses.stream().mapToLong(MigrationStatus::rowsVisited).sum();
    boolean succeeded = statuses.stream()
        .allMatch(status -> status.state() == MigrationState.SUCCEEDED);
    long lost = lostWrites(dataSource, traffic);
    Report report = new Report(succeeded && verified && planEmpty && finalCheck && narrowRefused,
        columnsAdded, narrowRefused, steps(narrow), steps(contract), migrated, elapsed,
        traffic.writes(), lost);
    heading("Summary");
    for (MigrationStatus status : statuses) {
      out.printf(Locale.ROOT, "  %-28s %-9s visited %,9d  changed %,9d%n", status.name(),
          status.state(), status.rowsVisited(), status.rowsChanged());
    }
    out.printf(Locale.ROOT, "  Schema steps applied: expand %d, narrow %d, contract %d%n",
        expand.applied().size(), narrow.applied().size(), contract.applied().size());
    out.printf(Locale.ROOT, "  Deploy 2 checked and narrow refused while rows were left: %s%n",
        narrowRefused ? "yes" : "NO");
    out.printf(Locale.ROOT, "  Rows migrated: %,d; lifecycle under traffic in %s%n", migrated,
        seconds(elapsed));
    out.printf(Locale.ROOT, "  Writes made by the traffic: %,d (plus %,d dual reads)%n",
        traffic.writes(), traffic.dualReads());
    out.printf(Locale.ROOT, "  Writes lost: %d%n", lost);
    out.printf(Locale.ROOT, "  Every verification complete: %s%n", verified ? "yes" : "NO");
    out.printf(Locale.ROOT, "  Deploy 3's check: %s%n", finalCheck ? "passes" : "FAILS");
    return report;
  }

  /**
   * Runs migrations in order with live progress, each line printed as the runtime reports it; a
   * series skips those already done and stops at one that fails.
   */
  private void runPhase(Migrator migrator, List<Migration<?>> migrations) {
    ProgressPrinter progress = new ProgressPrinter(out, Duration.ofSeconds(1));
    if (migrations.size() == 1) {
      migrator.run(migrations.get(0), RunOptions.defaults().withListener(progress));
    } else {
      migrator.runAll(migrations, RunOptions.defaults().withListener(progress));
    }
  }

  private static boolean allSucceeded(Migrator migrator, List<Migration<?>> migrations) {
    return migrations.stream().allMatch(migration -> migrator.status(migration.name())
        .filter(status -> status.state() == MigrationState.SUCCEEDED).isPresent());
  }

  /** Runs {@code godwit check}'s check, printing whether it passes or each problem. */
  private boolean check(Migrator migrator, List<TableSchema<?>> schemas, String deploy) {
    try {
      migrator.check(schemas);
      out.printf(Locale.ROOT, "  check of %s passes: the database holds what its code expects%n",
          deploy);
      return true;
    } catch (SchemaCheckException e) {
      out.printf(Locale.ROOT, "  check of %s fails:%n", deploy);
      for (SchemaMismatchException.Problem problem : e.problems()) {
        out.println("    " + problem.message());
      }
      return false;
    }
  }

  private void printSteps(List<SchemaStep> steps) {
    if (steps.isEmpty()) {
      out.println("  (no step)");
    }
    for (SchemaStep step : steps) {
      out.printf(Locale.ROOT, "  %s: %s%n", step.phase().label(), step.description());
      for (String statement : step.statements()) {
        out.println("      " + statement + ";");
      }
      for (SchemaStep.Guard guard : step.guards()) {
        out.println("      guarded by: " + guard.description());
      }
    }
  }

  private void printApplied(ApplyResult result) {
    for (ApplyResult.StepResult step : result.steps()) {
      out.printf(Locale.ROOT, "  applied: %s %s%s (%d %s)%n", step.step().kind(),
          step.step().table(), step.step().column().map(column -> "." + column).orElse(""),
          step.tries(), step.tries() == 1 ? "try" : "tries");
    }
  }

  private static List<String> steps(ApplyResult result) {
    return result.applied().stream()
        .map(step -> step.kind() + " " + step.table() + step.column().map(c -> "." + c).orElse(""))
        .toList();
  }

  private static List<Migration<?>> concat(List<Migration<?>> first, List<Migration<?>> second) {
    List<Migration<?>> all = new ArrayList<>(first);
    all.addAll(second);
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

  private void printTeams(DataSource dataSource, String title, List<Long> ids, boolean after)
      throws SQLException {
    out.println("  " + title + ":");
    String sql = after ? "SELECT id, name, plan FROM teams WHERE id = ?"
        : "SELECT id, name, is_pro FROM teams WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (long id : ids) {
        select.setLong(1, id);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            out.printf(Locale.ROOT, "    id=%d name='%s' %s=%s%n", rs.getLong(1), rs.getString(2),
                after ? "plan" : "is_pro", rs.getString(3));
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
    throw new CommandLine.ParameterException(new CommandLine(this),
        "--url must be a jdbc:h2: or jdbc:postgresql: URL, not " + url);
  }

  /**
   * What the demo proved.
   *
   * @param ok every migration succeeded, every verification is complete, narrow was refused while
   *     rows were left, deploy 3's check passes and nothing is left to plan
   * @param columnsAdded the columns the expand phase added, as {@code table.column}
   * @param narrowRefused whether deploy 2's check failed and its narrow was refused while the old
   *     instance's rows lacked a plan
   * @param narrowApplied the narrow steps applied, as {@code KIND table.column}
   * @param contractApplied the contract steps applied, as {@code KIND table.column}
   * @param rowsMigrated rows visited by the migrations
   * @param nanos time the lifecycle took under traffic
   * @param writes writes the traffic committed meanwhile
   * @param lostWrites writes whose value is not in the database at the end
   */
  record Report(boolean ok, List<String> columnsAdded, boolean narrowRefused,
      List<String> narrowApplied, List<String> contractApplied, long rowsMigrated, long nanos,
      long writes, long lostWrites) {}
}
