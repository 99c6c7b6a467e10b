package dev.godwit.runtime;

import java.util.List;
import java.util.stream.LongStream;

/** A users table with a role being added (nullable while old rows lack it) and an email to fix. */
public record User(long id, String name, String role) {

  public static final Column<User, Long> ID = Column.of("id", ColumnType.LONG);
  public static final Column<User, String> NAME = Column.of("name", ColumnType.STRING);
  public static final Column<User, String> ROLE = Column.of("role", ColumnType.STRING);

  public static final Table<User> TABLE = Table.of("users", ID, List.of(ID, NAME, ROLE),
      row -> new User(row.get(ID), row.get(NAME), row.get(ROLE)),
      user -> Patch.of(User.TABLE).set(ID, user.id()).set(NAME, user.name()).set(ROLE, user.role()));

  /** Users 1..count, every third one already having a role. */
  public static List<User> some(int count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(id -> new User(id, "user" + id, id % 3 == 0 ? "admin" : null)).toList();
  }

  /** What an audited migration does to a row before its own work; may throw to fail the row. */
  @FunctionalInterface
  public interface Hook {
    /** Runs before the row is migrated; throwing fails the row. */
    void run(MigrationContext ctx, User user) throws Exception;
  }

  /**
   * Renames every user, inserting one audit row per migrated user through the context, so that the
   * audit table counts exactly how many times a row's work was committed.
   */
  public static Migration<User> audited(String name, Hook hook) {
    return Migration.on(TABLE, name)
        .batchSize(10)
        .migrateOne((ctx, user) -> {
          hook.run(ctx, user);
          ctx.insert(Audit.TABLE, Audit.of(user.id(), name));
          return Patch.of(TABLE).set(NAME, "migrated " + user.id());
        });
  }

  /** A database holding users 1..count and an empty audit table. */
  public static Db withAudit(dev.godwit.runtime.testing.TestDatabase kind, int count) {
    Db db = new Db(kind);
    db.create(TABLE);
    db.createWithIdentity(Audit.TABLE);
    db.insert(TABLE, some(count));
    return db;
  }

  /** Gives every user without a role the default one. */
  public static Migration<User> addDefaultRole() {
    return Migration.on(TABLE, "users.addDefaultRole")
        .batchSize(10)
        .verifiedBy(ROLE.isNull())
        .migrateOne((ctx, user) -> user.role() == null ? Patch.of(TABLE).set(ROLE, "user") : null);
  }

  /** The same, computed inside the database. */
  public static Migration<User> addDefaultRoleInDatabase() {
    return Migration.on(TABLE, "users.addDefaultRole")
        .batchSize(10)
        .range(ROLE.isNull())
        .verifiedBy(ROLE.isNull())
        .migrateInDatabase(ROLE.setTo("user"));
  }
}
