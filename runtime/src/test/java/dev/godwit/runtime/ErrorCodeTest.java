package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.godwit.runtime.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each refusal carries its stable {@link ErrorCode}, whatever its message says. */
class ErrorCodeTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMigrationAnotherRunnerHoldsIsRefusedAsAlreadyRunning(TestDatabase kind) {
    Db db = User.withAudit(kind, 5);
    Migrator migrator = db.migrator();
    migrator.run(User.audited("users.rename", (ctx, user) -> {}),
        RunOptions.defaults().withListener(status -> migrator.pause("users.rename")));
    db.execute("UPDATE godwit_migrations SET state = 'RUNNING', owner = 'a live runner',"
        + " lease_expires_at = TIMESTAMP WITH TIME ZONE '2999-01-01 00:00:00+00'");

    MigrationException refused = assertThrows(MigrationException.class,
        () -> migrator.run(User.audited("users.rename", (ctx, user) -> {})));

    assertEquals(ErrorCode.ALREADY_RUNNING, refused.code());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableIsRefusedAsASchemaMismatch(TestDatabase kind) {
    Db db = new Db(kind);

    assertEquals(ErrorCode.SCHEMA_MISMATCH, assertThrows(MigrationException.class,
        () -> db.migrator().checkMapping(User.TABLE)).code());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNameRecordedForAnotherTableIsRefusedAsTaken(TestDatabase kind) {
    Db db = User.withAudit(kind, 3);
    Migrator migrator = db.migrator();
    migrator.run(User.audited("users.rename", (ctx, user) -> {}));
    db.execute("UPDATE godwit_migrations SET table_name = 'other_table', state = 'FAILED'");

    assertEquals(ErrorCode.NAME_TAKEN, assertThrows(MigrationException.class,
        () -> migrator.run(User.audited("users.rename", (ctx, user) -> {}))).code());
  }
}
