package dev.godwit.runtime.internal.schema;

import dev.godwit.runtime.ApplyOptions;
import dev.godwit.runtime.ApplyResult;
import dev.godwit.runtime.ErrorCode;
import dev.godwit.runtime.MigrationException;
import dev.godwit.runtime.Phase;
import dev.godwit.runtime.SchemaMismatchException.Problem;
import dev.godwit.runtime.SchemaPlan;
import dev.godwit.runtime.SchemaStep;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.internal.jdbc.Database;
import dev.godwit.runtime.internal.schema.PlannedStep.GuardCheck;
import dev.godwit.runtime.internal.state.StateStore;
import dev.godwit.runtime.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans, applies and checks the schema steps of a migrator's database: the engine behind {@code
 * Migrator.plan}, {@code apply} and {@code check}.
 */
public final class SchemaSteps {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaSteps.class);

  /** The longest wait between two tries of a statement, before jitter. */
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final Database database;
  private final StateStore store;
  private final SchemaHistory history;

  /**
   * @param stateSchema the state table's schema, or {@code null} for the current one: the history
   *     table is created beside the state table
   */
  public SchemaSteps(Database database, StateStore store, String stateSchema) {
    this.database = database;
    this.store = store;
    this.history = new SchemaHistory(database, stateSchema, store.worker());
  }

  /** The plan of every step, from the live catalog. */
  public SchemaPlan plan(List<TableSchema<?>> schemas) throws SQLException {
    List<PlannedStep> steps = planned(schemas);
    return new SchemaPlan(database.dialect().name(),
        steps.stream().map(PlannedStep::step).toList());
  }

  private List<PlannedStep> planned(List<TableSchema<?>> schemas) throws SQLException {
    return database.call(connection -> new SchemaPlanner(connection, database.dialect(),
        store.qualifiedName()).plan(schemas));
  }

  /**
   * Applies one phase: plans it again, refuses it if an earlier phase's step of the same table is
   * pending or a guard does not hold, then runs its statements one transaction each.
   */
  public ApplyResult apply(List<TableSchema<?>> schemas, Phase phase, ApplyOptions options)
      throws SQLException {
    List<PlannedStep> plan = planned(schemas);
    List<PlannedStep> steps = plan.stream().filter(step -> step.step().phase() == phase).toList();
    for (PlannedStep step : steps) {
      refuseIfEarlierPending(step, plan);
    }
    for (PlannedStep step : steps) {
      checkGuards(step);
    }
    List<ApplyResult.StepResult> results = new ArrayList<>();
    if (options.isDryRun()) {
      for (PlannedStep step : steps) {
        results.add(new ApplyResult.StepResult(step.step(), 0));
      }
      return new ApplyResult(phase, true, results);
    }
    if (!steps.isEmpty()) {
      history.ensureTable();
    }
    for (PlannedStep step : steps) {
      int tries = 0;
      String by = "";
      List<String> statements = step.step().statements();
      for (int i = 0; i < statements.size(); i++) {
        int done = execute(step, statements.get(i), i == statements.size() - 1, options, schemas);
        if (done < 0) {
          tries -= done;
          by = " (by another process, meanwhile)";
          break;
        }
        tries += done;
      }
      LOG.info("Applied {} step {}{} in {} tries: {}", phase.label(), step.step().kind(), by,
          tries, step.step().description());
      results.add(new ApplyResult.StepResult(step.step(), tries));
    }
    return new ApplyResult(phase, false, results);
  }

  /**
   * Whether a step that failed is no longer planned: another process applying the same phase at
   * once (a second application instance starting, two deploy jobs) made the same change first, and
   * the statement failed only because its change was already made (a column added twice).
   */
  private boolean appliedMeanwhile(List<TableSchema<?>> schemas, SchemaStep failed) {
    try {
      return planned(schemas).stream().map(PlannedStep::step).noneMatch(step ->
          step.kind() == failed.kind() && step.table().equals(failed.table())
              && step.column().equals(failed.column()));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not plan again after a {} step failed", failed.phase().label(), e);
      return false;
    }
  }

  /**
   * Refuses a step while a step of an earlier phase on its table is pending: a narrow step while a
   * column is still to be added, a contract step while a column is still to be narrowed.
   */
  private static void refuseIfEarlierPending(PlannedStep step, List<PlannedStep> plan) {
    SchemaStep schemaStep = step.step();
    for (PlannedStep earlier : plan) {
      SchemaStep other = earlier.step();
      if (other.phase().compareTo(schemaStep.phase()) < 0
          && other.table().equals(schemaStep.table())) {
        throw new MigrationException(ErrorCode.SCHEMA_STEP_REFUSED,
            ErrorCode.SCHEMA_STEP_REFUSED.message(refused(step), "the " + other.phase().label()
                + " step of " + earlier.subject() + " is pending (" + lowerFirst(
                    firstSentence(other.description())) + ")", "apply "
                + other.phase().label() + ", then apply " + schemaStep.phase().label()
                + " again"));
      }
    }
  }

  /**
   * A step's description up to the end of its first sentence, without the full stop: what it does,
   * without what a dialect adds about its cost ({@code Dialect.stepCost}).
   */
  private static String firstSentence(String description) {
    return description.replaceAll("(?s)\\.(\\s+[A-Z].*)?$", "");
  }

  /** Runs a step's guards now and refuses it at the first that does not hold. */
  private void checkGuards(PlannedStep step) throws SQLException {
    for (GuardCheck check : step.checks()) {
      long violations = check.readsState() && !store.exists() ? 1
          : database.call(connection -> count(connection, check.guard().violationsSql()));
      if (violations != 0) {
        throw new MigrationException(ErrorCode.SCHEMA_STEP_REFUSED,
            ErrorCode.SCHEMA_STEP_REFUSED.message(refused(step),
                check.violation().apply(violations), check.fix()));
      }
    }
  }

  private static String refused(PlannedStep step) {
    String phase = step.step().phase().label();
    return Character.toUpperCase(phase.charAt(0)) + phase.substring(1) + " of " + step.subject();
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Runs one statement in a transaction of its own under the lock timeout, recording the step in
   * that transaction when the statement is its last; retries a lock timeout with backoff. A
   * statement that fails otherwise after the step has left the plan (another process applied it
   * first) is not an error: the step is done.
   *
   * @return how many tries it took, negated when another process applied the step meanwhile
   */
  private int execute(PlannedStep planned, String sql, boolean last, ApplyOptions options,
      List<TableSchema<?>> schemas) throws SQLException {
    Dialect dialect = database.dialect();
    SchemaStep step = planned.step();
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = database.connect()) {
        List<String> restore = dialect.restoreLockTimeout(connection);
        try {
          connection.setAutoCommit(false);
          try (Statement statement = connection.createStatement()) {
            for (String setting : dialect.lockTimeout(options.lockTimeout())) {
              statement.execute(setting);
            }
            dialect.executeSchemaStatement(statement, step.kind(), sql);
          }
          if (last) {
            history.record(connection, step);
          }
          connection.commit();
          return attempt;
        } catch (SQLException e) {
          rollbackQuietly(connection);
          if (!dialect.isLockTimeout(e)) {
            if (appliedMeanwhile(schemas, step)) {
              return -attempt;
            }
            throw e;
          }
          if (attempt >= options.maxTries()) {
            throw lockTimeout(planned, attempt, options);
          }
          Duration wait = backoff(attempt, options.initialBackoff());
          LOG.warn("{} step on {}: lock not granted within {} ms (try {} of {}), trying again in"
              + " {} ms", step.phase().label(), step.table(), options.lockTimeout().toMillis(),
              attempt, options.maxTries(), wait.toMillis());
          sleep(wait, step);
        } finally {
          restore(connection, restore);
        }
      }
    }
  }

  /** The refusal of a statement that never got its lock, naming who held it when it gave up. */
  private MigrationException lockTimeout(PlannedStep planned, int tries, ApplyOptions options) {
    SchemaStep step = planned.step();
    String holders = "";
    try {
      Dialect dialect = database.dialect();
      List<String> found = database.call(connection -> dialect.lockHolders(connection,
          dialect.qualified(planned.table())));
      if (!found.isEmpty()) {
        holders = ", held by " + String.join(" and ", found);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not tell who holds the lock on {}", step.table(), e);
    }
    String what = step.kind().name().replace('_', ' ') + " of " + step.table()
        + step.column().map(column -> "." + column).orElse("");
    return new MigrationException(ErrorCode.SCHEMA_LOCK_TIMEOUT,
        ErrorCode.SCHEMA_LOCK_TIMEOUT.message(what, step.table(),
            options.lockTimeout().toMillis() + " ms", tries, holders, step.phase().label()));
  }

  /** The initial backoff doubled for each earlier retry, up to a minute, plus up to half again. */
  static Duration backoff(int attempt, Duration initial) {
    long base = initial.toMillis();
    for (int i = 1; i < attempt && base < MAX_BACKOFF.toMillis(); i++) {
      base *= 2;
    }
    base = Math.min(base, MAX_BACKOFF.toMillis());
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  private static void sleep(Duration wait, SchemaStep step) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(ErrorCode.OTHER, ErrorCode.OTHER.message("Applying the "
          + step.phase().label() + " phase was interrupted while waiting to retry a step on "
          + step.table() + "; apply it again to continue."), e);
    }
  }

  /**
   * Gives the connection back as it came: auto-commit, and the session's own lock timeout. A
   * connection that fails here is closed next, and the step's own outcome is what matters.
   */
  private static void restore(Connection connection, List<String> settings) {
    try {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String setting : settings) {
          statement.execute(setting);
        }
      }
    } catch (SQLException e) {
      LOG.warn("Could not restore a connection's settings after a schema statement", e);
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is closed next; a broken one rolls back with it
    }
  }

  /** Every problem between one table's code and the database, each with its fix. */
  public List<Problem> check(TableSchema<?> schema) throws SQLException {
    return database.call(connection -> new SchemaChecker(connection, database.dialect(),
        database.decimalScales()).problems(schema));
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

}
