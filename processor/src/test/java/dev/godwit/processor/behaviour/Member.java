package dev.godwit.processor.behaviour;

import dev.godwit.Backfill;
import dev.godwit.Id;
import dev.godwit.MigratedTable;
import dev.godwit.Widened;

/**
 * Renames {@code name} to {@code fullName} through a copy. In this deploy-1 form {@code name} gets no
 * clear ({@link RenamedMember} is the deploy-2 form).
 */
@MigratedTable("members")
public class Member {
  @Id private final long id;

  @Deprecated(forRemoval = true)
  private final String name;

  @Widened
  @Backfill(from = "name", batchSize = 3)
  private final String fullName;

  public Member(long id, String name, String fullName) {
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
