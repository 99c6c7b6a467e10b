package dev.godwit.processor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A snapshot reads back as written, and a file that is no snapshot says why. */
class SnapshotJsonTest {

  private static final Snapshot SNAPSHOT = new Snapshot("com.example.Team", Optional.of("billing"),
      "Teams \"Ü\"", List.of(
          new Snapshot.Column("id", "id", "java.lang.Long", "LONG", "REQUIRED", true, 0, 0, 0,
              Optional.empty()),
          new Snapshot.Column("price", "\"Price\"", "java.math.BigDecimal", "DECIMAL", "NARROWED",
              false, 0, 12, 2, Optional.of(new Snapshot.Backfill("value", "1.50",
                  "billing.Teams \"Ü\".backfillPrice")))),
      List.of(new Snapshot.Migration("billing.Teams \"Ü\".backfillPrice", "BACKFILL", "MIGRATE",
          List.of("price"), List.of(), 250)),
      List.of("old_price"));

  @Test
  void aSnapshotReadsBackAsWritten() {
    String text = SnapshotJson.write(SNAPSHOT);

    assertEquals(SNAPSHOT, SnapshotJson.read(text));
    assertEquals(text, SnapshotJson.write(SnapshotJson.read(text)));
    assertTrue(text.contains("\"table\" : \"Teams \\\"Ü\\\"\""), text);
  }

  @Test
  void textThatIsNoSnapshotIsRefusedWithTheReason() {
    assertEquals("a snapshot is a JSON object",
        assertThrows(IllegalArgumentException.class, () -> SnapshotJson.read("[]")).getMessage());
    assertEquals("member \"table\" is missing or not a string",
        assertThrows(IllegalArgumentException.class, () -> SnapshotJson.read(
            "{\"format\": 1, \"columns\": [], \"migrations\": [], \"removed\": [],"
                + " \"entity\": \"a.B\"}")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SnapshotJson.read("{"))
        .getMessage().startsWith("not valid JSON"));
  }
}
