package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigratorRunTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runsEveryBatchAndRecordsExactStatus(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, User.some(25));
    List<MigrationStatus> seen = new ArrayList<>();

    RunResult result = db.migrator().run(User.addDefaultRole(),
        RunOptions.defaults().withListener(seen::add));

    assertTrue(result.succeeded());
    MigrationStatus status = result.status();
    assertEquals("users.addDefaultRole", status.name());
    assertEquals("users", status.table());
    assertEquals(MigrationState.SUCCEEDED, status.state());
    assertEquals(25, status.rowsVisited());
    assertEquals(17, status.rowsChanged());
    assertEquals(25, status.estimatedTotal());
    assertEquals(10, status.batchSize());
    assertEquals("25", status.cursor());
    assertEquals(100.0, status.percent().orElseThrow());
    assertNotNull(status.startedAt());
    assertNotNull(status.finishedAt());
    assertNull(status.error());
    assertEquals(0, db.count("SELECT COUNT(*) FROM users WHERE role IS NULL"));
    assertEquals(8, db.count("SELECT COUNT(*) FROM users WHERE role = 'admin'"));

    assertEquals(List.of(10L, 20L, 25L, 25L),
        seen.stream().map(MigrationStatus::rowsVisited).toList());
    assertEquals(List.of(7L, 14L, 17L, 17L),
        seen.stream().map(MigrationStatus::rowsChanged).toList());
    assertEquals(List.of("10", "20", "25", "25"),
        seen.stream().map(MigrationStatus::cursor).toList());
    assertEquals(MigrationState.SUCCEEDED, seen.get(3).state());
    assertEquals(List.of(status), db.migrator().status());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void verifyCountsRowsLeftWithTheirFirstIds(TestDatabase kind) {
    Db db = new Db(kind);
    db.create(User.TABLE);
    db.insert(User.TABLE, User.some(40));
    Verification<User> noRole = Verification.of(User.TABLE, "users.addDefaultRole", User.ROLE.isNull());

    VerificationResult before = db.migrator().verify(noRole);

    assertFalse(before.complete());
    assertEquals(27, before.remaining());
    assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L, 10L, 11L, 13L, 14L), before.sampleIds());
    db.migrator().run(User.addDefaultRole());
    VerificationResult after = db.migrator().verify(noRole);
    assertTrue(after.complete());
    assertEquals(List.of(), after.sampleIds());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void statusIsEmptyBeforeAnyRun(TestDatabase kind) {
    Db db = new Db(kind);
    assertEquals(List.of(), db.migrator().status());
    assertTrue(db.migrator().status("users.addDefaultRole").isEmpty());
    assertFalse(db.migrator().cancel("users.addDefaultRole"));
  }
}
