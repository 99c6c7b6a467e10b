package dev.godwit.example.app;

import dev.godwit.example.model.Plan;
import dev.godwit.example.model.Team;
import dev.godwit.example.model.TeamDualRead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Simulated application traffic that keeps writing while migrations run, and remembers the last value
 * it wrote to every row so the demo can prove no write was lost.
 *
 * <p>Three kinds of instance write: deploy 1, the widened application (writes {@code is_pro} and
 * {@code plan}, reads plans through {@link TeamDualRead}); an old instance of deploy 0 not yet
 * replaced (inserts teams with only {@code is_pro}: the rows a backfill's verification finds left
 * while it runs); and, from {@link #narrow()}, deploys 2 and 3 (write only {@code plan}, and never
 * read {@code is_pro}, so its column can be dropped under them). Each writer owns a disjoint set of
 * team ids, so the order of its own commits is the order of its writes. A write the database refuses
 * while a schema step holds the table is retried, and if it never commits it is counted as failed
 * and not expected in the table.
 */
public final class Traffic implements AutoCloseable {

  private static final int WRITERS = 2;

  private final DataSource dataSource;
  private final int seededTeams;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean narrowed = new AtomicBoolean(false);
  private final AtomicBoolean oldInstanceRunning = new AtomicBoolean(true);
  private final AtomicLong nextTeamId;
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong oldInstanceWrites = new AtomicLong();
  private final AtomicLong dualReads = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Map<Long, String> lastName = new ConcurrentHashMap<>();
  private final Map<Long, Plan> lastPlan = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Thread oldInstance;

  /**
   * Starts the traffic: two widened writers and one old instance.
   *
   * @param dataSource the database
   * @param seededTeams how many teams were seeded; new teams get ids above
   */
  public Traffic(DataSource dataSource, int seededTeams) {
    this.dataSource = dataSource;
    this.seededTeams = seededTeams;
    this.nextTeamId = new AtomicLong(seededTeams);
    for (int writer = 0; writer < WRITERS; writer++) {
      int slot = writer;
      threads.add(start("app-writer-" + writer, () -> writeAsApplication(slot)));
    }
    oldInstance = start("old-instance", this::writeAsOldInstance);
    threads.add(oldInstance);
  }

  /**
   * The rolling deploy finishes: the old instance stops, after its last write has committed, so every
   * old-format row it wrote is in the database before the migration's final verification.
   *
   * @throws InterruptedException if interrupted while waiting for it
   */
  public void retireOldInstance() throws InterruptedException {
    oldInstanceRunning.set(false);
    oldInstance.join();
  }

  /**
   * Waits until the old instance has committed more rows, so that some are surely there.
   *
   * @param rows how many more rows to wait for
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalStateException if the old instance no longer runs
   */
  public void awaitOldInstanceWrites(int rows) throws InterruptedException {
    long target = oldInstanceWrites.get() + rows;
    while (oldInstanceWrites.get() < target) {
      if (!oldInstance.isAlive()) {
        throw new IllegalStateException("the old instance no longer writes");
      }
      Thread.sleep(2);
    }
  }

  /**
   * Rows the old instance inserted in the old format.
   *
   * @return the count
   */
  public long oldInstanceWrites() {
    return oldInstanceWrites.get();
  }

  /**
   * Deploy 2 rolls out: the application stops writing {@code is_pro}, and no longer reads it; the old
   * instance is gone.
   *
   * @throws InterruptedException if interrupted while waiting for the old instance to stop
   */
  public void narrow() throws InterruptedException {
    retireOldInstance();
    narrowed.set(true);
  }

  /**
   * Writes committed so far.
   *
   * @return the count
   */
  public long writes() {
    return writes.get();
  }

  /**
   * Plans read through the dual-read accessor so far.
   *
   * @return the count
   */
  public long dualReads() {
    return dualReads.get();
  }

  /**
   * Writes that failed (and were therefore not expected to be present).
   *
   * @return the count
   */
  public long failedWrites() {
    return failures.get();
  }

  /**
   * The last name this traffic wrote to a team.
   *
   * @param id the team's id
   * @return the name, or {@code null} if it never wrote one
   */
  public String lastName(long id) {
    return lastName.get(id);
  }

  /**
   * The last plan this traffic wrote to a team (or implied, for old-format rows it inserted).
   *
   * @param id the team's id
   * @return the plan, or {@code null} if it never wrote one
   */
  public Plan lastPlan(long id) {
    return lastPlan.get(id);
  }

  /**
   * The highest team id in use.
   *
   * @return the id
   */
  public long maxTeamId() {
    return nextTeamId.get();
  }

  /** Stops every writer and waits for it. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @SuppressWarnings("removal")
  private void writeAsApplication(int slot) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (Connection connection = dataSource.getConnection()) {
      long version = 0;
      while (running.get()) {
        long id = pick(random, slot);
        String name = "team-" + id + "-renamed-" + (++version);
        Plan plan = random.nextBoolean() ? Plan.PRO : Plan.BASIC;
        boolean narrow = narrowed.get();
        String sql = narrow
            ? "UPDATE teams SET name = ?, plan = ? WHERE id = ?"
            : "UPDATE teams SET name = ?, plan = ?, is_pro = ? WHERE id = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
          update.setString(1, name);
          update.setString(2, plan.name());
          if (narrow) {
            update.setLong(3, id);
          } else {
            update.setBoolean(3, plan == Plan.PRO);
            update.setLong(4, id);
          }
          if (commit(update)) {
            lastName.put(id, name);
            lastPlan.put(id, plan);
          }
          if (!narrow) {
            readThroughDualRead(connection, pick(random, slot));
          }
        } catch (SQLException e) {
          // refused while a schema step changed the table: a write that failed is not recorded
          // above, one that committed before its dual read failed is
          failures.incrementAndGet();
        }
        Thread.sleep(1);
      }
    } catch (SQLException | InterruptedException e) {
      failures.incrementAndGet();
    }
  }

  private void writeAsOldInstance() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (Connection connection = dataSource.getConnection()) {
      while (running.get() && oldInstanceRunning.get()) {
        long id = nextTeamId.incrementAndGet();
        boolean pro = random.nextBoolean();
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO teams (id, name, is_pro) VALUES (?, ?, ?)")) {
          insert.setLong(1, id);
          insert.setString(2, "old-instance-team-" + id);
          insert.setBoolean(3, pro);
          if (commit(insert)) {
            lastName.put(id, "old-instance-team-" + id);
            lastPlan.put(id, pro ? Plan.PRO : Plan.BASIC);
            oldInstanceWrites.incrementAndGet();
          }
        }
        Thread.sleep(5);
      }
    } catch (SQLException | InterruptedException e) {
      failures.incrementAndGet();
    }
  }

  private void readThroughDualRead(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, name, is_pro, plan FROM teams WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          Team team = TeamRows.read(rs);
          if (TeamDualRead.plan(team) != null) {
            dualReads.incrementAndGet();
          }
        }
      }
    }
  }

  /** Runs one autocommitted write, retrying lock timeouts; {@code false} if it never committed. */
  private boolean commit(PreparedStatement statement) throws InterruptedException {
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        statement.executeUpdate();
        writes.incrementAndGet();
        return true;
      } catch (SQLTransientException e) {
        Thread.sleep(20L << attempt);
      } catch (SQLException e) {
        if (!isLockTimeout(e)) {
          break;
        }
        Thread.sleep(20L << attempt);
      }
    }
    failures.incrementAndGet();
    return false;
  }

  private static boolean isLockTimeout(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("40") || state.equals("55P03") || state.equals("HYT00"));
  }

  /** A seeded team id owned by one writer (ids congruent to its slot), so no two writers race. */
  private long pick(ThreadLocalRandom random, int slot) {
    return random.nextLong(seededTeams / WRITERS) * WRITERS + slot + 1;
  }

  /** Reads a team from a result set of {@code id, name, is_pro, plan}. */
  static final class TeamRows {
    private TeamRows() {}

    @SuppressWarnings("removal")
    static Team read(ResultSet rs) throws SQLException {
      boolean pro = rs.getBoolean(3);
      Boolean isPro = rs.wasNull() ? null : pro;
      String plan = rs.getString(4);
      return new Team(rs.getLong(1), rs.getString(2), isPro, plan == null ? null : Plan.valueOf(plan));
    }
  }
}
