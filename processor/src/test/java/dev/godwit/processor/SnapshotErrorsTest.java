package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each change the processor refuses against a table's baseline, with its message on the exact line,
 * and the baseline left as it was; the baseline is the snapshot compiled from the first form of
 * {@code Team}.
 */
class SnapshotErrorsTest {

  @TempDir Path snapshots;

  /** Compiles the first form of Team into the snapshot directory, making it the baseline. */
  private void baseline(String declaration) {
    Compilation first = compile(Compilations.team(declaration));
    assertThat(first).succeeded();
  }

  private Compilation compile(JavaFileObject... sources) {
    return Compilations.compile(List.of("-Agodwit.schemaDir=" + snapshots), sources);
  }

  /** Compiles the next form of Team against the baseline, expecting one error on a line. */
  private void assertRefused(String declaration, String message, String lineContaining)
      throws IOException {
    byte[] before = Files.readAllBytes(snapshots.resolve("teams.json"));
    JavaFileObject team = Compilations.team(declaration);
    Compilation next = compile(team);
    assertThat(next).failed();
    assertThat(next).hadErrorContaining(message).inFile(team).onLineContaining(lineContaining);
    assertThat(next).hadErrorCount(1);
    assertArrayEquals(before, Files.readAllBytes(snapshots.resolve("teams.json")),
        "a refused build leaves the baseline as it was");
  }

  @Test
  void aNewRequiredFieldNeedsWidenedAndABackfill() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name,
            int seats) {}
        """, "[GodwitNewRequiredField] field seats is new and required, but the rows already in"
            + " teams have no value for it; add it in this deploy as @Widened"
            + " @Backfill(value = \"...\") Integer seats (or @Backfill(from = \"...\") or"
            + " @Backfill(method = \"...\")), and drop @Widened in the next deploy", "int seats");
  }

  @Test
  void aTypeChangedInPlaceIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String seats) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id,
            Integer seats) {}
        """, "[GodwitTypeChanged] field seats was String (STRING) in the last deploy and is now"
            + " Integer (INTEGER), which the rows already written and the instances still running"
            + " cannot read; keep seats String, and add a new field"
            + " @Widened @Backfill(method = \"seatsOf\") Integer seatsNew, marking seats"
            + " @Deprecated(forRemoval = true)", "Integer seats");
  }

  @Test
  void aShorterCharacterColumnIsRefusedAndALongerOneAccepted() throws IOException {
    baseline(jpaTeam("@jakarta.persistence.Column(length = 100) String name;"));
    assertRefused(jpaTeam("@jakarta.persistence.Column(length = 40) String name;"),
        "[GodwitSizeNarrowed] field name held up to length = 100 in the last deploy and now declares"
            + " length = 40, which values already written and the instances still running may"
            + " exceed; keep length = 100, or add a new field @Widened @Backfill(method = \"nameOf\")"
            + " String nameNew of the smaller size, marking name @Deprecated(forRemoval = true)",
        "String name;");
    assertThat(compile(Compilations.team(
        jpaTeam("@jakarta.persistence.Column(length = 200) String name;")))).succeeded();
  }

  @Test
  void aDecimalColumnWithFewerDigitsBeforeOrAfterThePointIsRefused() throws IOException {
    baseline(jpaTeam("@jakarta.persistence.Column(precision = 10, scale = 2) BigDecimal price;"));
    assertRefused(jpaTeam("@jakarta.persistence.Column(precision = 10, scale = 4) BigDecimal price;"),
        "[GodwitSizeNarrowed] field price held up to precision = 10, scale = 2 in the last deploy and"
            + " now declares precision = 10, scale = 4", "BigDecimal price;");
    assertRefused(jpaTeam("@jakarta.persistence.Column(precision = 12, scale = 1) BigDecimal price;"),
        "[GodwitSizeNarrowed] field price held up to precision = 10, scale = 2 in the last deploy and"
            + " now declares precision = 12, scale = 1", "BigDecimal price;");
  }

  /** A JPA entity of the table teams with one more field, declared on a line of its own. */
  private static String jpaTeam(String field) {
    return """
        @jakarta.persistence.Entity
        @jakarta.persistence.Table(name = "teams")
        @MigratedTable
        public class Team {
          @jakarta.persistence.Id Long id;
          %s
        }
        """.formatted(field);
  }

  @Test
  void aColumnRenamedInPlaceIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, @Column("seats") String seats) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id,
            @Column("seat_text") String seats) {}
        """, "[GodwitColumnRenamed] field seats mapped column seats in the last deploy and now maps"
            + " seat_text, which holds none of its values; keep seats on column seats as"
            + " @Deprecated(forRemoval = true), and add a new field for seat_text:"
            + " @Widened @Backfill(from = \"seats\")", "seat_text");
  }

  @Test
  void aFieldRenamedInPlaceIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id,
            String title) {}
        """, "[GodwitColumnRenamed] field title replaces field name (column name) of the last"
            + " deploy, a rename in place that leaves the old column's values behind; keep name as"
            + " @Deprecated(forRemoval = true) and declare @Widened @Backfill(from = \"name\")"
            + " String title", "String title");
  }

  @Test
  void aFieldRemovedWithoutForRemovalIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name, @Deprecated Integer seats) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """, "[GodwitFieldRemoved] field seats (column seats) of the last deploy is gone, but that"
            + " deploy did not mark it @Deprecated(forRemoval = true), so its instances still write"
            + " and read it; restore it as @Deprecated(forRemoval = true) Integer seats for one"
            + " deploy, then remove it", "public record Team");
  }

  @Test
  void aFieldNarrowedThatWasNeverBackfilledIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id,
            @Backfill(value = "unnamed") String name) {}
        """, "[GodwitNarrowedUnfilled] field name is now required, but the last deploy never"
            + " backfilled it, so rows where name is NULL may remain; mark it @Widened with a"
            + " @Backfill in this deploy, and narrow it in the next", "String name");
  }

  @Test
  void aNewFieldNarrowedAtOnceIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name,
            @Backfill(value = "3") Integer seats) {}
        """, "[GodwitNarrowedUnfilled] field seats is now required, but the last deploy never"
            + " backfilled it", "Integer seats");
  }

  @Test
  void aChangedKeyIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, long code) {}
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(long id,
            @Id long code) {}
        """, "[GodwitKeyChanged] the primary key of teams was (id) in the last deploy and is now"
            + " (code), which Godwit cannot change in place; keep @Id on id, and add any new unique"
            + " column as an ordinary field", "@Id long code");
  }

  @Test
  void aRenamedTableIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """);
    JavaFileObject team = Compilations.team("""
        @MigratedTable("squads")
        public record Team(@Id long id, String name) {}
        """);
    Compilation next = compile(team);
    assertThat(next).failed();
    assertThat(next).hadErrorContaining("[GodwitTableRenamed] Team mapped table teams in the last"
            + " deploy and now maps squads, which holds none of its rows; keep"
            + " @MigratedTable(\"teams\"), or, to start a new table and copy the rows yourself,"
            + " delete " + snapshots.resolve("teams.json"))
        .inFile(team).onLineContaining("public record Team");
    assertTrue(Files.notExists(snapshots.resolve("squads.json")));
  }

  @Test
  void aSnapshotThatIsNoSnapshotIsAnError() throws IOException {
    Files.writeString(snapshots.resolve("teams.json"), "{ \"format\": 7 }\n");
    Compilation compilation = compile(Compilations.team("""
        @MigratedTable("teams")
        public record Team(@Id long id, String name) {}
        """));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[GodwitSnapshot] schema snapshot "
        + snapshots.resolve("teams.json") + " cannot be used: format 7 is not 1, the only format"
        + " this processor reads; restore it from version control, or delete it");
  }

  @Test
  void aRememberedMethodThatIsGoneWhileItsFieldIsToBeClearedIsRefused() throws IOException {
    baseline("""
        @MigratedTable("teams")
        public record Team(@Id long id, @Deprecated(forRemoval = true) String seats,
            @Widened @Backfill(method = "seatCountOf") Integer seatCount) {
          static Integer seatCountOf(Team team) {
            return 1;
          }
        }
        """);
    assertRefused("""
        @MigratedTable("teams")
        public record Team(@Id long id, @Deprecated(forRemoval = true) String seats,
            Integer seatCount) {}
        """, "[GodwitRememberedBackfill] field seatCount was filled by method seatCountOf in the"
            + " last deploy, and seats, which that method may read, is still to be cleared; keep"
            + " static method seatCountOf until seats is removed, so that the clear keeps every row"
            + " seatCount still lacks", "Integer seatCount");
  }
}
