package dev.godwit.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.runtime.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application started over 6,000 rows the old code wrote: its run on startup backfills them in
 * the background while the test keeps writing through the application's own HTTP endpoints; an
 * operator cancels the run through the actuator endpoint and resumes it; and nothing written is
 * lost. One application per database, shared by the whole scenario.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.flyway.locations=classpath:db/migration,classpath:db/seed/{vendor}",
    "godwit.batch-size=100",
    "godwit.pause-between-batches=200ms",
    "godwit.wait-interval=100ms"
})
abstract class BackfillUnderTrafficTest {

  private static final String NAME = "teams.backfillPlan";
  private static final int OLD_ROWS = 6000;
  private static final int BATCH = 100;

  @Autowired
  private TestRestTemplate http;

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void backfillFinishesUnderTrafficAfterACancelAndAResume() throws Exception {
    Map<Long, Plan> written = new ConcurrentHashMap<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Throwable> writerErrors = new ArrayList<>();
    Thread writer = new Thread(() -> {
      try {
        while (writing.get()) {
          write(written);
        }
      } catch (Throwable e) {
        writerErrors.add(e);
      }
    });
    writer.start();

    Map<String, Object> running = await(report -> "RUNNING".equals(report.get("state"))
        && ((Number) report.get("rowsVisited")).longValue() >= BATCH);
    assertThat(running.get("runningHere")).isEqualTo(true);
    assertThat(running.get("phase")).isEqualTo("MIGRATE");
    // old rows the writer changed before the run began are out of its range, so not in its total
    assertThat(((Number) running.get("estimatedTotal")).intValue()).isBetween(1, OLD_ROWS);
    assertThat((String) running.get("eta")).startsWith("PT");
    Map<String, Object> readiness = get("/actuator/health/readiness");
    assertThat(readiness.get("status")).isEqualTo("UP");
    assertThat(godwitHealth(readiness).get("running")).isEqualTo(List.of(NAME));

    Map<String, Object> canceled = control("cancel");
    assertThat(canceled.get("accepted")).isEqualTo(true);
    Map<String, Object> stopped = await(report -> "CANCELED".equals(report.get("state"))
        && report.get("runningHere").equals(false));
    long visitedAtCancel = ((Number) stopped.get("rowsVisited")).longValue();
    assertThat(visitedAtCancel % BATCH).as("stopped at a batch boundary").isZero();
    assertThat(visitedAtCancel).isLessThan(OLD_ROWS);
    assertStoppedBetweenBatches(String.valueOf(stopped.get("cursor")), written);
    Thread.sleep(500);
    assertThat(((Number) migration().get("rowsVisited")).longValue())
        .as("no batch after the cancel").isEqualTo(visitedAtCancel);

    assertThat(control("resume").get("accepted")).isEqualTo(true);
    Map<String, Object> succeeded = await(report -> "SUCCEEDED".equals(report.get("state")));
    writing.set(false);
    writer.join();
    assertThat(writerErrors).isEmpty();
    assertThat(written).hasSizeGreaterThan(10);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teams WHERE plan IS NULL", Long.class))
        .isZero();
    for (Map.Entry<Long, Plan> team : written.entrySet()) {
      ResponseEntity<Map<String, Object>> read = http.exchange("/teams/{id}", HttpMethod.GET, null,
          new ParameterizedTypeReference<>() {}, team.getKey());
      assertThat(read.getBody().get("plan")).isEqualTo(team.getValue().name());
      assertThat(jdbc.queryForObject("SELECT plan FROM teams WHERE id = ?", String.class,
          team.getKey())).isEqualTo(team.getValue().name());
    }
    List<Long> wrongOldRows = jdbc.queryForList("SELECT id FROM teams WHERE name LIKE 'old team %'"
        + " AND plan <> CASE WHEN is_pro THEN 'PRO' ELSE 'BASIC' END", Long.class);
    assertThat(wrongOldRows).as("old rows whose plan is not their old flag's")
        .allMatch(written::containsKey);

    Map<String, Object> report = get("/actuator/godwit");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> migrations = (List<Map<String, Object>>) report.get("migrations");
    assertThat(migrations).extracting(migration -> migration.get("name"))
        .containsExactly("members.backfillRole", NAME);
    assertThat(migrations).extracting(migration -> migration.get("state"))
        .containsOnly("SUCCEEDED");
    assertThat(migrations.get(1).get("percent")).isEqualTo(100.0);
    readiness = get("/actuator/health/readiness");
    assertThat(readiness.get("status")).isEqualTo("UP");
    assertThat(godwitHealth(readiness).get("migrations")).isEqualTo(Map.of("SUCCEEDED", 2));

    long visited = ((Number) succeeded.get("rowsVisited")).longValue();
    assertThat(metric("godwit.rows.visited")).isEqualTo((double) visited);
    assertThat(metric("godwit.rows.changed"))
        .isEqualTo(((Number) succeeded.get("rowsChanged")).doubleValue());
    assertThat(metric("godwit.rows.remaining")).isZero();
  }

  /** Creates a team, or changes the plan of an old one, through the application's endpoints. */
  private void write(Map<Long, Plan> written) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Plan plan = random.nextBoolean() ? Plan.PRO : Plan.BASIC;
    if (random.nextInt(3) == 0) {
      long id = 1 + random.nextInt(OLD_ROWS);
      written.put(id, plan);
      ResponseEntity<Map<String, Object>> updated = http.exchange("/teams/{id}", HttpMethod.PUT,
          new HttpEntity<>(Map.of("plan", plan.name())), new ParameterizedTypeReference<>() {}, id);
      assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    } else {
      ResponseEntity<Map<String, Object>> created = http.exchange("/teams", HttpMethod.POST,
          new HttpEntity<>(Map.of("name", "new team", "plan", plan.name())),
          new ParameterizedTypeReference<>() {});
      assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      written.put(((Number) created.getBody().get("id")).longValue(), plan);
    }
  }

  /**
   * The rows behind the cursor are all filled, and beyond it only those the test wrote: the run
   * stopped between two committed batches, not inside one.
   */
  private void assertStoppedBetweenBatches(String cursorText, Map<Long, Plan> written) {
    long cursor = Long.parseLong(cursorText);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM teams WHERE id <= ? AND plan IS NULL",
        Long.class, cursor)).isZero();
    List<Long> filledBeyond = jdbc.queryForList("SELECT id FROM teams WHERE id > ? AND id <= ?"
        + " AND plan IS NOT NULL", Long.class, cursor, OLD_ROWS);
    assertThat(written.keySet()).containsAll(filledBeyond);
  }

  private Map<String, Object> control(String action) {
    ResponseEntity<Map<String, Object>> response = http.exchange("/actuator/godwit/" + NAME,
        HttpMethod.POST, new HttpEntity<>(Map.of("action", action)),
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private Map<String, Object> migration() {
    return get("/actuator/godwit/" + NAME);
  }

  private Map<String, Object> await(Predicate<Map<String, Object>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Map<String, Object> report = migration();
    while (!condition.test(report)) {
      assertThat(System.nanoTime()).as("waiting for the migration: %s", report).isLessThan(deadline);
      Thread.sleep(20);
      report = migration();
    }
    return report;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> godwitHealth(Map<String, Object> readiness) {
    Map<String, Object> components = (Map<String, Object>) readiness.get("components");
    return (Map<String, Object>) ((Map<String, Object>) components.get("godwit")).get("details");
  }

  @SuppressWarnings("unchecked")
  private double metric(String name) {
    Map<String, Object> metric = get("/actuator/metrics/" + name + "?tag=migration:" + NAME);
    List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
    return ((Number) measurements.get(0).get("value")).doubleValue();
  }

  private Map<String, Object> get(String path) {
    ResponseEntity<Map<String, Object>> response = http.exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody())
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** On H2. */
  static class OnH2Test extends BackfillUnderTrafficTest {
    @TestConfiguration
    static class Database {
      @Bean
      DataSource dataSource() {
        return TestDataSources.pooled(TestDatabase.H2);
      }
    }
  }

  /** On the embedded PostgreSQL. */
  static class OnPostgresTest extends BackfillUnderTrafficTest {
    @TestConfiguration
    static class Database {
      @Bean
      DataSource dataSource() {
        return TestDataSources.pooled(TestDatabase.POSTGRES);
      }
    }
  }
}
