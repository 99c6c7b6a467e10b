package dev.godwit.spring.boot.autoconfigure;

import dev.godwit.runtime.Column;
import dev.godwit.runtime.ColumnType;
import dev.godwit.runtime.Migration;
import dev.godwit.runtime.MigrationProvider;
import dev.godwit.runtime.Patch;
import dev.godwit.runtime.Table;
import dev.godwit.runtime.TableSchema;
import dev.godwit.runtime.Verification;
import java.util.List;

/**
 * Deploy-2 code: {@code members.role} is narrowed (required, once its backfill is complete).
 * Published only to the class loader of the test that needs it.
 */
public final class NarrowedMigrations implements MigrationProvider {

  /** A member. */
  public record Member(long id, String role) {}

  static final Column<Member, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<Member, String> ROLE = Column.of("role", ColumnType.STRING);

  static final Table<Member> MEMBERS = Table.of("members", ID, List.of(ID, ROLE),
      row -> new Member(row.get(ID), row.get(ROLE)),
      member -> new Patch<Member>().set(ID, member.id()).set(ROLE, member.role()));

  static final Verification<Member> ROLE_FILLED =
      Verification.of(MEMBERS, "members.backfillRole", ROLE.isNull());

  static final Migration<Member> BACKFILL_ROLE = Migration.on(MEMBERS, "members.backfillRole")
      .range(ROLE.isNull())
      .verifiedBy(ROLE_FILLED)
      .migrateOne((context, member) -> Patch.of(MEMBERS).set(ROLE, "MEMBER"));

  @Override
  public List<Migration<?>> migrations() {
    return List.of(BACKFILL_ROLE);
  }

  @Override
  public List<TableSchema<?>> schemas() {
    return List.of(TableSchema.of(MEMBERS).required(ID).narrowed(ROLE, ROLE_FILLED).build());
  }
}
