package dev.godwit.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One online data migration over one table: which rows it visits (its range, in key order),
 * how many per transaction, what it does to each row, and the verification that proves it done.
 * Generated as {@code XMigrations.backfillPlan()}, or written by hand:
 *
 * <pre>{@code
 * Migration<User> addDefaultRole = Migration.on(UserTable.TABLE, "users.addDefaultRole")
 *     .range(UserTable.ROLE.isNull())
 *     .verifiedBy(UserTable.ROLE.isNull())
 *     .migrateOne((ctx, user) -> UserTable.patch().role("user"));
 * }</pre>
 *
 * <p>A migration is a description; {@link Migrator} runs it. Immutable and thread-safe as long as its
 * {@code migrateOne} function is.
 *
 * @param <T> the entity type of the table
 */
public final class Migration<T> {

  /**
   * The batch size of a migration that names none: large enough that a batch's fixed statements
   * cost little per row, small enough that a batch holds its rows' locks for milliseconds.
   */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  private final String name;
  private final Table<T> table;
  private final int batchSize;
  private final Condition<T> range;
  private final Verification<T> verification;
  private final boolean parallel;
  private final RowMigration<T> rowMigration;
  private final List<Assignment<T>> assignments;
  private final Phase phase;
  private final boolean destroysData;

  private Migration(Builder<T> builder, RowMigration<T> rowMigration, List<Assignment<T>> assignments) {
    this.name = builder.name;
    this.table = builder.table;
    this.batchSize = builder.batchSize;
    this.range = builder.range;
    this.verification = builder.verification;
    this.parallel = builder.parallel;
    this.rowMigration = rowMigration;
    this.assignments = assignments;
    this.phase = builder.phase;
    this.destroysData = builder.destroysData;
  }

  /**
   * Starts describing a migration.
   *
   * @param table the table whose rows it visits
   * @param name a unique name, by convention {@code <table>.<migration>}
   * @param <T> the entity type
   * @return a builder
   * @throws IllegalArgumentException if the name is blank or longer than 200 characters
   */
  public static <T> Builder<T> on(Table<T> table, String name) {
    return new Builder<>(table, name);
  }

  static String checkName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException(
          "a migration name must be 1 to 200 characters and not blank, not '" + name + "'");
    }
    return name;
  }

  /**
   * The unique name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The table whose rows it visits.
   *
   * @return the table
   */
  public Table<T> table() {
    return table;
  }

  /**
   * Rows per batch, unless a run says otherwise.
   *
   * @return a positive batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The rows visited; {@link Condition#all()} for the whole table.
   *
   * @return the range
   */
  public Condition<T> range() {
    return range;
  }

  /**
   * The verification that proves the migration done, if it has one.
   *
   * @return the verification
   */
  public Optional<Verification<T>> verification() {
    return Optional.ofNullable(verification);
  }

  /**
   * Whether {@code migrateOne} may run on the rows of a batch in parallel.
   *
   * @return {@code true} if declared parallel
   */
  public boolean parallel() {
    return parallel;
  }

  /**
   * Whether the migration is computed inside the database, one {@code UPDATE} per batch, rather than
   * by {@code migrateOne} in the JVM.
   *
   * @return {@code true} for {@link Builder#migrateInDatabase} migrations
   */
  public boolean inDatabase() {
    return rowMigration == null;
  }

  /**
   * The {@code migrateOne} function.
   *
   * @return the function, or {@code null} for an in-database migration
   */
  public RowMigration<T> rowMigration() {
    return rowMigration;
  }

  /**
   * The assignments of an in-database migration.
   *
   * @return the assignments, empty for a {@code migrateOne} migration
   */
  public List<Assignment<T>> assignments() {
    return assignments;
  }

  /**
   * The lifecycle phase the migration belongs to: {@link Phase#MIGRATE} for a backfill and for any
   * migration that says nothing else, {@link Phase#CONTRACT} for a generated clear.
   *
   * @return the phase
   */
  public Phase phase() {
    return phase;
  }

  /**
   * Whether the migration destroys data no other column or table keeps (a clear, a delete): such a
   * migration runs only when asked for by name or with destructive steps explicitly allowed, never as
   * part of a run of "everything".
   *
   * @return {@code true} if declared destructive, or in the {@link Phase#CONTRACT} phase
   */
  public boolean destroysData() {
    return destroysData || phase == Phase.CONTRACT;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Describes a migration; ends with {@link #migrateOne} or {@link #migrateInDatabase}.
   *
   * @param <T> the entity type
   */
  public static final class Builder<T> {

    private final Table<T> table;
    private final String name;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Condition<T> range = Condition.all();
    private Verification<T> verification;
    private boolean parallel;
    private Phase phase = Phase.MIGRATE;
    private boolean destroysData;

    private Builder(Table<T> table, String name) {
      this.table = Objects.requireNonNull(table, "table");
      this.name = checkName(name);
    }

    /**
     * Rows per batch (one transaction each); {@value Migration#DEFAULT_BATCH_SIZE} if not set.
     *
     * @param size a positive number
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public Builder<T> batchSize(int size) {
      if (size <= 0) {
        throw new IllegalArgumentException("batch size must be positive, not " + size);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Visits only the rows matching a condition (best over an indexed column); the whole table if not
     * set.
     *
     * @param range the rows to visit
     * @return this builder
     */
    public Builder<T> range(Condition<T> range) {
      this.range = Objects.requireNonNull(range, "range");
      return this;
    }

    /**
     * The rows that are still in the old format. The migration records {@code SUCCEEDED} only when
     * none is left, sweeping again rows written behind its cursor while it ran.
     *
     * @param remaining the rows not yet migrated
     * @return this builder
     */
    public Builder<T> verifiedBy(Condition<T> remaining) {
      this.verification = Verification.of(table, name, remaining);
      return this;
    }

    /**
     * A verification that proves the migration done, possibly shared with generated code.
     *
     * @param verification the verification, on the same table
     * @return this builder
     * @throws IllegalArgumentException if it is on another table
     */
    public Builder<T> verifiedBy(Verification<T> verification) {
      if (verification.table() != table
          && !verification.table().qualifiedName().equals(table.qualifiedName())) {
        throw new IllegalArgumentException(
            "verification " + verification.name() + " is on " + verification.table().qualifiedName()
                + ", not on " + table.qualifiedName());
      }
      this.verification = verification;
      return this;
    }

    /**
     * Lets {@code migrateOne} run on the rows of a batch in parallel; its writes still commit together.
     *
     * @return this builder
     */
    public Builder<T> parallel() {
      this.parallel = true;
      return this;
    }

    /**
     * The lifecycle phase the migration belongs to; {@link Phase#MIGRATE} if not set. A migration of
     * the {@link Phase#CONTRACT} phase {@linkplain Migration#destroysData() destroys data}.
     *
     * @param phase {@link Phase#MIGRATE} or {@link Phase#CONTRACT}: the other phases hold schema
     *     steps only
     * @return this builder
     * @throws IllegalArgumentException for {@link Phase#EXPAND} or {@link Phase#NARROW}
     */
    public Builder<T> phase(Phase phase) {
      if (phase != Phase.MIGRATE && phase != Phase.CONTRACT) {
        throw new IllegalArgumentException(
            "a migration belongs to the migrate or contract phase, not " + phase.label());
      }
      this.phase = phase;
      return this;
    }

    /**
     * Declares that the migration destroys data no other column or table keeps (it clears or deletes):
     * it then runs only when asked for by name, or with destructive migrations explicitly allowed.
     *
     * @return this builder
     */
    public Builder<T> destroysData() {
      this.destroysData = true;
      return this;
    }

    /**
     * Ends with the function that migrates each row.
     *
     * @param migrateOne called for each visited row, in the batch's transaction
     * @return the migration
     */
    public Migration<T> migrateOne(RowMigration<T> migrateOne) {
      return new Migration<>(this, Objects.requireNonNull(migrateOne, "migrateOne"), List.of());
    }

    /**
     * Ends with assignments computed inside the database: each batch is one {@code UPDATE} over the
     * batch's rows, and no row travels through the JVM. On a table with a {@linkplain Table#version()
     * version column} the {@code UPDATE} also increments it by one on every visited row.
     *
     * @param assignments what to set on each visited row
     * @return the migration
     * @throws IllegalArgumentException if there is no assignment, or one writes a column of another
     *     table or the version column
     */
    @SafeVarargs
    public final Migration<T> migrateInDatabase(Assignment<T>... assignments) {
      if (assignments.length == 0) {
        throw new IllegalArgumentException("an in-database migration needs at least one assignment");
      }
      for (Assignment<T> assignment : assignments) {
        if (!table.columns().contains(assignment.target())) {
          throw new IllegalArgumentException(
              assignment.target() + " is not a column of " + table.qualifiedName());
        }
        if (table.version().filter(assignment.target()::equals).isPresent()) {
          throw new IllegalArgumentException("an assignment sets " + assignment.target()
              + ", the version column of " + table.qualifiedName() + ", which Godwit increments by"
              + " one on every row it updates; leave it out");
        }
      }
      return new Migration<>(this, null, List.of(assignments));
    }
  }
}
