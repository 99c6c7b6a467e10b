package dev.godwit.example.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.SchemaCheckException;
import dev.godwit.runtime.SchemaMismatchException;
import dev.godwit.runtime.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The application refuses to start when the database is not as its code expects: when Flyway
 * stopped before the migrations that add the widened column and the members table, and when rows
 * still lack a value the narrowed code requires. Spring Boot's failure report lists Godwit's
 * problems with their fixes, and the check ran after Flyway and before JPA's EntityManagerFactory
 * (Hibernate's own validation would otherwise have failed first, on the same column).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupCheckTest {

  @ParameterizedTest
  // the example's Flyway scripts and Hibernate mapping are written for H2 and PostgreSQL
  @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES"})
  void startupIsRefusedWithEveryProblemAndItsFix(TestDatabase database, CapturedOutput output) {
    DataSource dataSource = TestDataSources.pooled(database);
    SpringApplicationBuilder application = new SpringApplicationBuilder(TeamsApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("dataSource",
            dataSource))
        .properties("server.port=0", "spring.flyway.target=1", "godwit.run-on-startup=false");

    assertThatThrownBy(application::run).hasRootCauseInstanceOf(SchemaCheckException.class);

    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("Godwit's startup check found 2 problem(s) between the code's entities and the"
            + " database (members, teams):")
        .contains("  - Table members does not exist; apply the expand phase")
        .contains("  - Column teams.plan does not exist; add it to table teams")
        .contains("set godwit.check=warn to start while they remain")
        .doesNotContain("Schema-validation: missing column");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES"})
  void startupIsRefusedOverRowsTheNarrowedCodeCannotRead(TestDatabase database,
      CapturedOutput output) {
    DataSource dataSource = TestDataSources.pooled(database);
    SpringApplicationBuilder application = new SpringApplicationBuilder(TeamsApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("dataSource",
            dataSource))
        .properties("server.port=0", "godwit.run-on-startup=false",
            "spring.flyway.locations=classpath:db/migration,classpath:db/unmigrated-members");

    assertThatThrownBy(application::run).rootCause().isInstanceOf(SchemaCheckException.class)
        .satisfies(failure -> assertThat(((SchemaCheckException) failure).problems())
            .extracting(SchemaMismatchException.Problem::code)
            .containsExactly(SchemaMismatchException.Code.REQUIRED_HOLDS_NULL));

    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("Godwit's startup check found 1 problem(s) between the code's entities and the"
            + " database (members):")
        .contains("members.backfillRole");
  }
}
