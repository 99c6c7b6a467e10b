package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime's error catalogue: every {@link ErrorCode} holds its message's template, and each
 * formats to the text the runtime has always printed, one sentence naming the cause and the fix.
 * The expected texts below are written the way the throw sites wrote them before the catalogue, so
 * a reworded template fails here.
 */
class ErrorCatalogueTest {

  /** Codes whose message is not one sentence ending with a period, and why. */
  private static final Set<ErrorCode> NOT_A_SENTENCE = EnumSet.of(
      // printed in lower case without a period since its first release
      ErrorCode.ALREADY_RUNNING,
      // heads a list of problems, each one sentence of its own
      ErrorCode.SCHEMA_MISMATCH,
      ErrorCode.SCHEMA_CHECK_FAILED,
      // the caller's message, given whole
      ErrorCode.OTHER);

  private static final String TABLE = "shop.users";
  private static final String NAME = "users.rename";

  /** For each code: sample arguments, and the text the throw site wrote for them. */
  private static Map<ErrorCode, Example> examples() {
    Map<ErrorCode, Example> examples = new EnumMap<>(ErrorCode.class);
    examples.put(ErrorCode.ALREADY_RUNNING, new Example(List.of(NAME),
        "migration " + NAME + " is already running in another runner"));
    examples.put(ErrorCode.LEASE_LOST, new Example(List.of(NAME),
        "Migration " + NAME + " was taken over by another runner after this runner's lease"
            + " expired; its uncommitted batch was rolled back, so give it a longer lease if its"
            + " heartbeats cannot keep up."));
    examples.put(ErrorCode.SCHEMA_MISMATCH, new Example(List.of(2, TABLE, "\n  A.\n  B."),
        2 + " problems with table " + TABLE + " must be fixed before it is"
            + " migrated:" + "\n  A.\n  B."));
    examples.put(ErrorCode.DATABASE_UNREACHABLE,
        new Example(List.of("jdbc:postgresql://db:5432/shop", "Connection refused"),
            "Cannot reach the database " + "jdbc:postgresql://db:5432/shop" + " ("
                + "Connection refused" + "); check that it is running and that its URL and"
                + " credentials are right."));
    examples.put(ErrorCode.UNSUPPORTED_DATABASE,
        new Example(List.of("SQLite", "H2 or PostgreSQL", "dev.godwit.runtime.spi.DialectProvider"),
            "The database is " + "SQLite" + ", which no registered Godwit dialect supports; use "
                + "H2 or PostgreSQL" + ", or put a jar that registers a "
                + "dev.godwit.runtime.spi.DialectProvider" + " for it on the class path."));
    examples.put(ErrorCode.DATABASE_ERROR,
        new Example(List.of("check the mapping of " + TABLE, "permission denied for schema shop"),
            "Could not " + "check the mapping of " + TABLE + ": "
                + "permission denied for schema shop" + "."));
    examples.put(ErrorCode.NAME_TAKEN, new Example(List.of(NAME, "other_table", TABLE),
        "Migration " + NAME + " is recorded as a migration" + " of table " + "other_table"
            + ", not of " + TABLE + "; give each migration a name of its own."));
    examples.put(ErrorCode.CURSOR_MISMATCH, new Example(List.of(NAME, "[\"7\"]", TABLE, "id"),
        "Migration " + NAME + " recorded the cursor " + "[\"7\"]" + ", which is not a key of "
            + TABLE + " (" + "id" + "), so the key changed since it ran; run it again with"
            + " RunOptions.defaults().withReset() to start over from the first row."));
    examples.put(ErrorCode.NULL_KEY, new Example(List.of(TABLE, "s", "order_id, line_no"),
        "Table " + TABLE + " has a row with NULL in its key column" + "s (" + "order_id, line_no"
            + "), which Godwit cannot visit in key order or write back; make the key the table's"
            + " primary key, or a unique key over NOT NULL columns."));
    examples.put(ErrorCode.TOO_MANY_ROWS, new Example(List.of(NAME, 123456L, TABLE, 10000L),
        "Migration " + NAME + " would visit " + 123456L + " rows of " + TABLE
            + " in one transaction, more than the limit of " + 10000L
            + "; run it in batches, or raise the limit if the table is really small."));
    examples.put(ErrorCode.DECIMAL_SCALE, new Example(List.of("rates.backfillRate",
        "the value 0.075 for rates.rate has 3 digits after the decimal point"),
        "Migration " + "rates.backfillRate" + " is refused: "
            + "the value 0.075 for rates.rate has 3 digits after the decimal point" + "."));
    examples.put(ErrorCode.INTERRUPTED, new Example(List.of(NAME, ErrorCode.WHILE_MIGRATING),
        "Migration " + NAME + " was interrupted while migrating a batch; run it again to continue."));
    examples.put(ErrorCode.SCHEMA_STEP_REFUSED, new Example(List.of("Narrow of teams.plan",
        "teams.backfillPlan has 1 row left (verification teams.backfillPlan)",
        "run it, then apply narrow again"),
        "Narrow of teams.plan refused: teams.backfillPlan has 1 row left (verification"
            + " teams.backfillPlan); run it, then apply narrow again."));
    examples.put(ErrorCode.SCHEMA_LOCK_TIMEOUT, new Example(List.of("ADD COLUMN of teams.plan",
        "teams", "2000 ms", 10, ", held by session pid 4242 (idle in transaction, its transaction"
            + " open for 35 s)", "expand"),
        "Could not apply ADD COLUMN of teams.plan: table teams stayed locked past the lock timeout"
            + " of 2000 ms in each of 10 tries, held by session pid 4242 (idle in transaction, its"
            + " transaction open for 35 s); end or shorten the transaction holding the lock, then"
            + " apply expand again, or give it a longer lock timeout or more tries."));
    examples.put(ErrorCode.HEALTH_SIGNAL_REFUSED, new Example(List.of(NAME,
        "its health signal postgresql.replication-lag cannot see the standbys' replay lag without"
            + " the privileges of pg_read_all_stats (GRANT pg_monitor TO app)",
        "grant the privilege, or turn the signal off"),
        "Migration " + NAME + " is refused: its health signal postgresql.replication-lag cannot"
            + " see the standbys' replay lag without the privileges of pg_read_all_stats (GRANT"
            + " pg_monitor TO app); grant the privilege, or turn the signal off."));
    examples.put(ErrorCode.SCHEMA_NOT_PLANNABLE, new Example(List.of("teams",
        "the value NaN has no SQL literal", "compare with values that have one"),
        "Cannot plan the schema of teams: the value NaN has no SQL literal; compare with values"
            + " that have one."));
    examples.put(ErrorCode.SCHEMA_CHECK_FAILED, new Example(List.of(2, "\n  A.\n  B."),
        "2 problems between the code and the database must be fixed before the code is served:"
            + "\n  A.\n  B."));
    examples.put(ErrorCode.OTHER, new Example(List.of("Something went wrong; do this."),
        "Something went wrong; do this."));
    return examples;
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyCodeHasATemplateThatFormatsToItsMessage(ErrorCode code) {
    Example example = examples().get(code);

    assertFalse(code.template().isBlank(), code + " has no template");
    assertTrue(example != null, code + " has no example here: add one with today's text");
    assertEquals(example.text(), code.message(example.arguments().toArray()));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyMessageIsOneSentenceEndingWithAPeriod(ErrorCode code) {
    String message = code.message(examples().get(code).arguments().toArray());

    if (NOT_A_SENTENCE.contains(code)) {
      return;
    }
    assertTrue(Character.isUpperCase(message.charAt(0)), message);
    assertTrue(message.endsWith("."), message);
    assertFalse(message.substring(0, message.length() - 1).matches("(?s).*\\.\\s.*"),
        "more than one sentence: " + message);
    assertFalse(message.contains("\n"), message);
  }

  @Test
  void theInterruptedRunSaysWhatItWasDoing() {
    assertEquals("Migration " + NAME + " was interrupted while waiting to retry a batch; run it"
        + " again to continue.", ErrorCode.INTERRUPTED.message(NAME,
            ErrorCode.WHILE_WAITING_TO_RETRY));
  }

  @Test
  void theExceptionsCarryTheCataloguesText() {
    assertEquals(ErrorCode.ALREADY_RUNNING.message(NAME),
        new MigrationAlreadyRunningException(NAME).getMessage());
    assertEquals(ErrorCode.LEASE_LOST.message(NAME), new LeaseLostException(NAME).getMessage());
    SchemaMismatchException.Problem first = new SchemaMismatchException.Problem(
        SchemaMismatchException.Code.COLUMN_MISSING, "A.");
    SchemaMismatchException.Problem second = new SchemaMismatchException.Problem(
        SchemaMismatchException.Code.KEY_NULLABLE, "B.");
    assertEquals(ErrorCode.SCHEMA_MISMATCH.message(2, TABLE, "\n  A.\n  B."),
        new SchemaMismatchException(TABLE, List.of(first, second)).getMessage());
    assertEquals("A.", new SchemaMismatchException(TABLE, List.of(first)).getMessage());
    SchemaCheckException check = new SchemaCheckException(List.of(TABLE, "teams"),
        List.of(first, second));
    assertEquals(ErrorCode.SCHEMA_CHECK_FAILED.message(2, "\n  A.\n  B."), check.getMessage());
    assertEquals(ErrorCode.SCHEMA_CHECK_FAILED, check.code());
    assertEquals(List.of(TABLE, "teams"), check.tables());
    assertEquals("A.", new SchemaCheckException(List.of(TABLE), List.of(first)).getMessage());
  }

  /** Sample arguments for a template and the message they give. */
  private record Example(List<Object> arguments, String text) {}
}
