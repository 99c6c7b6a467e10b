package dev.godwit.runtime;

import java.util.Objects;

/**
 * Which rows of a table are still in the old format: the proof that a migration is done. Generated as
 * {@code XVerification.backfillPlan()}; run with {@link Migrator#verify(Verification)}. A migration that
 * carries one records {@code SUCCEEDED} only once it finds no row left.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class Verification<T> {

  private final String name;
  private final Table<T> table;
  private final Condition<T> remaining;

  private Verification(String name, Table<T> table, Condition<T> remaining) {
    this.name = Migration.checkName(name);
    this.table = Objects.requireNonNull(table, "table");
    this.remaining = Objects.requireNonNull(remaining, "remaining");
  }

  /**
   * A verification.
   *
   * @param table the table
   * @param name the name, usually that of the migration it verifies
   * @param remaining the rows still in the old format
   * @param <T> the entity type
   * @return the verification
   */
  public static <T> Verification<T> of(Table<T> table, String name, Condition<T> remaining) {
    return new Verification<>(name, table, remaining);
  }

  /**
   * The name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The table.
   *
   * @return the table
   */
  public Table<T> table() {
    return table;
  }

  /**
   * The rows still in the old format.
   *
   * @return the condition
   */
  public Condition<T> remaining() {
    return remaining;
  }

  @Override
  public String toString() {
    return name + ": " + table.qualifiedName() + " WHERE " + remaining;
  }
}
