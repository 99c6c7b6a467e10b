package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.cli.testing.Cli;
import dev.godwit.cli.testing.CliDatabase;
import dev.godwit.runtime.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerifyCommandTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsLeftInTheOldFormatExitWithOneAndShowASampleOfIds(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(12);
    database.execute("UPDATE teams SET plan = 'FREE' WHERE id IN (2, 3)");

    Cli.Result result = Cli.run(database.args("verify", "teams.backfillPlan"));

    assertEquals(Godwit.EXIT_FAILED, result.exitCode(), result::toString);
    assertEquals(List.of(
            "MIGRATION           RESULT     REMAINING  SAMPLE IDS",
            "teams.backfillPlan  ROWS LEFT  10         1, 4, 5, 6, 7, 8, 9, 10, 11, 12"),
        result.out().lines().toList());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void withoutNamesEveryVerificationRunsAndCompleteOnesExitWithZero(TestDatabase kind) {
    CliDatabase database = CliDatabase.create(kind, folder);
    database.createTeams(3);
    database.createItems(2);
    assertEquals(Godwit.EXIT_DONE, Cli.run(database.args("run", "--all")).exitCode());

    Cli.Result result = Cli.run(database.args("verify"));

    assertEquals(Godwit.EXIT_DONE, result.exitCode(), result::toString);
    assertEquals(List.of(
            "MIGRATION           RESULT    REMAINING  SAMPLE IDS",
            "teams.backfillPlan  complete  0",
            "slow.touch          complete  0"),
        result.out().lines().toList());
  }
}
