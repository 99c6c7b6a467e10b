package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;

/**
 * {@link Member} in its deploy-2 form: {@code fullName} is narrowed (it keeps its {@code @Backfill} and
 * drops {@code @Widened}), so {@code name}, which only its backfill still reads, gets a clear, and
 * {@code nickname}'s column is declared removed.
 */
@MigratedTable(value = "renamed_members", removed = "nickname")
public class RenamedMember {
  @Id private final long id;

  @Deprecated(forRemoval = true)
  private final String name;

  @Backfill(from = "name", batchSize = 3)
  private final String fullName;

  public RenamedMember(long id, String name, String fullName) {
    this.id = id;
    this.name = name;
    this.fullName = fullName;
  }

  public long getId() {
    return id;
  }

  @Deprecated(forRemoval = true)
  public String getName() {
    return name;
  }

  public String getFullName() {
    return fullName;
  }
}
