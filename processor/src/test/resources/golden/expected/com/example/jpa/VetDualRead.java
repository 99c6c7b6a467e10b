package com.example.jpa;

import javax.annotation.processing.Generated;

/**
 * Reads the widened fields of {@link Vet} whether or not a row has been migrated yet: the new
 * value when the row has it, otherwise the value its backfill would give it. Read through
 * these until the backfills are verified.
 */
@Generated("dev.godwit.processor.GodwitProcessor")
public final class VetDualRead {
  private VetDualRead() {
  }

  /**
   * The {@code displayName} of a row: its own value, or {@code Vet.displayNameOf} when it has none.
   *
   * @param vet the row
   * @return the value, as it is or will be after the backfill
   */
  public static String displayName(Vet vet) {
    String displayName = vet.getDisplayName();
    return displayName != null ? displayName : Vet.displayNameOf(vet);
  }

  /**
   * The {@code rank} of a row: its own value, or the constant {@code JUNIOR} when it has none.
   *
   * @param vet the row
   * @return the value, as it is or will be after the backfill
   */
  public static Rank rank(Vet vet) {
    Rank rank = vet.getRank();
    return rank != null ? rank : Rank.JUNIOR;
  }
}
