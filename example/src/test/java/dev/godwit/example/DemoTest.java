package dev.godwit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo, small, on both databases: every verification complete and no write lost. */
class DemoTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyMigrationIsVerifiedAndNoWriteIsLost(TestDatabase database) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Demo demo = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8));
    demo.rows = 5_000;

    Demo.Report report = demo.run(database.newDatabase());

    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.ok(), output);
    assertEquals(0, report.lostWrites(), output);
    assertTrue(report.writes() > 0, "the traffic wrote during the run\n" + output);
    assertTrue(output.contains("Writes lost: 0"), output);
    assertTrue(output.contains("Every verification complete: yes"), output);
  }
}
