package dev.godwit.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.runtime.Migration;
import dev.godwit.runtime.Migrator;
import dev.godwit.runtime.RunResult;
import dev.godwit.runtime.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code name} renamed {@code fullName}: copied inside the database. While {@code fullName} is widened,
 * {@code name} is not cleared: rolling back to the previous deploy needs it.
 */
@SuppressWarnings("removal")
class RenameTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void copiesTheOldFieldAndKeepsIt(TestDatabase kind) throws Exception {
    DataSource database = Rows.databaseWith(kind, MemberTable.TABLE,
        new Member(1, "Ada Lovelace", null),
        new Member(2, "Bob", "Robert Smith"),
        new Member(3, null, null),
        new Member(4, "Dee", null),
        new Member(5, "Eve", null),
        new Member(6, null, "Frank Jones"),
        new Member(7, "Gus", null),
        new Member(8, "Hal", null));
    Migrator migrator = Migrator.create(database);
    Map<Long, String> expected = Map.of(1L, "Ada Lovelace", 2L, "Robert Smith", 4L, "Dee", 5L, "Eve",
        6L, "Frank Jones", 7L, "Gus", 8L, "Hal");
    for (Member member : Rows.all(database, MemberTable.TABLE)) {
      assertEquals(expected.get(member.getId()), MemberDualRead.fullName(member));
    }
    // Row 3 has nothing to copy: it is neither visited nor counted as left.
    assertEquals(5, migrator.verify(MemberVerification.backfillFullName()).remaining());

    List<RunResult> results = migrator.runAll(MemberMigrations.all());

    assertEquals(List.of("members.backfillFullName"),
        MemberMigrations.all().stream().map(Migration::name).toList());
    assertTrue(results.stream().allMatch(RunResult::succeeded), results.toString());
    assertTrue(migrator.verify(MemberVerification.backfillFullName()).complete());
    List<Member> after = Rows.all(database, MemberTable.TABLE);
    assertEquals(expected, after.stream()
        .filter(member -> member.getFullName() != null)
        .collect(Collectors.toMap(Member::getId, Member::getFullName)));
    assertNull(after.get(2).getFullName());
    assertEquals(List.of("Ada Lovelace", "Bob", "Dee", "Eve", "Gus", "Hal"), after.stream()
        .map(Member::getName).filter(name -> name != null).toList(), "no old value is cleared");
  }
}
