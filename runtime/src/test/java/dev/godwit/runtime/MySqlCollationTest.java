package dev.godwit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text keys on MySQL and MariaDB, whose collations may call different strings equal: a key is
 * visited once, in the database's order, and written back to its own row only, whether the key
 * column's collation is case- and accent-insensitive or binary while the connection's is not.
 */
class MySqlCollationTest {

  record Tag(String name, String label) {
    static final Column<Tag, String> NAME = Column.of("name", ColumnType.STRING);
    static final Column<Tag, String> LABEL = Column.of("label", ColumnType.STRING);
    static final Table<Tag> TABLE = Table.<Tag>builder("tags").key(NAME)
        .columns(List.of(NAME, LABEL))
        .reader(row -> new Tag(row.get(NAME), row.get(LABEL)))
        .writer(tag -> Patch.of(Tag.TABLE).set(NAME, tag.name()).set(LABEL, tag.label()))
        .build();
  }

  @ParameterizedTest(name = "{0}, batches of {1}")
  @CsvSource({
      "utf8mb4_bin, 1", "utf8mb4_bin, 2", "utf8mb4_bin, 100",
      "utf8mb4_nopad_bin, 2",
      "utf8mb4_general_ci, 1", "utf8mb4_general_ci, 2", "utf8mb4_general_ci, 100"})
  void everyTextKeyIsMigratedExactlyOnceIntoItsOwnRow(String collation, int batchSize) {
    Db db = new Db(TestDatabase.MARIADB);
    db.execute("CREATE TABLE tags (name VARCHAR(10) COLLATE " + collation + " PRIMARY KEY,"
        + " label VARCHAR(40))");
    // keys a case-insensitive collation calls equal cannot coexist under it: 'a', 'A' and 'ä' are
    // three rows under a binary collation, and 'a' with 'B', 'é' under the insensitive one
    // and 'a ' is a row of its own only where the collation does not pad with spaces
    List<String> names = collation.endsWith("_ci") ? List.of("a", "B", "c", "é", "Z")
        : collation.contains("nopad") ? List.of("a", "A", "ä", "b", "B", "a ")
        : List.of("a", "A", "ä", "b", "B");
    for (String name : names) {
      db.execute("INSERT INTO tags (name) VALUES ('" + name + "')");
    }
    List<String> visited = new ArrayList<>();

    RunResult result = db.migrator().run(Migration.on(Tag.TABLE, "tags.label")
        .batchSize(batchSize).verifiedBy(Tag.LABEL.isNull())
        .migrateOne((ctx, tag) -> {
          visited.add(tag.name());
          return Patch.of(Tag.TABLE).set(Tag.LABEL, "label of [" + tag.name() + "]");
        }));

    assertTrue(result.succeeded(), String.valueOf(result.status().error()));
    assertEquals(names.size(), visited.size(), visited::toString);
    assertEquals(names.size(), visited.stream().distinct().count(), visited::toString);
    assertEquals(names.size(), result.status().rowsChanged());
    assertEquals(databaseOrder(db), visited);
    Map<String, String> labels = new TreeMap<>();
    Map<String, String> expected = new TreeMap<>();
    for (Map<String, Object> row : db.rows("SELECT name, label FROM tags")) {
      labels.put((String) row.get("name"), (String) row.get("label"));
    }
    for (String name : names) {
      expected.put(name, "label of [" + name + "]");
    }
    assertEquals(expected, labels);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"utf8mb4_bin", "utf8mb4_general_ci"})
  void aDeleteAndAnUpdateByKeyReachExactlyTheirOwnRows(String collation) {
    Db db = new Db(TestDatabase.MARIADB);
    db.execute("CREATE TABLE tags (name VARCHAR(10) COLLATE " + collation + " PRIMARY KEY,"
        + " label VARCHAR(40))");
    List<String> names = collation.endsWith("_ci") ? List.of("a", "B", "é")
        : List.of("a", "A", "ä");
    for (String name : names) {
      db.execute("INSERT INTO tags (name) VALUES ('" + name + "')");
    }

    RunResult deleted = db.migrator().run(Migration.on(Tag.TABLE, "tags.dropFirst").batchSize(10)
        .migrateOne((ctx, tag) -> {
          if (tag.name().equals(names.get(0))) {
            ctx.delete(Tag.TABLE, tag.name());
          } else {
            ctx.update(Tag.TABLE, tag.name(), Patch.of(Tag.TABLE).set(Tag.LABEL, "kept"));
          }
          return null;
        }));

    assertTrue(deleted.succeeded(), String.valueOf(deleted.status().error()));
    List<String> left = db.rows("SELECT name FROM tags").stream()
        .map(row -> (String) row.get("name")).sorted().toList();
    assertEquals(names.subList(1, names.size()).stream().sorted().toList(), left);
    assertEquals(names.size() - 1, db.count("SELECT COUNT(*) FROM tags WHERE label = 'kept'"));
  }

  private static List<String> databaseOrder(Db db) {
    return db.rows("SELECT name FROM tags ORDER BY name").stream()
        .map(row -> (String) row.get("name")).toList();
  }
}
