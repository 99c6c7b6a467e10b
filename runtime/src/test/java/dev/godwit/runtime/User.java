package dev.godwit.runtime;

import java.util.List;
import java.util.stream.LongStream;

/** A users table with a role being added (nullable while old rows lack it) and an email to fix. */
record User(long id, String name, String role) {

  static final Column<User, Long> ID = Column.of("id", ColumnType.LONG);
  static final Column<User, String> NAME = Column.of("name", ColumnType.STRING);
  static final Column<User, String> ROLE = Column.of("role", ColumnType.STRING);

  static final Table<User> TABLE = Table.of("users", ID, List.of(ID, NAME, ROLE),
      row -> new User(row.get(ID), row.get(NAME), row.get(ROLE)),
      user -> Patch.of(User.TABLE).set(ID, user.id()).set(NAME, user.name()).set(ROLE, user.role()));

  /** Users 1..count, every third one already having a role. */
  static List<User> some(int count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(id -> new User(id, "user" + id, id % 3 == 0 ? "admin" : null)).toList();
  }

  /** Gives every user without a role the default one. */
  static Migration<User> addDefaultRole() {
    return Migration.on(TABLE, "users.addDefaultRole")
        .batchSize(10)
        .verifiedBy(ROLE.isNull())
        .migrateOne((ctx, user) -> user.role() == null ? Patch.of(TABLE).set(ROLE, "user") : null);
  }
}
